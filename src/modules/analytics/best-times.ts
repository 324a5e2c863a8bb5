import { sql } from 'kysely';
import { ENGAGEMENT_SQL, postsIn, type Reader } from './scope.js';
import { int } from './figures.js';
import type { HeatCell, Scope } from './types.js';
import { DAY_MS, HOUR_MS } from './time.js';
import { offsetSql } from './rollups/days.js';

/** How far back best times look: long enough for every slot of the week to have posts, short enough to be current. */
export const BEST_TIMES_DAYS = 90;

/**
 * Mean engagement per post for each local weekday (0 = Monday) and hour, over the posts of the 90 days before
 * the period's end. SQL places each post on the zone's clock (its offset on its side of any clock change) and
 * groups by slot of the week, so a summer and a winter post at the same local hour fall in the same cell.
 * 1 January 1970, day 0 of the clock, was a Thursday (weekday 3).
 */
export async function bestTimes(r: Reader, scope: Scope, end: number): Promise<HeatCell[]> {
  const from = end - BEST_TIMES_DAYS * DAY_MS;
  const local = sql`(p.published_at + ${offsetSql(sql`p.published_at`, r.zone, from, end)})`;
  const slot = sql`((${local} / ${sql.lit(DAY_MS)} + 3) % 7 * 24 + (${local} / ${sql.lit(HOUR_MS)}) % 24)`;
  const { rows } = await sql<{ slot: unknown; posts: unknown; engagement: unknown }>`
    select ${slot} as slot, count(*) as posts, sum(${ENGAGEMENT_SQL}) as engagement
    from analytics_posts p where ${postsIn(r, scope, from, end)} group by ${slot}`.execute(r.db);
  const cells: HeatCell[] = [];
  for (let weekday = 0; weekday < 7; weekday++) for (let hour = 0; hour < 24; hour++) cells.push({ weekday, hour, posts: 0, meanEngagement: 0 });
  for (const row of rows) {
    const cell = cells[int(row.slot)];
    if (!cell) continue;
    cell.posts = int(row.posts);
    cell.meanEngagement = cell.posts > 0 ? int(row.engagement) / cell.posts : 0;
  }
  return cells;
}
