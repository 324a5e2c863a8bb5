import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PostView } from '../../../../src/shared/api.js';
import { publishing } from '../../../api/publishing.js';
import { ErrorAlert } from '../../../components/Alert.js';
import { errorMessage } from '../../../lib/errors.js';
import { longInZone } from '../../../lib/zoned.js';
import { excerpt } from '../../publishing/status.js';
import { VariantsPreview } from './VariantsPreview.js';

interface ApprovalItemProps {
  workspaceId: string;
  post: PostView;
  zone: string;
  postPath: string;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onDecided: (message: string) => void;
}

/** A post waiting for my decision: previewed in full, approved or sent back with a comment from the list. */
export function ApprovalItem({ workspaceId, post, zone, postPath, selected, onSelect, onDecided }: ApprovalItemProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [requesting, setRequesting] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = excerpt(post.body || post.thread[0] || '…', 90);

  const decide = async (decision: 'approved' | 'changes_requested') => {
    if (decision === 'changes_requested' && !comment.trim()) return setError(t('approvals.commentNeeded'));
    setBusy(true);
    setError(null);
    try {
      await publishing.posts.decide(workspaceId, post.id, decision, decision === 'approved' ? '' : comment.trim());
      onDecided(t(decision === 'approved' ? 'approvals.approvedOne' : 'approvals.sentBack', { post: title }));
    } catch (caught) {
      setError(errorMessage(t, caught));
      setBusy(false);
    }
  };
  const sendBack = (event: FormEvent) => {
    event.preventDefault();
    void decide('changes_requested');
  };

  return (
    <article className={selected ? 'card approval-card is-selected' : 'card approval-card'} aria-labelledby={`${id}-title`}>
      <div className="approval-head">
        <input type="checkbox" className="approval-check" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={t('approvals.select', { post: title })} />
        <div className="approval-heading">
          <h2 id={`${id}-title`} className="approval-title">
            <Link to={postPath}>{title}</Link>
          </h2>
          <p className="muted approval-meta">
            {t('approvals.by', { name: post.author.name })}
            {' · '}
            {post.scheduledAt ? t('approvals.plannedFor', { date: longInZone(post.scheduledAt, zone, i18n.language) }) : t('approvals.noTime')}
            {' · '}
            {t('approvals.atStep', { step: (post.approval.currentStep ?? 0) + 1 })}
          </p>
        </div>
      </div>
      <VariantsPreview post={post} />
      <ErrorAlert>{error}</ErrorAlert>
      {requesting ? (
        <form className="approval-reject" noValidate onSubmit={sendBack}>
          <div className="field">
            <label htmlFor={`${id}-comment`}>{t('approvals.commentFor', { name: post.author.name })}</label>
            <textarea id={`${id}-comment`} rows={3} required value={comment} onChange={(e) => setComment(e.target.value)} aria-describedby={`${id}-hint`} autoFocus />
            <p className="hint" id={`${id}-hint`}>
              {t('approvals.commentHint')}
            </p>
          </div>
          <div className="cell-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('approvals.sendBack')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => {
                setRequesting(false);
                setError(null);
              }}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="cell-actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void decide('approved')}>
            {t('approvals.approve')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => setRequesting(true)}>
            {t('approvals.requestChangesOpen')}
          </button>
        </div>
      )}
    </article>
  );
}
