import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { OverviewView } from '../../../../src/shared/api.js';
import { publishing } from '../../../api/publishing.js';
import { ErrorAlert } from '../../../components/Alert.js';
import { errorMessage } from '../../../lib/errors.js';
import { PostGlanceItem } from './PostGlanceItem.js';
import { dayAndTimeOf } from './when.js';

interface ProblemsCardProps {
  workspaceId: string;
  problems: NonNullable<OverviewView['problems']>;
  zone: string;
  canRetry: boolean;
  postPath: (id: string) => string;
  failedPath: string;
  onRetried: (message: string) => void;
}

/** Posts that did not go out, with the network's words and a Retry for those who may publish. */
export function ProblemsCard({ workspaceId, problems, zone, canRetry, postPath, failedPath, onRetried }: ProblemsCardProps) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (problems.failed.length === 0) return null;

  const retry = async (id: string, excerpt: string) => {
    setBusy(id);
    setError(null);
    try {
      await publishing.posts.retry(workspaceId, id);
      onRetried(t('overview.retrying', { post: excerpt }));
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card overview-card attention attention-danger" aria-labelledby="overview-failed">
      <h2 id="overview-failed">
        {t('overview.failed')} <span className="card-count">{problems.failedCount}</span>
      </h2>
      <ErrorAlert>{error}</ErrorAlert>
      <ul className="glance-list glance-stacked">
        {problems.failed.map((p) => (
          <PostGlanceItem
            key={p.id}
            post={p}
            to={postPath(p.id)}
            when={p.scheduledAt ? dayAndTimeOf(p.scheduledAt, zone, i18n.language) : null}
            withErrors
            actions={
              canRetry ? (
                <button type="button" className="button button-small" disabled={busy !== null} onClick={() => void retry(p.id, p.excerpt)} aria-label={t('overview.retryFor', { post: p.excerpt })}>
                  {t('post.retry')}
                </button>
              ) : null
            }
          />
        ))}
      </ul>
      {problems.failedCount > problems.failed.length ? (
        <p className="card-footer">
          <Link to={failedPath}>{t('overview.allFailed', { count: problems.failedCount })}</Link>
        </p>
      ) : null}
    </section>
  );
}
