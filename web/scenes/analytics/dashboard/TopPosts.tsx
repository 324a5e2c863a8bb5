import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../api.js';
import { PostList } from './PostList.js';

/** The period's best and weakest posts by engagement, side by side on a wide screen. */
export function TopPosts({ workspaceId, dashboard }: { workspaceId: string; dashboard: Dashboard }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card analytics-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('analytics.posts.title')}</h2>
      <p className="figure-formula">{t('analytics.posts.rule')}</p>
      <div className="top-flop">
        <div>
          <h3>{t('analytics.posts.top')}</h3>
          {dashboard.topPosts.length === 0 ? (
            <p className="muted">{t('analytics.posts.empty')}</p>
          ) : (
            <PostList workspaceId={workspaceId} posts={dashboard.topPosts} zone={dashboard.timezone} />
          )}
        </div>
        <div>
          <h3>{t('analytics.posts.flop')}</h3>
          {dashboard.flopPosts.length === 0 ? (
            <p className="muted">{t('analytics.posts.empty')}</p>
          ) : (
            <PostList workspaceId={workspaceId} posts={dashboard.flopPosts} zone={dashboard.timezone} />
          )}
        </div>
      </div>
    </section>
  );
}
