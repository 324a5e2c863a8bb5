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

/**
 * Followers at both ends of a period, per account from the daily rollup: each value is one index seek on
 * (account_id, day), so a hundred accounts cost a few hundred seeks, whatever the history's length.
 */
export async function followerTotals(r: Reader, accounts: ScopeAccount[], period: Period): Promise<FollowerTotals> {
  if (accounts.length === 0) return { end: null, start: null };
  const first = localDay(period.start, r.zone);
  const last = localDay(Math.max(period.start, period.end - 1), r.zone);
  const seek = (cond: ReturnType<typeof sql>, dir: 'asc' | 'desc') =>
    sql`(select d.followers from analytics_account_days d where d.account_id = a.id and d.followers is not null and ${cond}
      order by d.day ${sql.raw(dir)} limit 1)`;
  const { rows } = await sql<{ id: string; at_end: unknown; prior: unknown; first_in: unknown }>`
    select a.id, ${seek(sql`d.day <= ${last}`, 'desc')} as at_end, ${seek(sql`d.day < ${first}`, 'desc')} as prior,
      ${seek(sql`d.day >= ${first} and d.day <= ${last}`, 'asc')} as first_in
    from social_accounts a where a.id in (${sql.join(accounts.map((a) => a.id))})`.execute(r.db);
  let end: number | null = null;
  let start: number | null = null;
  for (const row of rows) {
    const e = num(row.at_end);
    if (e === null) continue;
    end = (end ?? 0) + e;
    start = (start ?? 0) + (num(row.prior) ?? num(row.first_in) ?? e);
  }
  return { end, start };
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
