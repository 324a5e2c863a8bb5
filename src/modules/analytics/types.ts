/**
 * What analytics computes and what reports print: one shape, read by the dashboard routes, the report builder
 * and the benchmark. Every figure carries the formula it was computed with (`formula` keys are i18n keys the
 * web app and the PDF both translate), so the UI can write it next to the figure.
 */

/** A half-open range of epoch milliseconds [start, end). */
export interface Period {
  start: number;
  end: number;
}

/** What a dashboard is computed for: one workspace, optionally narrowed. */
export interface Scope {
  workspaceId: string;
  accountId?: string | null;
  network?: string | null;
  campaignId?: string | null;
  label?: string | null;
}

export type Comparison = 'previous' | 'year_before';

/** A figure for the period and its evolution against the comparison period. */
export interface Figure {
  value: number | null;
  previous: number | null;
  /** Relative change in percent, null when the previous value is 0 or unknown. */
  changePct: number | null;
  /** i18n key of the formula under analytics.formulas, e.g. "engagementRateFollowers". */
  formula: string;
}

export interface PublishingFigures {
  posts: Figure;
  engagement: Figure;
  likes: Figure;
  reposts: Figure;
  replies: Figure;
  quotes: Figure;
  views: Figure;
  /** Engagement ÷ followers at publish, per post, averaged, in percent. */
  engagementRateFollowers: Figure;
  /** Engagement ÷ views on posts that have views, in percent; null where no network gives views. */
  engagementRateViews: Figure;
  followers: Figure;
  followerGrowth: Figure;
  followerGrowthPct: Figure;
}

export interface DaySeriesPoint {
  /** YYYY-MM-DD in the workspace's time zone. */
  day: string;
  engagement: number;
  likes: number;
  reposts: number;
  replies: number;
  quotes: number;
  views: number;
  posts: number;
  followers: number | null;
}

export interface PostPerformance {
  id: string;
  accountId: string;
  network: string;
  handle: string;
  url: string | null;
  text: string;
  imageUrl: string | null;
  publishedAt: string;
  likes: number;
  reposts: number;
  replies: number;
  quotes: number | null;
  views: number | null;
  engagement: number;
  engagementRate: number | null;
  campaignId: string | null;
  labels: string[];
  /** Viewing figures since the post went out (YouTube Analytics); null where the network does not measure them. */
  watch: WatchFigures | null;
}

/** An account's viewing figures since it began, as last read (`takenAt`). */
export interface AccountWatchFigures {
  accountId: string;
  network: string;
  handle: string;
  takenAt: string;
  minutes: number | null;
  followersGained: number | null;
  missing: string | null;
  missingWhy: WatchMissingWhy | null;
}

/** Why viewing figures the network has are missing: a permission not granted, a quota used up, not out yet, other. */
export type WatchMissingWhy = 'permission' | 'quota' | 'not_yet' | 'unavailable';

/**
 * Minutes watched, average view, shares and followers gained. A figure is null when it could not be read, and
 * `missing` (the network's words) and `missingWhy` say why.
 */
export interface WatchFigures {
  minutes: number | null;
  averageViewSeconds: number | null;
  shares: number | null;
  followersGained: number | null;
  missing: string | null;
  missingWhy: WatchMissingWhy | null;
}

/** Mean engagement rate per local weekday (0 = Monday) and hour, from the workspace's own posts. */
export interface HeatCell {
  weekday: number;
  hour: number;
  posts: number;
  meanEngagement: number;
}

export interface Breakdown {
  key: string;
  label: string;
  posts: number;
  engagement: number;
  engagementRateFollowers: number | null;
}

export interface InboxFigures {
  volume: Figure;
  responseRate: Figure;
  /** Median minutes from arrival to the team's first reply. */
  firstResponseMinutes: Figure;
  moderationActions: Figure;
  complaints: Figure;
  negativeShare: Figure;
}

export interface ListeningFigures {
  volume: Figure;
  positiveShare: Figure;
  negativeShare: Figure;
  /** Per topic: its mentions and share of voice among the brand's and competitors' topics. */
  shareOfVoice: { topicId: string; name: string; kind: string; color: string; mentions: number; share: number }[];
  sentimentByDay: { day: string; positive: number; neutral: number; negative: number }[];
}

export interface Dashboard {
  scope: Scope;
  timezone: string;
  period: Period;
  comparison: Comparison;
  comparisonPeriod: Period;
  publishing: PublishingFigures;
  series: DaySeriesPoint[];
  comparisonSeries: DaySeriesPoint[];
  topPosts: PostPerformance[];
  flopPosts: PostPerformance[];
  bestTimes: HeatCell[];
  byNetwork: Breakdown[];
  byAccount: Breakdown[];
  byCampaign: Breakdown[];
  byLabel: Breakdown[];
  inbox: InboxFigures;
  listening: ListeningFigures;
}

export const OBJECTIVE_METRICS = [
  'engagement_rate', 'engagement', 'followers_gained', 'followers', 'posts_published', 'views',
  'response_rate', 'first_response_minutes', 'share_of_voice', 'mentions', 'positive_share',
] as const;
export type ObjectiveMetric = (typeof OBJECTIVE_METRICS)[number];

export interface ObjectiveProgress {
  /** The figure so far in the period (or its change in percent against the previous period when relative). */
  current: number | null;
  /** Where the figure ends at the current pace (method in `forecastMethod`). */
  forecast: number | null;
  /** i18n key under analytics.forecast: "linear" (sums: value ÷ elapsed × length), "level" (rates: last value held). */
  forecastMethod: string;
  /** 0..1 share of the period gone. */
  elapsed: number;
  status: 'pending' | 'on_track' | 'behind' | 'met' | 'missed';
}

export const REPORT_SECTIONS = [
  'cover', 'summary', 'objectives', 'key_figures', 'engagement_chart', 'followers_chart', 'top_posts',
  'best_times', 'networks', 'community', 'listening', 'analysis', 'recommendations',
] as const;
export type ReportSectionId = (typeof REPORT_SECTIONS)[number];
/** Sections whose content the community manager writes. */
export const FREE_TEXT_SECTIONS: readonly ReportSectionId[] = ['summary', 'analysis', 'recommendations'];

/** One workspace of the member's in the agency view, for the same period as the others. */
export interface AgencyRow {
  workspaceId: string;
  name: string;
  followers: number | null;
  followerGrowth: number | null;
  posts: number;
  engagement: number;
  engagementRateFollowers: number | null;
  /** Null where the member may not read that workspace's inbox. */
  inboxVolume: number | null;
  responseRate: number | null;
  objectivesBehind: number;
}
