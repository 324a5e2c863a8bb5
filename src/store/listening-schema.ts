import type { Generated } from 'kysely';

/** Listening's tables (migration 0031). Same conventions as schema.ts: times are epoch milliseconds. */

export type TopicKind = 'brand' | 'product' | 'person' | 'competitor' | 'campaign' | 'other';
export type ListeningSourceKind = 'feed' | 'bluesky_jetstream' | 'bluesky_relay' | 'mastodon_tag' | 'mastodon_public';

export interface ListeningTopicTable {
  id: string;
  workspace_id: string;
  name: string;
  kind: TopicKind;
  query: string;
  color: string;
  sensitivity: Generated<'low' | 'medium' | 'high'>;
  cooldown_minutes: Generated<number>;
  min_mentions: Generated<number>;
  alerts_enabled: Generated<number>;
  /** JSON: what the radar remembers between evaluations (its last alerts). */
  radar_state: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
}

export interface ListeningSourceTable {
  id: string;
  workspace_id: string;
  kind: ListeningSourceKind;
  /** A feed's address, a stream's endpoint or an instance's address. */
  url: string;
  /** A Mastodon hashtag ('' for other kinds). */
  tag: Generated<string>;
  title: string;
  /** 'active', 'paused' by a person, or 'set_aside' after repeated failures (last_error says why). */
  status: Generated<string>;
  /** 'pending', 'ok', 'backoff', 'error', or 'live' for a stream that is connected. */
  health: Generated<string>;
  last_error: string | null;
  failures: Generated<number>;
  etag: string | null;
  last_modified: string | null;
  /** Where reading stopped: a stream's sequence or time, a timeline's newest id. */
  cursor: string | null;
  poll_interval_ms: number | null;
  next_poll_at: number | null;
  last_polled_at: number | null;
  last_ok_at: number | null;
  mention_count: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface ListeningMentionTable {
  id: string;
  workspace_id: string;
  source_id: string | null;
  network: string;
  /** The post's global identity (at:// URI, status URI, feed entry id): mentions are de-duplicated on it. */
  uri: string;
  url: string | null;
  author_id: string;
  title: string | null;
  text: string;
  language: string;
  sentiment: string;
  sentiment_score: number;
  toxicity: number;
  complaint: number;
  /** The author's followers when known: how many people it may reach. */
  reach: Generated<number>;
  /** Likes, reposts and replies when the network gives them. */
  engagement: Generated<number>;
  /** JSON array of the hashtags, links and keywords found, for rising terms. */
  terms: Generated<string>;
  /** The first mention of its group of near-duplicates and reposts; null when it is the first. */
  cluster_id: string | null;
  /** On a group's first mention: how many near-duplicates and reposts joined it. */
  copies: Generated<number>;
  /** The inbox item made from it, when someone sent it to the inbox. */
  inbox_item_id: string | null;
  created_at: number;
  received_at: number;
}

export interface ListeningMentionTopicTable {
  topic_id: string;
  mention_id: string;
  workspace_id: string;
  sentiment: string;
  created_at: number;
}

export interface ListeningTopicMinuteTable {
  topic_id: string;
  /** Epoch minutes. */
  minute: number;
  total: number;
  negative: number;
  positive: number;
}

export interface ListeningAlertTable {
  id: string;
  workspace_id: string;
  topic_id: string;
  kind: string;
  /** 'open', 'acknowledged', 'crisis' (a crisis room was opened from it). */
  status: Generated<string>;
  score: number;
  observed: number;
  expected: number;
  /** Epoch milliseconds of the window that made the alert. */
  window_start: number;
  window_end: number;
  /** JSON: the curve, the mentions and authors that made it, the words that rose. */
  evidence: string;
  acknowledged_by: string | null;
  acknowledged_at: number | null;
  crisis_id: string | null;
  created_at: number;
}

export interface ListeningCrisisTable {
  id: string;
  workspace_id: string;
  alert_id: string | null;
  title: string;
  status: Generated<string>;
  /** 1 when opening the room paused the workspace's publishing (closing it then offers to resume). */
  paused_publishing: Generated<number>;
  holding_statement: Generated<string>;
  opened_by: string;
  opened_at: number;
  closed_by: string | null;
  closed_at: number | null;
}

export interface ListeningCrisisLogTable {
  id: string;
  crisis_id: string;
  workspace_id: string;
  user_id: string | null;
  kind: string;
  body: Generated<string>;
  at: number;
}

export interface ListeningSettingsTable {
  workspace_id: string;
  webhook_url: string | null;
  /** Encrypted at rest: the HMAC key that signs each webhook call. */
  webhook_secret: string | null;
  email_alerts: Generated<number>;
  updated_at: number;
}

export interface ListeningTables {
  listening_topics: ListeningTopicTable;
  listening_sources: ListeningSourceTable;
  listening_mentions: ListeningMentionTable;
  listening_mention_topics: ListeningMentionTopicTable;
  listening_topic_minutes: ListeningTopicMinuteTable;
  listening_alerts: ListeningAlertTable;
  listening_crises: ListeningCrisisTable;
  listening_crisis_log: ListeningCrisisLogTable;
  listening_settings: ListeningSettingsTable;
}
