/**
 * A network that cannot list an account's posts (YouTube here: its uploads are not read as a feed) still has the
 * posts Ruche published there: they are tracked from their publication, so collection reads their counts and
 * viewing figures like any discovered post.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.js';
import type { CollectedAccount } from './account.js';
import { recordPostChanges } from '../rollups/post-days.js';

/** What is kept of a post's text, as for a discovered post. */
const TEXT_MAX = 500;
/** Publications tracked per run: a burst of scheduled posts is picked up over a few runs. */
const TRACK_MAX = 500;

export async function trackPublished(db: Kysely<Database>, account: CollectedAccount, now: number): Promise<number> {
  const rows = await db.selectFrom('post_targets').innerJoin('posts', 'posts.id', 'post_targets.post_id')
    .leftJoin('analytics_posts', (j) => j.onRef('analytics_posts.account_id', '=', 'post_targets.account_id').onRef('analytics_posts.external_id', '=', 'post_targets.external_id'))
    .select(['post_targets.external_id', 'post_targets.external_url', 'post_targets.body', 'post_targets.published_at', 'post_targets.post_id', 'posts.body as post_body', 'posts.campaign_id', 'posts.labels'])
    .where('post_targets.account_id', '=', account.id).where('post_targets.status', '=', 'published')
    .where('post_targets.external_id', 'is not', null).where('analytics_posts.id', 'is', null)
    .limit(TRACK_MAX).execute();
  if (rows.length === 0) return 0;
  const fresh = rows.map((r) => ({
    id: randomUUID(), workspace_id: account.workspace_id, account_id: account.id, network: account.network, external_id: r.external_id!,
    url: r.external_url, text: Array.from(r.body ?? r.post_body).slice(0, TEXT_MAX).join(''), image_url: null,
    post_id: r.post_id, campaign_id: r.campaign_id, labels: r.labels,
    published_at: Math.min(Number(r.published_at ?? now), now), next_collect_at: now,
  }));
  let created = 0;
  await db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto('analytics_posts').values(fresh).onConflict((oc) => oc.columns(['account_id', 'external_id']).doNothing()).returning('id').execute();
    const ids = new Set(inserted.map((r) => r.id));
    created = ids.size;
    // Counted at once with no counts yet, as a discovered post is until its first reading.
    const unread = { likes: 0, reposts: 0, replies: 0, quotes: null, views: null, followers_at_publish: null };
    await recordPostChanges(trx, fresh.filter((f) => ids.has(f.id)).map((f) => ({ before: null, after: { ...f, ...unread } })));
  });
  return created;
}
