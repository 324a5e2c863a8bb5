import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostView } from '../../../src/shared/api.js';
import { publishing } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { isEditable } from '../publishing/status.js';

interface PostActionsProps {
  post: PostView;
  onChanged: (message: string) => void;
  onDeleted: (message: string) => void;
}

/** Taking a post off the calendar, or deleting it before it goes out. */
export function PostActions({ post, onChanged, onDeleted }: PostActionsProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canUnschedule = post.status === 'scheduled' && workspace.can('posts.publish');
  const canDelete = isEditable(post.status) && workspace.can('posts.write');
  if (!canUnschedule && !canDelete) return null;

  const act = async (work: () => Promise<unknown>, done: (m: string) => void, message: string) => {
    setError(null);
    try {
      await work();
      done(message);
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };

  return (
    <section className="card" aria-labelledby="post-actions">
      <h2 id="post-actions">{t('post.actions')}</h2>
      <ErrorAlert>{error}</ErrorAlert>
      <div className="cell-actions">
        {canUnschedule ? (
          <button type="button" className="button" onClick={() => void act(() => publishing.posts.unschedule(workspace.workspaceId, post.id), onChanged, t('post.unscheduled'))}>
            {t('post.unschedule')}
          </button>
        ) : null}
        {canDelete ? (
          <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
            {t('post.delete')}
          </button>
        ) : null}
      </div>
      {confirming ? (
        <ConfirmDialog
          title={t('post.deleteTitle')}
          message={t('post.deleteConfirm')}
          confirmLabel={t('post.delete')}
          onConfirm={() => {
            setConfirming(false);
            void act(() => publishing.posts.remove(workspace.workspaceId, post.id), onDeleted, t('post.deleted'));
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}
