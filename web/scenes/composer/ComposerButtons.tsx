import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostView } from '../../../src/shared/api.js';
import { useWorkspace } from '../../app/workspace.js';
import type { After } from './actions.js';
import type { Draft } from './draft.js';

interface ComposerButtonsProps {
  post: PostView | null;
  draft: Draft;
  approvalRequired: boolean;
  /** The charter stops the post: it may be saved, not sent on. */
  charterBlocked: boolean;
  busy: boolean;
  onRun: (after: After) => void;
}

/** The composer's next steps, named for what they will do in this workspace and for this member. */
export function ComposerButtons({ post, draft, approvalRequired, charterBlocked, busy, onRun }: ComposerButtonsProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const id = useId();
  const stopped = busy || charterBlocked;
  const why = charterBlocked ? `${id}-why` : undefined;
  const canPublish = workspace.can('posts.publish');
  const isDraft = !post || post.status === 'draft';
  const approved = post?.status === 'approved' || post?.status === 'scheduled';
  const submitLabel = approvalRequired
    ? t('composer.submitForApproval')
    : draft.plannedAt && canPublish
      ? t('composer.schedule')
      : t('composer.submit');
  const canGoOut = canPublish && (!approvalRequired || approved);
  // Once approved or scheduled, only those who may publish move a post, to the queue as anywhere else.
  const canQueue = !approved || canPublish;

  return (
    <div className="composer-buttons">
      <button type="submit" className="button" disabled={busy}>
        {isDraft ? t('composer.saveDraft') : t('composer.saveChanges')}
      </button>
      {isDraft ? (
        <button type="button" className="button button-primary" disabled={stopped} aria-describedby={why} onClick={() => onRun('submit')}>
          {submitLabel}
        </button>
      ) : null}
      {canQueue ? (
        <button type="button" className="button" disabled={stopped} aria-describedby={why} onClick={() => onRun('queue')}>
          {t('composer.addToQueue')}
        </button>
      ) : null}
      {canGoOut ? (
        <button type="button" className="button" disabled={stopped} aria-describedby={why} onClick={() => onRun('now')}>
          {t('composer.publishNow')}
        </button>
      ) : null}
      {charterBlocked ? (
        <p id={why} className="lint-blocked">
          {t('charter.lint.blockedPost')}
        </p>
      ) : null}
    </div>
  );
}
