import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostView } from '../../../src/shared/api.js';
import { publishing } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { ErrorAlert } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { LegalReview } from './LegalReview.js';

/** Where the post stands in the approval steps, and the decision buttons for whoever's turn it is. */
export function ApprovalPanel({ post, onChanged }: { post: PostView; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const id = useId();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { approval } = post;
  if (!approval.required) return null;

  const decide = async (decision: 'approved' | 'changes_requested') => {
    if (decision === 'changes_requested' && !comment.trim()) return setError(t('approvals.commentNeeded'));
    setBusy(true);
    setError(null);
    try {
      await publishing.posts.decide(workspace.workspaceId, post.id, decision, comment.trim());
      onChanged(decision === 'approved' ? t('approvals.approvedDone') : t('approvals.changesDone'));
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('approvals.panel')}</h2>
      <p>
        {approval.complete
          ? t('approvals.complete')
          : approval.changesRequested
            ? t('approvals.changesRequested')
            : post.status === 'in_review'
              ? t('approvals.waiting', { step: (approval.currentStep ?? 0) + 1, count: approval.missing })
              : t('approvals.notSubmitted')}
      </p>
      {post.charterReview?.required ? <LegalReview review={post.charterReview} /> : null}
      <ErrorAlert>{error}</ErrorAlert>
      {approval.canDecide && post.status === 'in_review' ? (
        <div className="form">
          <div className="field">
            <label htmlFor={`${id}-comment`}>{t('approvals.comment')}</label>
            <textarea id={`${id}-comment`} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} aria-describedby={`${id}-hint`} />
            <p className="hint" id={`${id}-hint`}>
              {t('approvals.commentHint')}
            </p>
          </div>
          <div className="cell-actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void decide('approved')}>
              {t('approvals.approve')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void decide('changes_requested')}>
              {t('approvals.requestChanges')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
