/**
 * Writes what a collection run read: each post's latest counts and next read, its snapshots, and the daily
 * rollup (analytics_account_days) that dashboards and reports sum instead of scanning snapshots. A day gains
 * what the posts gained since their previous read (a post's first read counts its whole total, on the day it
 * was published), and its follower counts are the last read that day. All of it in one transaction per batch,
 * with upserts that add to the day's row on both SQLite and PostgreSQL.
 *
 * The benchmark and the report tests seed their data through these same functions.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { DateTime } from 'luxon';
import type { Database } from '../../../store/schema.js';
import type { AnalyticsPostTable } from '../../../store/analytics-schema.js';
import type { PostMetrics } from '../../../connectors/types.js';
import { keepsSnapshot, nextCollectAt } from './schedule.js';
import { lockPostFigures, recordPostChanges } from '../rollups/post-days.js';
import { addWorkspaceDays } from '../rollups/workspace-days.js';
import { isPostgres } from '../rollups/zone.js';

export type AnalyticsPostRow = Selectable<AnalyticsPostTable>;

/** A post's counts read at `takenAt`; `post` is its row as stored before this read (collect_count 0: never read). */
export interface PostReading {
  post: AnalyticsPostRow;
  metrics: PostMetrics;
  takenAt: number;
  /** The account's followers when the post went out, set on the first read when the row has none. */
  followersAtPublish?: number | null;
}

export interface AccountReading {
  accountId: string;
  workspaceId: string;
  takenAt: number;
  followers: number;
  following: number | null;
  posts: number | null;
  /** Viewing figures since the account began, where its network measures them; null otherwise. */
  watchMinutes?: number | null;
  followersGained?: number | null;
  watchMissing?: string | null;
  watchMissingWhy?: string | null;
}

/** YYYY-MM-DD of `ms` in `timeZone` (an IANA name; an unknown one falls back to UTC). */
export function localDay(ms: number, timeZone: string): string {
  const local = DateTime.fromMillis(ms, { zone: timeZone });
  return (local.isValid ? local : DateTime.fromMillis(ms, { zone: 'utc' })).toISODate()!;
}

export const engagementOf = (m: Pick<PostMetrics, 'likes' | 'reposts' | 'replies' | 'quotes'>) => m.likes + m.reposts + m.replies + (m.quotes ?? 0);

interface DayDelta {
  account_id: string;
  workspace_id: string;
  day: string;
  likes: number;
  reposts: number;
  replies: number;
  quotes: number;
  views: number;
  published: number;
}

/** What each (account, day) gains from these readings: pure, so the rule is tested on hand-computed cases. */
export function dayDeltas(readings: readonly PostReading[], timeZone: string): DayDelta[] {
  const days = new Map<string, DayDelta>();
  for (const { post, metrics, takenAt } of readings) {
    const first = post.collect_count === 0;
    const day = localDay(first ? post.published_at : takenAt, timeZone);
    const key = `${post.account_id}\u0000${day}`;
    let d = days.get(key);
    if (!d) {
      d = { account_id: post.account_id, workspace_id: post.workspace_id, day, likes: 0, reposts: 0, replies: 0, quotes: 0, views: 0, published: 0 };
      days.set(key, d);
    }
    const before = first ? { likes: 0, reposts: 0, replies: 0, quotes: 0, views: 0 } : post;
    d.likes += metrics.likes - before.likes;
    d.reposts += metrics.reposts - before.reposts;
    d.replies += metrics.replies - before.replies;
    d.quotes += (metrics.quotes ?? 0) - (before.quotes ?? 0);
    d.views += (metrics.views ?? 0) - (before.views ?? 0);
    if (first) d.published += 1;
  }
  return [...days.values()];
}

/**
 * A post's viewing figures after a reading. They are totals since the post went out: a reading that could not get
 * them (a quota used up for the day) keeps the last ones read, and the reason is kept only while none are known.
 * A network that does not measure them leaves them null, with no reason.
 */
export function watchFigures(post: Pick<AnalyticsPostRow, 'watch_minutes' | 'average_view_seconds' | 'shares' | 'followers_gained'>, m: PostMetrics) {
  const pick = (read: number | null | undefined, stored: number | string | null | undefined) => read ?? (stored == null ? null : Number(stored));
  const figures = {
    watch_minutes: pick(m.watchMinutes, post.watch_minutes),
    average_view_seconds: pick(m.averageViewSeconds, post.average_view_seconds),
    shares: pick(m.shares, post.shares),
    followers_gained: pick(m.followersGained, post.followers_gained),
  };
  const none = Object.values(figures).every((v) => v === null);
  const missing = none && m.missing ? m.missing : null;
  return { ...figures, watch_missing: missing, watch_missing_why: missing ? (m.missingWhy ?? 'unavailable') : null };
}

const changed = (post: AnalyticsPostRow, m: PostMetrics) =>
  post.collect_count === 0 || post.likes !== m.likes || post.reposts !== m.reposts || post.replies !== m.replies
  || (post.quotes ?? null) !== (m.quotes ?? null) || (post.views ?? null) !== (m.views ?? null);

// Parameters per row stay well under SQLite's bound-parameter limit (32,766) and PostgreSQL's (65,535).
const CHUNK = 500;
const chunks = <T>(rows: T[], size = CHUNK) => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

/**
 * Applies readings of posts (all of one workspace, whose time zone is `timeZone`): latest counts, engagement, next
 * read, snapshots where they say something, and the days' deltas. Readings of the same post in one call must not
 * repeat (the caller reads each post once per batch).
 */
export async function applySnapshots(db: Kysely<Database>, readings: readonly PostReading[], timeZone: string): Promise<void> {
  if (readings.length === 0) return;
  await db.transaction().execute((trx) => applySnapshotsIn(trx, readings, timeZone));
}

export async function applySnapshotsIn(trx: Transaction<Database>, readings: readonly PostReading[], timeZone: string): Promise<void> {
  const ids = readings.map((r) => r.post.id);
  // The posts as stored, locked: what they bring to the daily post rollup until this write.
  const stored = await lockPostFigures(trx, ids);
  const lastSnapshot = new Map<string, number>();
  for (const part of chunks(ids)) {
    const rows = await trx.selectFrom('analytics_post_snapshots').select(['post_id', (eb) => eb.fn.max('taken_at').as('last')])
      .where('post_id', 'in', part).groupBy('post_id').execute();
    for (const r of rows) lastSnapshot.set(r.post_id, Number(r.last));
  }

  const snapshots = readings
    .filter((r) => keepsSnapshot({ changed: changed(r.post, r.metrics), publishedAt: r.post.published_at, takenAt: r.takenAt, lastSnapshotAt: lastSnapshot.get(r.post.id) ?? null }))
    .map((r) => ({ post_id: r.post.id, taken_at: r.takenAt, likes: r.metrics.likes, reposts: r.metrics.reposts, replies: r.metrics.replies, quotes: r.metrics.quotes, views: r.metrics.views }));
  for (const part of chunks(snapshots)) {
    await trx.insertInto('analytics_post_snapshots').values(part).onConflict((oc) => oc.columns(['post_id', 'taken_at']).doNothing()).execute();
  }

  // One upsert on the primary key writes every post's new state in a statement, rather than an UPDATE per post.
  const posts = readings.map(({ post, metrics, takenAt, followersAtPublish }) => ({
    ...post,
    likes: metrics.likes,
    reposts: metrics.reposts,
    replies: metrics.replies,
    quotes: metrics.quotes,
    views: metrics.views,
    engagement: engagementOf(metrics),
    followers_at_publish: post.followers_at_publish ?? followersAtPublish ?? null,
    collected_at: takenAt,
    next_collect_at: nextCollectAt(post.published_at, takenAt),
    collect_count: post.collect_count + 1,
    ...watchFigures(post, metrics),
  }));
  // The upsert below changes a stored post's counts and followers only; a post not stored is written whole.
  await recordPostChanges(trx, posts.map((p) => {
    const before = stored.get(p.id) ?? null;
    const counts = { likes: p.likes, reposts: p.reposts, replies: p.replies, quotes: p.quotes, views: p.views, followers_at_publish: p.followers_at_publish };
    return { before, after: before ? { ...before, ...counts } : p };
  }));
  for (const part of chunks(posts, 200)) {
    await trx.insertInto('analytics_posts').values(part).onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
      likes: eb.ref('excluded.likes'),
      reposts: eb.ref('excluded.reposts'),
      replies: eb.ref('excluded.replies'),
      quotes: eb.ref('excluded.quotes'),
      views: eb.ref('excluded.views'),
      engagement: eb.ref('excluded.engagement'),
      followers_at_publish: eb.ref('excluded.followers_at_publish'),
      collected_at: eb.ref('excluded.collected_at'),
      next_collect_at: eb.ref('excluded.next_collect_at'),
      collect_count: eb.ref('excluded.collect_count'),
      watch_minutes: eb.ref('excluded.watch_minutes'),
      average_view_seconds: eb.ref('excluded.average_view_seconds'),
      shares: eb.ref('excluded.shares'),
      followers_gained: eb.ref('excluded.followers_gained'),
      watch_missing: eb.ref('excluded.watch_missing'),
      watch_missing_why: eb.ref('excluded.watch_missing_why'),
    }))).execute();
  }

  const deltas = dayDeltas(readings, timeZone);
  const networks = new Map(readings.map((r) => [r.post.account_id, r.post.network]));
  await addWorkspaceDays(trx, deltas.map((d) => ({ ...d, network: networks.get(d.account_id)! })));
  for (const part of chunks(deltas)) {
    await trx.insertInto('analytics_account_days').values(part).onConflict((oc) => oc.columns(['account_id', 'day']).doUpdateSet((eb) => ({
      likes: eb('analytics_account_days.likes', '+', eb.ref('excluded.likes')),
      reposts: eb('analytics_account_days.reposts', '+', eb.ref('excluded.reposts')),
      replies: eb('analytics_account_days.replies', '+', eb.ref('excluded.replies')),
      quotes: eb('analytics_account_days.quotes', '+', eb.ref('excluded.quotes')),
      views: eb('analytics_account_days.views', '+', eb.ref('excluded.views')),
      published: eb('analytics_account_days.published', '+', eb.ref('excluded.published')),
    }))).execute();
  }
}

/**
 * An account's counts read at `takenAt`: a snapshot, and the day's follower counts (the last read of the day
 * wins, so a reading older than the day's latest snapshot leaves the day as it is).
 */
export async function applyAccountSnapshot(db: Kysely<Database>, reading: AccountReading, timeZone: string): Promise<void> {
  const day = localDay(reading.takenAt, timeZone);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('analytics_account_snapshots')
      .values({
        account_id: reading.accountId, taken_at: reading.takenAt, followers: reading.followers, following: reading.following, posts: reading.posts,
        watch_minutes: reading.watchMinutes ?? null, followers_gained: reading.followersGained ?? null,
        watch_missing: reading.watchMissing ?? null, watch_missing_why: reading.watchMissingWhy ?? null,
      })
      .onConflict((oc) => oc.columns(['account_id', 'taken_at']).doNothing()).execute();
    const newer = await trx.selectFrom('analytics_account_snapshots').select('taken_at')
      .where('account_id', '=', reading.accountId).where('taken_at', '>', reading.takenAt).orderBy('taken_at').limit(1).executeTakeFirst();
    if (newer && localDay(Number(newer.taken_at), timeZone) === day) return;
    // The day's followers as they were, locked: the workspace's day changes by the difference.
    const before = await trx.selectFrom('analytics_account_days').select('followers').where('account_id', '=', reading.accountId).where('day', '=', day)
      .$if(isPostgres(trx), (q) => q.forUpdate()).executeTakeFirst();
    const { network } = await trx.selectFrom('social_accounts').select('network').where('id', '=', reading.accountId).executeTakeFirstOrThrow();
    const old = before?.followers ?? null;
    await addWorkspaceDays(trx, [{ workspace_id: reading.workspaceId, day, network, followers: reading.followers - (old ?? 0), read: old === null ? 1 : 0 }]);
    await trx.insertInto('analytics_account_days')
      .values({ account_id: reading.accountId, workspace_id: reading.workspaceId, day, followers: reading.followers, following: reading.following, posts: reading.posts })
      .onConflict((oc) => oc.columns(['account_id', 'day']).doUpdateSet((eb) => ({
        followers: eb.ref('excluded.followers'),
        following: eb.ref('excluded.following'),
        posts: eb.ref('excluded.posts'),
      }))).execute();
  });
}
