import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PostView } from '../../../src/shared/api.js';
import { StatusTag } from '../publishing/StatusTag.js';
import { excerpt } from '../publishing/status.js';

/** Drafts and ideas without a planned time: they have no day in the calendar. */
export function UnscheduledList({ posts, base }: { posts: PostView[]; base: string }) {
  const { t } = useTranslation();
  return (
    <section className="card unscheduled" aria-labelledby="unscheduled-title">
      <h2 id="unscheduled-title">{t('calendar.unscheduled')}</h2>
      {posts.length === 0 ? <p className="muted">{t('calendar.noUnscheduled')}</p> : null}
      <ul className="post-list">
        {posts.map((p) => (
          <li key={p.id}>
            <Link to={`${base}/posts/${encodeURIComponent(p.id)}`}>{excerpt(p.body || '…', 70)}</Link> <StatusTag status={p.status} />
          </li>
        ))}
      </ul>
    </section>
  );
}
