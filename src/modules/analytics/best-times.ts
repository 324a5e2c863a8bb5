import { sql } from 'kysely';
import { ENGAGEMENT_SQL, postsIn, type Reader } from './scope.js';
import { int } from './figures.js';
import type { HeatCell, Scope } from './types.js';
import { DAY_MS, bucketWidth, localSlot } from './time.js';

/** How far back best times look: long enough for every slot of the week to have posts, short enough to be current. */
export const BEST_TIMES_DAYS = 90;

/**
 * Mean engagement per post for each local weekday (0 = Monday) and hour, over the posts of the 90 days before
 * the period's end. SQL groups by hour (or quarter hour) of UTC time; the zone places each bucket, so a summer
 * and a winter post at the same local hour fall in the same cell.
 */
export async function bestTimes(r: Reader, scope: Scope, end: number): Promise<HeatCell[]> {
  const from = end - BEST_TIMES_DAYS * DAY_MS;
  const width = bucketWidth(r.zone, from, end);
  const { rows } = await sql<{ b: unknown; posts: unknown; engagement: unknown }>`
    select p.published_at / ${sql.lit(width)} as b, count(*) as posts, sum(${ENGAGEMENT_SQL}) as engagement
    from analytics_posts p where ${postsIn(r, scope, from, end)} group by p.published_at / ${sql.lit(width)}`.execute(r.db);
  const cells: HeatCell[] = [];
  const sums = new Array<number>(168).fill(0);
  for (let weekday = 0; weekday < 7; weekday++) for (let hour = 0; hour < 24; hour++) cells.push({ weekday, hour, posts: 0, meanEngagement: 0 });
  for (const row of rows) {
    const slot = localSlot(Math.floor(int(row.b)) * width, r.zone);
    const i = slot.weekday * 24 + slot.hour;
    cells[i]!.posts += int(row.posts);
    sums[i]! += int(row.engagement);
  }
  for (let i = 0; i < cells.length; i++) if (cells[i]!.posts > 0) cells[i]!.meanEngagement = sums[i]! / cells[i]!.posts;
  return cells;
}
