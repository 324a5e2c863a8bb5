import { useId, useState } from 'react';
import { useWhen } from '../../../app/useWhen.js';
import { useTranslation } from 'react-i18next';
import { NetworkIcon } from '../../../components/NetworkIcon.js';
import { networkName } from '../../../lib/networks.js';
import { UserText } from '../../../components/UserText.js';
import type { PostPerformance } from '../api.js';
import { formatNumber, formatValue, safeUrl } from '../figures.js';
import { PostGrowth } from './PostGrowth.js';
import { WatchFigures } from './WatchFigures.js';

/** Posts with their counts; each can show its growth curve and leads to the post on its network. */
export function PostList({
  workspaceId,
  posts,
  zone,
}: {
  workspaceId: string;
  posts: PostPerformance[];
  zone: string;
}) {
  return (
    <ol className="post-list">
      {posts.map((p) => (
        <PostItem key={p.id} workspaceId={workspaceId} post={p} zone={zone} />
      ))}
    </ol>
  );
}

function PostItem({ workspaceId, post, zone }: { workspaceId: string; post: PostPerformance; zone: string }) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const locale = i18n.language;
  const [growth, setGrowth] = useState(false);
  const textId = useId();
  const url = safeUrl(post.url);
  const n = (v: number | null) => (v === null ? '–' : formatNumber(v, locale));
  return (
    <li className="post-item">
      <div className="post-item-head">
        <NetworkIcon network={post.network} label={networkName(post.network)} />
        <UserText className="post-handle">{`@${post.handle}`}</UserText>
        <span className="muted">{clock.dateTime(post.publishedAt)}</span>
      </div>
      <p className="post-item-text" id={textId}>
        <UserText>{post.text.slice(0, 500)}</UserText>
      </p>
      <dl className="post-counts">
        <div>
          <dt>{t('analytics.figures.engagement')}</dt>
          <dd>{n(post.engagement)}</dd>
        </div>
        <div>
          <dt>{t('analytics.figures.likes')}</dt>
          <dd>{n(post.likes)}</dd>
        </div>
        <div>
          <dt>{t('analytics.figures.reposts')}</dt>
          <dd>{n(post.reposts)}</dd>
        </div>
        <div>
          <dt>{t('analytics.figures.replies')}</dt>
          <dd>{n(post.replies)}</dd>
        </div>
        {post.quotes !== null ? (
          <div>
            <dt>{t('analytics.figures.quotes')}</dt>
            <dd>{n(post.quotes)}</dd>
          </div>
        ) : null}
        {post.views !== null ? (
          <div>
            <dt>{t('analytics.figures.views')}</dt>
            <dd>{n(post.views)}</dd>
          </div>
        ) : null}
        {post.engagementRate !== null ? (
          <div>
            <dt>{t('analytics.post.rate')}</dt>
            <dd>{formatValue(post.engagementRate, 'percent', locale)}</dd>
          </div>
        ) : null}
      </dl>
      {post.watch ? <WatchFigures network={post.network} watch={post.watch} /> : null}
      <div className="post-item-actions">
        <button type="button" className="button button-small" aria-expanded={growth} aria-describedby={textId} onClick={() => setGrowth(!growth)}>
          {growth ? t('analytics.post.hideGrowth') : t('analytics.post.growth')}
        </button>
        {url ? (
          <a className="button button-small" href={url} target="_blank" rel="noopener noreferrer nofollow">
            {t('analytics.post.open', {
              network: t(`analytics.networks.${post.network}`, {
                defaultValue: post.network,
              }),
            })}
          </a>
        ) : null}
      </div>
      {growth ? <PostGrowth workspaceId={workspaceId} postId={post.id} zone={zone} /> : null}
    </li>
  );
}
