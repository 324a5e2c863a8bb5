import { sql } from 'kysely';
import { ENGAGEMENT_SQL, postsIn, type Reader, type ScopeAccount } from './scope.js';
import { FORMULAS, figure, int, num, percent } from './figures.js';
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

/** The posts published in a period, summed in one query. */
export async function postTotals(r: Reader, scope: Scope, period: Period): Promise<PostTotals> {
  const { rows } = await sql<Record<string, unknown>>`
    select count(*) as posts, sum(${ENGAGEMENT_SQL}) as engagement, sum(p.likes) as likes, sum(p.reposts) as reposts,
      sum(p.replies) as replies, sum(coalesce(p.quotes, 0)) as quotes, sum(p.views) as views,
      sum(case when p.views is not null then ${ENGAGEMENT_SQL} end) as engagement_with_views,
      avg(case when p.followers_at_publish > 0 then ${ENGAGEMENT_SQL} * 100.0 / p.followers_at_publish end) as rate_followers
    from analytics_posts p where ${postsIn(r, scope, period.start, period.end)}`.execute(r.db);
  const t = rows[0] ?? {};
  const views = num(t.views);
  return {
    posts: int(t.posts), engagement: int(t.engagement), likes: int(t.likes), reposts: int(t.reposts), replies: int(t.replies),
    quotes: int(t.quotes), views, engagementRateFollowers: num(t.rate_followers),
    engagementRateViews: views === null ? null : percent(num(t.engagement_with_views), views),
  };
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
