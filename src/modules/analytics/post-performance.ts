import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { ENGAGEMENT_SQL, postsIn, publishedAt, type Reader } from './scope.js';
import { int, num, postEngagementRate } from './figures.js';
import type { Period, PostPerformance, Scope, WatchFigures, WatchMissingWhy } from './types.js';

const WATCH_COLUMNS = sql`p.watch_minutes, p.average_view_seconds, p.shares, p.followers_gained, p.watch_missing, p.watch_missing_why`;

export const POST_COLUMNS = sql`p.id, p.account_id, p.network, a.handle, p.url, p.text, p.image_url, p.published_at, p.likes, p.reposts,
  p.replies, p.quotes, p.views, p.followers_at_publish, p.campaign_id, p.labels, ${ENGAGEMENT_SQL} as engagement, ${WATCH_COLUMNS}`;

export type PostRow = Record<string, unknown>;

function labelsOf(raw: unknown): string[] {
  try {
    const parsed: unknown = JSON.parse(String(raw ?? '[]'));
    return Array.isArray(parsed) ? parsed.filter((l): l is string => typeof l === 'string') : [];
  } catch {
    return [];
  }
}

/** A post as the dashboard and the reports show it. Its text and handle come from the network: the reader escapes them. */
export function postPerformance(row: PostRow): PostPerformance {
  const engagement = int(row.engagement);
  const followers = num(row.followers_at_publish);
  return {
    id: String(row.id), accountId: String(row.account_id), network: String(row.network), handle: String(row.handle ?? ''),
    url: row.url === null ? null : String(row.url), text: String(row.text), imageUrl: row.image_url === null ? null : String(row.image_url),
    publishedAt: new Date(int(row.published_at)).toISOString(),
    likes: int(row.likes), reposts: int(row.reposts), replies: int(row.replies), quotes: num(row.quotes), views: num(row.views),
    engagement, engagementRate: postEngagementRate(engagement, followers),
    campaignId: row.campaign_id === null ? null : String(row.campaign_id), labels: labelsOf(row.labels),
    watch: watchOf(row),
  };
}

const WHY: readonly WatchMissingWhy[] = ['permission', 'quota', 'not_yet', 'unavailable'];

/** Null when the network gives no viewing figures: none stored and no reason they are missing. */
export function watchOf(row: PostRow): WatchFigures | null {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const figures = { minutes: n(row.watch_minutes), averageViewSeconds: n(row.average_view_seconds), shares: n(row.shares), followersGained: n(row.followers_gained) };
  const missing = row.watch_missing == null ? null : String(row.watch_missing);
  if (missing === null && Object.values(figures).every((v) => v === null)) return null;
  const why = WHY.find((w) => w === row.watch_missing_why) ?? (missing ? 'unavailable' : null);
  return { ...figures, missing, missingWhy: why };
}

/** A flop must have had time to be seen: posts younger than this are not judged. */
export const FLOP_MIN_AGE_MS = 48 * 3_600_000;
export const TOP_COUNT = 5;

/**
 * The period's five most engaging posts, and the five least among those at least 48 hours old, their handles left
 * for the caller to fill. Sorted by the stored
 * engagement (the same sum, written with the counts), ties by time then id in the same direction, so that both walk
 * the (workspace, engagement, published_at, id) index from one end and stop at the fifth post of the period.
 */
export async function topAndFlop(r: Reader, scope: Scope, period: Period) {
  const where = postsIn(r, scope, period.start, period.end, true);
  const published = publishedAt(r, scope, true);
  // The handle is the account's as the dashboard names it (labelled, in dashboard.ts): no join here.
  const columns = sql`p.id, p.account_id, p.network, '' as handle, p.url, p.text, p.image_url, p.published_at, p.likes, p.reposts,
    p.replies, p.quotes, p.views, p.followers_at_publish, p.campaign_id, p.labels, ${ENGAGEMENT_SQL} as engagement, ${WATCH_COLUMNS}`;
  const { rows } = await sql<PostRow & { flop: number }>`
    select * from (select ${columns}, 0 as flop from analytics_posts p where ${where}
      order by p.engagement desc, p.published_at desc, p.id desc limit ${TOP_COUNT}) t
    union all
    select * from (select ${columns}, 1 as flop from analytics_posts p where ${where}
      and ${published} <= ${r.now - FLOP_MIN_AGE_MS} order by p.engagement asc, p.published_at asc, p.id asc limit ${TOP_COUNT}) f`.execute(r.db);
  // UNION ALL keeps each part's rows together; each part's order is set again here, as SQL does not promise it.
  const order = (a: PostRow, b: PostRow) => int(a.engagement) - int(b.engagement) || int(a.published_at) - int(b.published_at) || (String(a.id) < String(b.id) ? -1 : 1);
  return {
    topPosts: rows.filter((x) => Number(x.flop) === 0).sort((a, b) => order(b, a)).map(postPerformance),
    flopPosts: rows.filter((x) => Number(x.flop) === 1).sort(order).map(postPerformance),
  };
}

export async function postById(db: Kysely<Database>, workspaceId: string, postId: string): Promise<PostPerformance | null> {
  const { rows } = await sql<PostRow>`select ${POST_COLUMNS} from analytics_posts p join social_accounts a on a.id = p.account_id
    where p.workspace_id = ${workspaceId} and p.id = ${postId}`.execute(db);
  return rows[0] ? postPerformance(rows[0]) : null;
}
