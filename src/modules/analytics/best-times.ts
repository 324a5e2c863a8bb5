import { sql, type RawBuilder } from 'kysely';
import type { IANAZone } from 'luxon';
import { ENGAGEMENT_SQL, postsIn, type Reader } from './scope.js';
import { int } from './figures.js';
import type { HeatCell, Period, Scope } from './types.js';
import { DAY_MS, HOUR_MS, localDay } from './time.js';
import { dayStart, offsetSql } from './rollups/days.js';

/** How far back best times look: long enough for every slot of the week to have posts, short enough to be current. */
export const BEST_TIMES_DAYS = 90;

const nextMonth = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString().slice(0, 7);
const monthStart = (month: string, zone: IANAZone) => dayStart(`${month}-01`, zone);

/** The local months [from, to) holds whole, first and last, with the instants they span; null when it holds none. */
export function wholeMonths(from: number, to: number, zone: IANAZone): { first: string; last: string; start: number; end: number } | null {
  let first = localDay(from, zone).slice(0, 7);
  if (monthStart(first, zone) < from) first = nextMonth(first);
  let last: string | null = null;
  for (let m = first; monthStart(nextMonth(m), zone) <= to; m = nextMonth(m)) last = m;
  return last === null ? null : { first, last, start: monthStart(first, zone), end: monthStart(nextMonth(last), zone) };
}

/**
 * Mean engagement per post for each local weekday (0 = Monday) and hour, over the posts of the 90 days before
 * the period's end. The whole local months of those days come from the posts' slots of the week (their rollup, per
 * network and label); the parts of months at either end, and the posts of an account or a campaign, from the posts:
 * SQL places each on the zone's clock (its offset on its side of any clock change) and groups by slot of the
 * week, so a summer and a winter post at the same local hour fall in the same cell, as the rollup does.
 * 1 January 1970, day 0 of the clock, was a Thursday (weekday 3).
 */
export async function bestTimes(r: Reader, scope: Scope, end: number): Promise<HeatCell[]> {
  const from = end - BEST_TIMES_DAYS * DAY_MS;
  // The rollup has no account or campaign: those scopes read their own posts, through their own narrower index.
  const months = scope.accountId || scope.campaignId ? null : wholeMonths(from, end, r.zone);
  const local = sql`(p.published_at + ${offsetSql(sql`p.published_at`, r.zone, from, end)})`;
  const slot = sql`((${local} / ${sql.lit(DAY_MS)} + 3) % 7 * 24 + (${local} / ${sql.lit(HOUR_MS)}) % 24)`;
  const edges: Period[] = months ? [{ start: from, end: months.start }, { start: months.end, end }].filter((e) => e.end > e.start) : [{ start: from, end }];
  const parts: RawBuilder<unknown>[] = [];
  for (const e of edges) {
    parts.push(sql`select ${slot} as slot, 1 as posts, ${ENGAGEMENT_SQL} as engagement from analytics_posts p where ${postsIn(r, scope, e.start, e.end)}`);
  }
  if (months) {
    parts.push(sql`select d.slot, d.posts, d.engagement from analytics_post_slots d where d.workspace_id = ${scope.workspaceId}
      and d.label = ${scope.label ?? ''} and d.month >= ${months.first} and d.month <= ${months.last} ${scope.network ? sql`and d.network = ${scope.network}` : sql``}`);
  }
  const { rows } = await sql<{ slot: unknown; posts: unknown; engagement: unknown }>`
    select h.slot, sum(h.posts) as posts, sum(h.engagement) as engagement from (${sql.join(parts, sql` union all `)}) h group by h.slot`.execute(r.db);
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
