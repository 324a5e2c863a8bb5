import { sql } from 'kysely';
import { ENGAGEMENT_SQL, postsIn, type Reader, type ScopeAccount } from './scope.js';
import { int, num } from './figures.js';
import type { DaySeriesPoint, Period, Scope } from './types.js';
import { bucketWidth, localSlot, periodDays } from './time.js';

const emptyPoint = (day: string): DaySeriesPoint => ({ day, engagement: 0, likes: 0, reposts: 0, replies: 0, quotes: 0, views: 0, posts: 0, followers: null });

/**
 * One point per local day from the daily rollup: the engagement the accounts' posts gained that day, the posts
 * published that day, and the followers — each account's last known count carried over the days it was not read.
 */
export async function accountSeries(r: Reader, accounts: ScopeAccount[], period: Period): Promise<DaySeriesPoint[]> {
  const { first, last, days } = periodDays(period, r.zone);
  const points = new Map(days.map((d) => [d, emptyPoint(d)]));
  if (accounts.length === 0) return [...points.values()];
  const ids = accounts.map((a) => a.id);
  const [rows, carried] = await Promise.all([
    r.db.selectFrom('analytics_account_days')
      .select(['account_id', 'day', 'followers', 'likes', 'reposts', 'replies', 'quotes', 'views', 'published'])
      .where('account_id', 'in', ids).where('day', '>=', first).where('day', '<=', last).execute(),
    sql<{ id: string; followers: unknown }>`select a.id, (select d.followers from analytics_account_days d where d.account_id = a.id
      and d.followers is not null and d.day < ${first} order by d.day desc limit 1) as followers
      from social_accounts a where a.id in (${sql.join(ids)})`.execute(r.db),
  ]);
  const followersByAccount = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const p = points.get(row.day);
    if (!p) continue;
    p.likes += int(row.likes);
    p.reposts += int(row.reposts);
    p.replies += int(row.replies);
    p.quotes += int(row.quotes);
    p.views += int(row.views);
    p.posts += int(row.published);
    const f = num(row.followers);
    if (f !== null) {
      if (!followersByAccount.has(row.account_id)) followersByAccount.set(row.account_id, new Map());
      followersByAccount.get(row.account_id)!.set(row.day, f);
    }
  }
  for (const p of points.values()) p.engagement = p.likes + p.reposts + p.replies + p.quotes;
  for (const c of carried.rows) {
    let known = num(c.followers);
    const read = followersByAccount.get(c.id);
    for (const day of days) {
      known = read?.get(day) ?? known;
      if (known === null) continue;
      const p = points.get(day)!;
      p.followers = (p.followers ?? 0) + known;
    }
  }
  return [...points.values()];
}

/**
 * For a campaign or a label, which the daily rollup cannot split: the posts published each local day with their
 * latest counts. Followers are the accounts', not a campaign's, so none here.
 */
export async function postSeries(r: Reader, scope: Scope, period: Period): Promise<DaySeriesPoint[]> {
  const { days } = periodDays(period, r.zone);
  const points = new Map(days.map((d) => [d, emptyPoint(d)]));
  const width = bucketWidth(r.zone, period.start, period.end);
  const { rows } = await sql<Record<string, unknown>>`
    select p.published_at / ${sql.lit(width)} as b, count(*) as posts, sum(p.likes) as likes, sum(p.reposts) as reposts, sum(p.replies) as replies,
      sum(coalesce(p.quotes, 0)) as quotes, sum(coalesce(p.views, 0)) as views, sum(${ENGAGEMENT_SQL}) as engagement
    from analytics_posts p where ${postsIn(r, scope, period.start, period.end)} group by p.published_at / ${sql.lit(width)}`.execute(r.db);
  for (const row of rows) {
    const p = points.get(localSlot(Math.floor(int(row.b)) * width, r.zone).day);
    if (!p) continue;
    p.posts += int(row.posts);
    p.likes += int(row.likes);
    p.reposts += int(row.reposts);
    p.replies += int(row.replies);
    p.quotes += int(row.quotes);
    p.views += int(row.views);
    p.engagement += int(row.engagement);
  }
  return [...points.values()];
}

