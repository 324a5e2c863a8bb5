import { z } from '@hono/zod-openapi';

/** The analytics API's shapes, as types.ts declares them. Post texts and handles come from networks: readers escape them. */
const FigureView = z.object({ value: z.number().nullable(), previous: z.number().nullable(), changePct: z.number().nullable(), formula: z.string() }).openapi('Figure');
const PeriodView = z.object({ start: z.number(), end: z.number() });
const ScopeView = z.object({ workspaceId: z.string(), accountId: z.string().nullable().optional(), network: z.string().nullable().optional(), campaignId: z.string().nullable().optional(), label: z.string().nullable().optional() });

const WatchMissingWhyView = z.enum(['permission', 'quota', 'not_yet', 'unavailable']);
export const WatchFiguresView = z.object({
  minutes: z.number().nullable(), averageViewSeconds: z.number().nullable(), shares: z.number().nullable(), followersGained: z.number().nullable(),
  missing: z.string().nullable(), missingWhy: WatchMissingWhyView.nullable(),
}).openapi('WatchFigures');

export const AccountWatchFiguresView = z.object({
  accountId: z.string(), network: z.string(), handle: z.string(), takenAt: z.string(),
  minutes: z.number().nullable(), followersGained: z.number().nullable(), missing: z.string().nullable(), missingWhy: WatchMissingWhyView.nullable(),
}).openapi('AccountWatchFigures');

export const PostPerformanceView = z.object({
  id: z.string(), accountId: z.string(), network: z.string(), handle: z.string(), url: z.string().nullable(), text: z.string(), imageUrl: z.string().nullable(),
  publishedAt: z.string(), likes: z.number(), reposts: z.number(), replies: z.number(), quotes: z.number().nullable(), views: z.number().nullable(),
  engagement: z.number(), engagementRate: z.number().nullable(), campaignId: z.string().nullable(), labels: z.array(z.string()),
  watch: WatchFiguresView.nullable(),
}).openapi('PostPerformance');

const DayPoint = z.object({
  day: z.string(), engagement: z.number(), likes: z.number(), reposts: z.number(), replies: z.number(), quotes: z.number(), views: z.number(),
  posts: z.number(), followers: z.number().nullable(),
});
const BreakdownView = z.object({ key: z.string(), label: z.string(), posts: z.number(), engagement: z.number(), engagementRateFollowers: z.number().nullable() });
const figures = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, FigureView])) as Record<K, typeof FigureView>);

export const DashboardView = z.object({
  scope: ScopeView, timezone: z.string(), period: PeriodView, comparison: z.enum(['previous', 'year_before']), comparisonPeriod: PeriodView,
  publishing: figures(['posts', 'engagement', 'likes', 'reposts', 'replies', 'quotes', 'views', 'engagementRateFollowers', 'engagementRateViews', 'followers', 'followerGrowth', 'followerGrowthPct'] as const),
  series: z.array(DayPoint), comparisonSeries: z.array(DayPoint),
  topPosts: z.array(PostPerformanceView), flopPosts: z.array(PostPerformanceView),
  bestTimes: z.array(z.object({ weekday: z.number(), hour: z.number(), posts: z.number(), meanEngagement: z.number() })),
  byNetwork: z.array(BreakdownView), byAccount: z.array(BreakdownView), byCampaign: z.array(BreakdownView), byLabel: z.array(BreakdownView),
  inbox: figures(['volume', 'responseRate', 'firstResponseMinutes', 'moderationActions', 'complaints', 'negativeShare'] as const),
  listening: figures(['volume', 'positiveShare', 'negativeShare'] as const).extend({
    shareOfVoice: z.array(z.object({ topicId: z.string(), name: z.string(), kind: z.string(), color: z.string(), mentions: z.number(), share: z.number() })),
    sentimentByDay: z.array(z.object({ day: z.string(), positive: z.number(), neutral: z.number(), negative: z.number() })),
  }),
}).openapi('Dashboard');

const id = z.string().min(1).max(64);
const instant = z.string().datetime({ offset: true });

export const PeriodQuery = z.object({ from: instant, to: instant });

export const ScopeQuery = z.object({
  accountId: id.optional(), network: z.string().min(1).max(40).optional(), campaignId: id.optional(), label: z.string().min(1).max(100).optional(),
});

export const DashboardQuery = PeriodQuery.merge(ScopeQuery).extend({ compare: z.enum(['previous', 'year_before']).default('previous') });

/** A whole number in the query: an empty value is refused, where coercion would read it as 0 (a Monday, midnight). */
const wholeNumber = (min: number, max: number) => z.string().regex(/^\d{1,4}$/, 'Expected a whole number.').transform(Number).pipe(z.number().int().min(min).max(max));

export const PostsQuery = ScopeQuery.extend({
  from: instant.optional(), to: instant.optional(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  weekday: wholeNumber(0, 6).optional(),
  hour: wholeNumber(0, 23).optional(),
  sort: z.enum(['engagement', 'published_at', 'engagement_rate']).default('engagement'),
  order: z.enum(['asc', 'desc']).default('desc'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const SnapshotsView = z.object({
  post: PostPerformanceView,
  items: z.array(z.object({ takenAt: z.string(), likes: z.number(), reposts: z.number(), replies: z.number(), quotes: z.number().nullable(), views: z.number().nullable() })),
});

export const AgencyRowView = z.object({
  workspaceId: z.string(), name: z.string(), followers: z.number().nullable(), followerGrowth: z.number().nullable(), posts: z.number(), engagement: z.number(),
  engagementRateFollowers: z.number().nullable(), inboxVolume: z.number().nullable(), responseRate: z.number().nullable(), objectivesBehind: z.number(),
}).openapi('AgencyWorkspace');

export const PostParams = z.object({ workspaceId: id, postId: id });
