/**
 * The three things a collection run does for one account: read its counts, find its new posts (with their
 * counts, which are their first reading), and read again the posts whose time came. A connector error is left to
 * the job, which decides by its kind; what was stored before it stays stored.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../../context.js';
import { requireCapability } from '../../../connectors/capabilities.js';
import type { OwnPost } from '../../../connectors/types.js';
import type { Database } from '../../../store/schema.js';
import type { CollectedAccount, MetricsReaders } from './account.js';
import { applyAccountSnapshot, applySnapshots, type AnalyticsPostRow, type PostReading } from './rollup.js';
import { lockPostFigures, recordPostChanges } from '../rollups/post-days.js';

/** An account's counts are read at most this often. */
export const ACCOUNT_EVERY_MS = 3600_000;
/** Posts asked for at once (Bluesky reads them 25 a call, Mastodon one by one). */
export const POSTS_BATCH = 100;
/** The account's listing is read this far above the newest known post: a post indexed late sorts lower. */
const DISCOVERY_OVERLAP_MS = 3600_000;
/** The first discovery of an account (and the backfill on connect) goes back this far. */
export const BACKFILL_MS = 90 * 86400_000;
const PAGE = 100;
/** What is kept of a post's text: a report and a drill-down show a few lines. */
const TEXT_MAX = 500;

export async function lastAccountSnapshotAt(db: Kysely<Database>, accountId: string): Promise<number | null> {
  const row = await db.selectFrom('analytics_account_snapshots').select((eb) => eb.fn.max('taken_at').as('last')).where('account_id', '=', accountId).executeTakeFirst();
  return row?.last == null ? null : Number(row.last);
}

/** Reads and stores the account's followers, following and posts; null when the network does not count followers. */
export async function snapshotAccount(ctx: AppContext, account: CollectedAccount, readers: MetricsReaders): Promise<number | null> {
  const info = await requireCapability(readers.connector, 'accountMetrics', 'accountMetrics')();
  if (info.followers === null) return null;
  await applyAccountSnapshot(ctx.store.db, {
    accountId: account.id, workspaceId: account.workspace_id, takenAt: ctx.clock.now(),
    followers: info.followers, following: info.following ?? null, posts: info.posts ?? null,
    watchMinutes: info.watchMinutes ?? null, followersGained: info.followersGained ?? null,
    // The reason only where the network has the figures but they are missing (YouTube Analytics refused).
    ...(info.missing && info.watchMinutes == null && info.followersGained == null ? { watchMissing: info.missing, watchMissingWhy: info.missingWhy ?? 'unavailable' } : {}),
  }, account.timezone);
  return info.followers;
}

/** The account's followers when each post went out: the first snapshot at or after it, else the latest one. */
async function followersAtPublish(db: Kysely<Database>, accountId: string, publishedAt: number[]): Promise<(at: number) => number | null> {
  if (publishedAt.length === 0) return () => null;
  const from = Math.min(...publishedAt);
  const after = await db.selectFrom('analytics_account_snapshots').select(['taken_at', 'followers'])
    .where('account_id', '=', accountId).where('taken_at', '>=', from).orderBy('taken_at').limit(20_000).execute();
  const latest = after.at(-1) ?? (await db.selectFrom('analytics_account_snapshots').select(['taken_at', 'followers'])
    .where('account_id', '=', accountId).orderBy('taken_at', 'desc').limit(1).executeTakeFirst());
  return (at) => after.find((s) => Number(s.taken_at) >= at)?.followers ?? latest?.followers ?? null;
}

interface Link {
  external_id: string;
  post_id: string;
  campaign_id: string | null;
  labels: string;
}

/** The Ruche posts these network posts were published from, by the network's id. */
async function linksFor(db: Kysely<Database>, accountId: string, externalIds: string[]): Promise<Map<string, Link>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db.selectFrom('post_targets').innerJoin('posts', 'posts.id', 'post_targets.post_id')
    .select(['post_targets.external_id', 'post_targets.post_id', 'posts.campaign_id', 'posts.labels'])
    .where('post_targets.account_id', '=', accountId).where('post_targets.external_id', 'in', externalIds).execute();
  return new Map(rows.map((r) => [r.external_id!, { ...r, external_id: r.external_id! }]));
}

/**
 * Links the account's posts found before Ruche recorded their publication (discovery can come first) to the
 * Ruche post, its campaign and its labels. Cheap: only posts without a link, only those published through Ruche.
 */
export async function linkPublished(db: Kysely<Database>, accountId: string): Promise<number> {
  const rows = await db.selectFrom('analytics_posts')
    .innerJoin('post_targets', (j) => j.onRef('post_targets.account_id', '=', 'analytics_posts.account_id').onRef('post_targets.external_id', '=', 'analytics_posts.external_id'))
    .innerJoin('posts', 'posts.id', 'post_targets.post_id')
    .select(['analytics_posts.id', 'post_targets.post_id', 'posts.campaign_id', 'posts.labels'])
    .where('analytics_posts.account_id', '=', accountId).where('analytics_posts.post_id', 'is', null).execute();
  if (rows.length === 0) return 0;
  // A campaign and labels move the posts between the daily rollup's rows.
  await db.transaction().execute(async (trx) => {
    const before = await lockPostFigures(trx, rows.map((r) => r.id));
    for (const r of rows) {
      await trx.updateTable('analytics_posts').set({ post_id: r.post_id, campaign_id: r.campaign_id, labels: r.labels }).where('id', '=', r.id).execute();
    }
    await recordPostChanges(trx, rows.flatMap((r) => {
      const b = before.get(r.id);
      return b ? [{ before: b, after: { ...b, campaign_id: r.campaign_id, labels: r.labels } }] : [];
    }));
  });
  return rows.length;
}

export interface DiscoveryPage {
  found: number;
  cursor: string | null;
  /** The oldest post this page reached (epoch ms), for a backfill's progress. */
  oldest: number | null;
}

/**
 * Stores one page of the account's own posts: new ones are added (linked to their Ruche post when there is one)
 * with their counts as first reading; known ones take the counts when their read was due anyway.
 */
export async function discoverPage(ctx: AppContext, account: CollectedAccount, readers: MetricsReaders, cursor: string | null, since: number): Promise<DiscoveryPage> {
  const { db } = ctx.store;
  const read = requireCapability(readers.connector, 'readOwnPosts', 'ownPosts');
  const page = await read(cursor, { limit: PAGE, since: new Date(since).toISOString() });
  const now = ctx.clock.now();
  const listed = new Map<string, OwnPost>();
  for (const p of page.items) listed.set(p.ref.id, p);
  const oldest = page.items.length ? Math.min(...page.items.map((p) => Date.parse(p.createdAt))) : null;
  if (listed.size === 0) return { found: 0, cursor: page.cursor, oldest };

  const ids = [...listed.keys()];
  const known = new Set((await db.selectFrom('analytics_posts').select('external_id').where('account_id', '=', account.id).where('external_id', 'in', ids).execute()).map((r) => r.external_id));
  const links = await linksFor(db, account.id, ids.filter((id) => !known.has(id)));
  const fresh = ids.filter((id) => !known.has(id)).map((id) => {
    const p = listed.get(id)!;
    const link = links.get(id);
    return {
      id: randomUUID(), workspace_id: account.workspace_id, account_id: account.id, network: account.network, external_id: id,
      url: p.url, text: Array.from(p.text).slice(0, TEXT_MAX).join(''), image_url: p.imageUrl,
      post_id: link?.post_id ?? null, campaign_id: link?.campaign_id ?? null, labels: link?.labels ?? '[]',
      // A post dated in the future (its author's clock, or a hostile record) counts from when it was seen.
      published_at: Math.min(Date.parse(p.createdAt), now), next_collect_at: now,
    };
  });
  if (fresh.length) {
    await db.transaction().execute(async (trx) => {
      const inserted = await trx.insertInto('analytics_posts').values(fresh).onConflict((oc) => oc.columns(['account_id', 'external_id']).doNothing()).returning('id').execute();
      const created = new Set(inserted.map((r) => r.id));
      // Counted at once with no counts yet, as the posts' figures read them until their first reading.
      const unread = { likes: 0, reposts: 0, replies: 0, quotes: null, views: null, followers_at_publish: null };
      await recordPostChanges(trx, fresh.filter((f) => created.has(f.id)).map((f) => ({ before: null, after: { ...f, ...unread } })));
    });
  }
  const rows = await db.selectFrom('analytics_posts').selectAll().where('account_id', '=', account.id).where('external_id', 'in', ids).execute();
  // New rows get their first reading; known ones only when due, so discovery does not upset their schedule.
  const due = rows.filter((r) => r.collect_count === 0 || (r.gone === 0 && r.next_collect_at <= now));
  const followers = await followersAtPublish(db, account.id, due.filter((r) => r.collect_count === 0).map((r) => r.published_at));
  const readings: PostReading[] = due.map((post) => ({
    post, metrics: listed.get(post.external_id)!.metrics, takenAt: now,
    followersAtPublish: post.collect_count === 0 ? followers(post.published_at) : undefined,
  }));
  await applySnapshots(db, readings, account.timezone);
  return { found: rows.filter((r) => r.collect_count === 0).length, cursor: page.cursor, oldest };
}

/** Where routine discovery starts: a little above the newest known post, or the backfill's reach for a new account. */
export async function discoverySince(db: Kysely<Database>, accountId: string, now: number): Promise<number> {
  const row = await db.selectFrom('analytics_posts').select((eb) => eb.fn.max('published_at').as('newest')).where('account_id', '=', accountId).executeTakeFirst();
  return row?.newest == null ? now - BACKFILL_MS : Math.max(now - BACKFILL_MS, Number(row.newest) - DISCOVERY_OVERLAP_MS);
}

/** Reads the counts of up to `POSTS_BATCH` due posts; gone ones are marked. `more` when others are still due. */
export async function collectDueBatch(ctx: AppContext, account: CollectedAccount, readers: MetricsReaders): Promise<{ read: number; gone: number; more: boolean }> {
  const { db } = ctx.store;
  const now = ctx.clock.now();
  const due: AnalyticsPostRow[] = await db.selectFrom('analytics_posts').selectAll()
    .where('account_id', '=', account.id).where('gone', '=', 0).where('next_collect_at', '<=', now)
    .orderBy('next_collect_at').limit(POSTS_BATCH).execute();
  if (due.length === 0) return { read: 0, gone: 0, more: false };
  const metrics = await requireCapability(readers.connector, 'postMetrics', 'postMetrics')(due.map((p) => ({ id: p.external_id })));
  const readings: PostReading[] = [];
  const gone: string[] = [];
  due.forEach((post, i) => {
    const m = metrics[i];
    if (m) readings.push({ post, metrics: m, takenAt: now });
    else gone.push(post.id);
  });
  await applySnapshots(db, readings, account.timezone);
  if (gone.length) await db.updateTable('analytics_posts').set({ gone: 1, collected_at: now }).where('id', 'in', gone).execute();
  return { read: readings.length, gone: gone.length, more: due.length === POSTS_BATCH };
}
