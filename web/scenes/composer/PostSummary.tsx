import { useTranslation } from 'react-i18next';
import type { PostView, SocialAccountView } from '../../../src/shared/api.js';
import { NetworkPreview } from './NetworkPreview.js';

/** A post that can no longer change: what each account published (or was to publish). */
export function PostSummary({ post, accounts }: { post: PostView; accounts: SocialAccountView[] }) {
  const { t } = useTranslation();
  return (
    <section className="post-summary" aria-label={t('composer.previews')}>
      {post.targets.map((target) => {
        const known = accounts.find((a) => a.id === target.accountId);
        const account: SocialAccountView = known ?? {
          id: target.accountId, network: target.network, handle: target.handle, displayName: target.handle, serviceUrl: '',
          status: 'disconnected', statusMessage: null, connectionWarning: null, timezone: 'UTC', lastOkAt: null, tokenExpiresAt: null, slots: [], failedPosts: 0, scheduledPosts: 0,
        };
        return <NetworkPreview key={target.id} account={account} text={target.body ?? post.body} thread={post.thread} media={post.media} />;
      })}
    </section>
  );
}
