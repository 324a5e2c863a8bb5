import { sql } from 'kysely';
import type { Reader, ScopeAccount } from './scope.js';
import { FORMULAS, figure, num, percent } from './figures.js';
import { postGroups, totalOf } from './post-sums.js';
import type { PostSums } from './rollups/post-days.js';
import type { Period, PublishingFigures, Scope } from './types.js';
import { localDay } from './time.js';

export interface PostTotals {
  posts: number;
  engagement: number;
  likes: number;
  reposts: number;
  replies: number;
  quotes: number;
  /** Σ views over the posts that have views; null when none has. */
  views: number | null;
  engagementRateFollowers: number | null;
  engagementRateViews: number | null;
}

/** The figures of posts' sums: views only where some post has them, rates only over the posts they apply to. */
export function totalsOf(s: PostSums): PostTotals {
  const views = s.viewed > 0 ? s.views : null;
  return {
    posts: s.posts, engagement: s.engagement, likes: s.likes, reposts: s.reposts, replies: s.replies, quotes: s.quotes, views,
    engagementRateFollowers: s.rated > 0 ? s.rate_sum / s.rated : null,
    engagementRateViews: views === null ? null : percent(s.engagement_viewed, views),
  };
}

/** The posts published in a period, summed (from the daily post rollup, and the posts of any part of a day). */
export async function postTotals(r: Reader, scope: Scope, period: Period): Promise<PostTotals> {
  return totalsOf(totalOf(await postGroups(r, scope, period, 'total')));
}

export interface FollowerTotals {
  /** Σ over accounts of the last followers known at the period's end. */
  end: number | null;
  /** Σ over the same accounts of the followers known before the period (or first read in it, for a newer account). */
  start: number | null;
}

/** What a period's figures need to know of an account's followers, from the accounts' days. */
export interface AccountFollowers {
  id: string;
  /** The last count read before the period. */
  prior: number | null;
  /** The first day of the period the followers were read, and that count. */
  firstDay: string | null;
  first: number | null;
  /** The last count read in the period. */
  last: number | null;
}

/**
 * The followers of each account around a period, per account from the daily rollup: each value is one index seek
 * on (account_id, day), so a hundred accounts cost a few hundred seeks, whatever the history's length. The
 * follower totals and the daily series share it.
 */
export async function accountFollowers(r: Reader, accounts: ScopeAccount[], period: Period): Promise<AccountFollowers[]> {
  return (await accountFollowersOf(r, accounts, [period]))[0]!;
}

/** The same around several periods (a dashboard's and the one it compares with), in one query. */
export async function accountFollowersOf(r: Reader, accounts: ScopeAccount[], periods: readonly Period[]): Promise<AccountFollowers[][]> {
  if (accounts.length === 0) return periods.map(() => []);
  const seek = (column: 'followers' | 'day', cond: ReturnType<typeof sql>, dir: 'asc' | 'desc') =>
    sql`(select d.${sql.ref(column)} from analytics_account_days d where d.account_id = a.id and d.followers is not null and ${cond}
      order by d.day ${sql.raw(dir)} limit 1)`;
  const columns = periods.map((period, i) => {
    const first = localDay(period.start, r.zone);
    const last = localDay(Math.max(period.start, period.end - 1), r.zone);
    const inPeriod = sql`d.day >= ${first} and d.day <= ${last}`;
    return sql`${seek('followers', sql`d.day < ${first}`, 'desc')} as ${sql.ref(`prior_${i}`)}, ${seek('day', inPeriod, 'asc')} as ${sql.ref(`first_day_${i}`)},
      ${seek('followers', inPeriod, 'asc')} as ${sql.ref(`first_${i}`)}, ${seek('followers', inPeriod, 'desc')} as ${sql.ref(`last_${i}`)}`;
  });
  const { rows } = await sql<Record<string, unknown> & { id: string }>`select a.id, ${sql.join(columns)}
    from social_accounts a where a.id in (${sql.join(accounts.map((a) => a.id))})`.execute(r.db);
  return periods.map((_, i) => rows.map((row) => ({
    id: row.id, prior: num(row[`prior_${i}`]), firstDay: row[`first_day_${i}`] == null ? null : String(row[`first_day_${i}`]),
    first: num(row[`first_${i}`]), last: num(row[`last_${i}`]),
  })));
}

/**
 * Followers at both ends of a period: Σ over accounts of the last count known at its end, and Σ over the same
 * accounts of the count known before it (or first read in it, for a newer account).
 */
export function followerTotalsOf(rows: readonly AccountFollowers[]): FollowerTotals {
  let end: number | null = null;
  let start: number | null = null;
  for (const row of rows) {
    const e = row.last ?? row.prior;
    if (e === null) continue;
    end = (end ?? 0) + e;
    start = (start ?? 0) + (row.prior ?? row.first ?? e);
  }
  return { end, start };
}

export async function followerTotals(r: Reader, accounts: ScopeAccount[], period: Period): Promise<FollowerTotals> {
  return followerTotalsOf(await accountFollowers(r, accounts, period));
}

export function publishingFigures(now: PostTotals, before: PostTotals, f: FollowerTotals, fb: FollowerTotals): PublishingFigures {
  const growth = (x: FollowerTotals) => (x.end === null || x.start === null ? null : x.end - x.start);
  const growthPct = (x: FollowerTotals) => percent(growth(x), x.start);
  return {
    posts: figure(now.posts, before.posts, FORMULAS.posts),
    engagement: figure(now.engagement, before.engagement, FORMULAS.engagement),
    likes: figure(now.likes, before.likes, FORMULAS.likes),
    reposts: figure(now.reposts, before.reposts, FORMULAS.reposts),
    replies: figure(now.replies, before.replies, FORMULAS.replies),
    quotes: figure(now.quotes, before.quotes, FORMULAS.quotes),
    views: figure(now.views, before.views, FORMULAS.views),
    engagementRateFollowers: figure(now.engagementRateFollowers, before.engagementRateFollowers, FORMULAS.engagementRateFollowers),
    engagementRateViews: figure(now.engagementRateViews, before.engagementRateViews, FORMULAS.engagementRateViews),
    followers: figure(f.end, fb.end, FORMULAS.followers),
    followerGrowth: figure(growth(f), growth(fb), FORMULAS.followerGrowth),
    followerGrowthPct: figure(growthPct(f), growthPct(fb), FORMULAS.followerGrowthPct),
  };
}
