import type { Generated } from 'kysely';

/** Analytics' and reports' tables (migration 0032). Same conventions as schema.ts: times are epoch milliseconds. */

export interface AnalyticsPostTable {
  id: string;
  workspace_id: string;
  account_id: string;
  network: string;
  /** The network's id of the post (Bluesky: at:// URI; Mastodon: status id). */
  external_id: string;
  url: string | null;
  /** The post's text, cut to a few hundred characters: what a report and a drill-down show. */
  text: string;
  image_url: string | null;
  /** The Ruche post (posts.id) it was published from, when it was; its campaign and labels are copied here. */
  post_id: string | null;
  campaign_id: string | null;
  /** JSON array of labels. */
  labels: Generated<string>;
  published_at: number;
  likes: Generated<number>;
  reposts: Generated<number>;
  replies: Generated<number>;
  /** Null where the network does not count them. */
  quotes: number | null;
  views: number | null;
  /** likes + reposts + replies + quotes, as last read. */
  engagement: Generated<number>;
  followers_at_publish: number | null;
  collected_at: number | null;
  /** When to read its counts again: often while the post is young, rarely once it is old. */
  next_collect_at: number;
  collect_count: Generated<number>;
  /** 1 once the network says the post no longer exists. */
  gone: Generated<number>;
  /**
   * Viewing figures (migration 0043) where the network measures them (YouTube Analytics), since the post went out.
   * Null where the network does not give them, or, with `watch_missing`, where it has them but they could not be read.
   */
  watch_minutes?: number | null;
  average_view_seconds?: number | null;
  shares?: number | null;
  followers_gained?: number | null;
  /** Why the viewing figures are missing, in the network's words; `watch_missing_why` is a WatchMissingWhy. */
  watch_missing?: string | null;
  watch_missing_why?: string | null;
}

export interface AnalyticsPostSnapshotTable {
  post_id: string;
  taken_at: number;
  likes: number;
  reposts: number;
  replies: number;
  quotes: number | null;
  views: number | null;
}

export interface AnalyticsAccountSnapshotTable {
  account_id: string;
  taken_at: number;
  followers: number;
  following: number | null;
  posts: number | null;
  /** The account's viewing figures since it began (migration 0043), as for a post. */
  watch_minutes?: number | null;
  followers_gained?: number | null;
  watch_missing?: string | null;
  watch_missing_why?: string | null;
}

export interface AnalyticsAccountDayTable {
  account_id: string;
  workspace_id: string;
  /** YYYY-MM-DD in the workspace's time zone. */
  day: string;
  /** The last counts read that day. */
  followers: number | null;
  following: number | null;
  posts: number | null;
  /** What the account's posts gained that day (differences between snapshots). */
  likes: Generated<number>;
  reposts: Generated<number>;
  replies: Generated<number>;
  quotes: Generated<number>;
  views: Generated<number>;
  /** Posts published that day. */
  published: Generated<number>;
}

export type ObjectiveStatus = 'pending' | 'on_track' | 'behind' | 'met' | 'missed';

export interface AnalyticsObjectiveTable {
  id: string;
  workspace_id: string;
  name: string;
  /** An ObjectiveMetric (src/modules/analytics/types.ts). */
  metric: string;
  network: string | null;
  account_id: string | null;
  topic_id: string | null;
  comparison: 'at_least' | 'at_most';
  target: number;
  /** 1: the target is a change in percent against the previous period of the same length. */
  relative: Generated<number>;
  period_start: number;
  period_end: number;
  status: Generated<ObjectiveStatus>;
  /** When the team was last warned that it fell behind; a warning is sent once per fall. */
  warned_at: number | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
}

export interface ReportTemplateTable {
  id: string;
  workspace_id: string;
  name: string;
  period: 'month' | 'quarter';
  locale: string;
  /** JSON array of ReportSectionId, in order. */
  sections: string;
  /** JSON object: the free-text sections' default texts. */
  texts: Generated<string>;
  /** JSON array of workspace ids for an agency report; empty means this workspace alone. */
  workspace_ids: Generated<string>;
  brand_color: string;
  schedule_enabled: Generated<number>;
  /** JSON array of e-mail addresses. */
  schedule_recipients: Generated<string>;
  next_run_at: number | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export type ReportStatus = 'queued' | 'running' | 'ready' | 'failed';

export interface ReportTable {
  id: string;
  workspace_id: string;
  template_id: string | null;
  title: string;
  locale: string;
  period: 'month' | 'quarter' | 'custom';
  period_start: number;
  period_end: number;
  workspace_ids: string;
  sections: string;
  texts: Generated<string>;
  brand_color: string;
  status: Generated<ReportStatus>;
  error: string | null;
  pdf_key: string | null;
  xlsx_key: string | null;
  csv_key: string | null;
  pages: number | null;
  /** JSON array of e-mail addresses the finished report is sent to. */
  recipients: Generated<string>;
  created_by: string | null;
  created_at: number;
  finished_at: number | null;
}

export interface ReportShareTable {
  id: string;
  report_id: string;
  workspace_id: string;
  token_hash: string;
  created_by: string | null;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

/**
 * Rollups of migration 0035, one row per local day of the workspace's time zone (YYYY-MM-DD), each kept up to date by
 * the code that writes the rows it sums, in the same transaction, and rebuilt when the workspace's zone changes.
 */

/** The posts published on a day, with their latest counts, per account, campaign and label. */
export interface AnalyticsPostDayTable {
  workspace_id: string;
  day: string;
  account_id: string;
  network: string;
  /** '' for posts outside any campaign. */
  campaign_id: string;
  /** '' for the row of every post; otherwise the row of the posts that carry this label. */
  label: string;
  posts: number;
  likes: number;
  reposts: number;
  replies: number;
  quotes: number;
  views: number;
  /** Posts whose views are known. */
  viewed: number;
  engagement: number;
  /** Σ engagement of the posts whose views are known. */
  engagement_viewed: number;
  /** Posts whose followers at publish are known (above 0). */
  rated: number;
  /** Σ engagement × 100 ÷ followers at publish over those posts. */
  rate_sum: number;
}

/** The same per month (YYYY-MM), so that a period of months reads a row where it would read thirty. */
export type AnalyticsPostMonthTable = Omit<AnalyticsPostDayTable, 'day'> & { month: string };

/**
 * A label's posts on a day split by the labels they carry (migration 0053): per label, day, account and campaign,
 * a row per label `other` its posts also carry, itself included, with the sums of the daily post rollup. A label's
 * dashboard reads its breakdown by label here rather than from every one of its posts.
 */
export type AnalyticsPostLabelPairTable = AnalyticsPostDayTable & { other: string };

/**
 * Posts by the local month they went out and the slot of the week they went out at (weekday × 24 + hour, 0 =
 * Monday 0:00, on the workspace's clock), per network and label ('' for every post): what best times sum.
 */
export interface AnalyticsPostSlotTable {
  workspace_id: string;
  month: string;
  network: string;
  label: string;
  slot: number;
  posts: number;
  /** Σ likes + reposts + replies + quotes. */
  engagement: number;
}

/** The accounts' days (analytics_account_days) summed per workspace, day and network. */
export interface AnalyticsWorkspaceDayTable {
  workspace_id: string;
  day: string;
  network: string;
  likes: number;
  reposts: number;
  replies: number;
  quotes: number;
  views: number;
  published: number;
  /** Σ the followers of the accounts read that day. */
  followers: number;
  /** How many accounts were read that day. */
  read: number;
}

/** A workspace's analytics version: moved on by every write that changes its figures. */
export interface AnalyticsVersionTable {
  workspace_id: string;
  version: number;
}

/** The inbox items received on a day for one of the workspace's accounts, as its figures count them. */
export interface AnalyticsInboxDayTable {
  workspace_id: string;
  day: string;
  account_id: string;
  network: string;
  volume: number;
  asked: number;
  answered: number;
  replied: number;
  complaints: number;
  negative: number;
  /** JSON array, in order, of how long each replied item waited for its first reply (ms): its median is a figure. */
  waits: string;
}

/**
 * The moderation actions done on a day (undoes left out), per account and network of the item acted on: '' for an
 * action on no item, or on an item of no account.
 */
export interface AnalyticsModerationDayTable {
  workspace_id: string;
  day: string;
  account_id: string;
  network: string;
  actions: number;
}

/** The listening mentions published on a day, per network (each once, whatever the topics it matched). */
export interface AnalyticsMentionDayTable {
  workspace_id: string;
  day: string;
  network: string;
  volume: number;
  positive: number;
  negative: number;
}

/** One topic's mentions published on a day (the per-minute counts summed). */
export interface AnalyticsTopicDayTable {
  topic_id: string;
  day: string;
  total: number;
  positive: number;
  negative: number;
}

export interface AnalyticsTables {
  analytics_posts: AnalyticsPostTable;
  analytics_post_snapshots: AnalyticsPostSnapshotTable;
  analytics_account_snapshots: AnalyticsAccountSnapshotTable;
  analytics_account_days: AnalyticsAccountDayTable;
  analytics_objectives: AnalyticsObjectiveTable;
  report_templates: ReportTemplateTable;
  reports: ReportTable;
  report_shares: ReportShareTable;
  analytics_post_days: AnalyticsPostDayTable;
  analytics_post_months: AnalyticsPostMonthTable;
  analytics_post_slots: AnalyticsPostSlotTable;
  analytics_post_label_pairs: AnalyticsPostLabelPairTable;
  analytics_workspace_days: AnalyticsWorkspaceDayTable;
  analytics_inbox_days: AnalyticsInboxDayTable;
  analytics_moderation_days: AnalyticsModerationDayTable;
  analytics_versions: AnalyticsVersionTable;
  analytics_mention_days: AnalyticsMentionDayTable;
  analytics_topic_days: AnalyticsTopicDayTable;
}
