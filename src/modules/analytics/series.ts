import { sql } from 'kysely';
import type { Reader, ScopeAccount } from './scope.js';
import { int } from './figures.js';
import type { DaySeriesPoint, Period, Scope } from './types.js';
import { dayRanges, periodDays } from './time.js';
import { postGroups, type PostGroup } from './post-sums.js';
import { accountFollowersOf, type AccountFollowers } from './publishing.js';
import { rowsByColumns } from './columns.js';

const DAY_COLUMNS = ['day', 'likes', 'reposts', 'replies', 'quotes', 'views', 'published', 'followers', 'read'];

const emptyPoint = (day: string): DaySeriesPoint => ({ day, engagement: 0, likes: 0, reposts: 0, replies: 0, quotes: 0, views: 0, posts: 0, followers: null });

/**
 * One point per local day from the accounts' days: the engagement the accounts' posts gained that day, the posts
 * published that day, and the followers — each account's last known count carried over the days it was not read.
 * The days are summed in SQL (for every account of the workspace or of a network, from their sum per network and
 * day); a day's followers are that sum when every account known by then was read that day, and are otherwise
 * carried account by account.
 */
export async function accountSeries(r: Reader, accounts: ScopeAccount[], period: Period, scope?: Scope, followers?: Promise<AccountFollowers[]>): Promise<DaySeriesPoint[]> {
  return (await accountSeriesOf(r, accounts, [period], scope, followers?.then((f) => [f])))[0]!;
}

/**
 * The same for several periods (a dashboard's and the one it compares with): their days are summed in one query,
 * each day once even where the periods share it.
 */
export async function accountSeriesOf(r: Reader, accounts: ScopeAccount[], periods: readonly Period[], scope?: Scope, followers?: Promise<AccountFollowers[][]>): Promise<DaySeriesPoint[][]> {
  const spans = periods.map((p) => periodDays(p, r.zone));
  if (accounts.length === 0) return spans.map(({ days }) => days.map(emptyPoint));
  const ids = sql.join(accounts.map((a) => a.id));
  const wholeWorkspace = scope !== undefined && !scope.accountId;
  // One grouped select per span of days, each read in the order of its index.
  const perRange = (range: (first: string, last: string) => ReturnType<typeof sql>) =>
    sql.join(dayRanges(spans).map(({ first, last }) => range(first, last)), sql` union all `);
  const [sums, known] = await Promise.all([
    rowsByColumns(r, wholeWorkspace
      ? sql`${perRange((first, last) => sql`select d.day, sum(d.likes) as likes, sum(d.reposts) as reposts, sum(d.replies) as replies,
          sum(d.quotes) as quotes, sum(d.views) as views, sum(d.published) as published, sum(d.followers) as followers, sum(d.read) as read
        from analytics_workspace_days d where d.workspace_id = ${scope.workspaceId} and d.day >= ${first} and d.day <= ${last}
        ${scope.network ? sql`and d.network = ${scope.network}` : sql``} group by d.day`)}`
      : sql`${perRange((first, last) => sql`select d.day, sum(d.likes) as likes, sum(d.reposts) as reposts, sum(d.replies) as replies,
          sum(d.quotes) as quotes, sum(d.views) as views, sum(d.published) as published, sum(d.followers) as followers, count(d.followers) as read
        from analytics_account_days d where d.account_id in (${ids}) and d.day >= ${first} and d.day <= ${last} group by d.day`)}`, DAY_COLUMNS),
    followers ?? accountFollowersOf(r, accounts, periods),
  ]);
  const byDay = new Map(sums.map((row) => [String(row.day), row]));
  return Promise.all(spans.map(async ({ days }, i) => {
    const points = new Map(days.map((d) => [d, emptyPoint(d)]));
    const read = new Map<string, { followers: number; read: number }>();
    for (const day of days) {
      const row = byDay.get(day);
      if (!row) continue;
      const p = points.get(day)!;
      p.likes = int(row.likes);
      p.reposts = int(row.reposts);
      p.replies = int(row.replies);
      p.quotes = int(row.quotes);
      p.views = int(row.views);
      p.posts = int(row.published);
      p.engagement = p.likes + p.reposts + p.replies + p.quotes;
      read.set(p.day, { followers: int(row.followers), read: int(row.read) });
    }
    const knownFrom = known[i]!.map((k) => (k.prior !== null ? '' : k.firstDay));
    const complete = days.every((day) => (read.get(day)?.read ?? 0) === knownFrom.filter((d) => d !== null && d <= day).length);
    if (!complete) return carryFollowers(r, accounts, days, points, known[i]!);
    for (const p of points.values()) {
      const day = read.get(p.day);
      if (day && day.read > 0) p.followers = day.followers;
    }
    return [...points.values()];
  }));
}

/** Followers carried account by account over the days some account was not read. */
async function carryFollowers(r: Reader, accounts: ScopeAccount[], days: readonly string[], points: Map<string, DaySeriesPoint>, carried: readonly AccountFollowers[]) {
  const rows = await r.db.selectFrom('analytics_account_days').select(['account_id', 'day', 'followers'])
    .where('account_id', 'in', accounts.map((a) => a.id)).where('day', '>=', days[0]!).where('day', '<=', days[days.length - 1]!)
    .where('followers', 'is not', null).execute();
  const byAccount = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (!byAccount.has(row.account_id)) byAccount.set(row.account_id, new Map());
    byAccount.get(row.account_id)!.set(row.day, Number(row.followers));
  }
  for (const c of carried) {
    let known = c.prior;
    const read = byAccount.get(c.id);
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
 * For a campaign or a label, which the daily account rollup cannot split: the posts published each local day with
 * their latest counts, from the daily post rollup. Followers are the accounts', not a campaign's, so none here.
 */
export async function postSeries(r: Reader, scope: Scope, period: Period): Promise<DaySeriesPoint[]> {
  return seriesOfGroups(r, period, await postGroups(r, scope, period, 'day'));
}

/** The same from the period's posts already summed per day (postGroups 'day'). */
export function seriesOfGroups(r: Reader, period: Period, groups: readonly PostGroup[]): DaySeriesPoint[] {
  const { days } = periodDays(period, r.zone);
  const points = new Map(days.map((d) => [d, emptyPoint(d)]));
  for (const g of groups) {
    const p = points.get(g.day);
    if (!p) continue;
    const s = g.sums;
    Object.assign(p, { posts: p.posts + s.posts, likes: p.likes + s.likes, reposts: p.reposts + s.reposts, replies: p.replies + s.replies,
      quotes: p.quotes + s.quotes, views: p.views + s.views, engagement: p.engagement + s.engagement });
  }
  return [...points.values()];
}
