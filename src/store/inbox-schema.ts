import type { Generated } from 'kysely';

/**
 * The inbound path's tables (migration 0017): authors and items shared by the inbox and listening, each source's
 * cursor, replies sent from the inbox, moderation and tickets. Same conventions as schema.ts.
 */

export type InboxItemKind = 'reply' | 'mention' | 'quote' | 'message';
export type InboxStatus = 'open' | 'waiting' | 'done';
/** What moderation did to the item on the network (null: nothing). */
export type ItemModeration = 'hidden' | 'deleted' | 'review' | null;

export interface InboxAuthorTable {
  id: string;
  workspace_id: string;
  network: string;
  /** The network's own id: a DID on Bluesky, an account id on Mastodon. */
  external_id: string;
  handle: string;
  display_name: string | null;
  avatar_url: string | null;
  followers: number | null;
  /** When the author's account was created on the network, when it says. */
  account_created_at: number | null;
  /** JSON array of the workspace's list names the author is on ("vip", "watch"…). */
  lists: Generated<string>;
  advocate: Generated<number>;
  item_count: Generated<number>;
  /** Items of theirs that moderation hid or deleted: repeat offenders are counted here. */
  removed_count: Generated<number>;
  blocked_at: number | null;
  muted_at: number | null;
  first_seen_at: number;
  last_seen_at: number;
}

export interface InboxItemTable {
  id: string;
  workspace_id: string;
  /** The connected account it was addressed to; null for listening items that reached no account. */
  account_id: string | null;
  network: string;
  /** The network's id of the item (Bluesky: at:// URI; Mastodon: status id): items are de-duplicated on it. */
  external_id: string;
  external_cid: string | null;
  kind: InboxItemKind;
  author_id: string;
  text: string;
  url: string | null;
  parent_external_id: string | null;
  parent_cid: string | null;
  root_external_id: string | null;
  root_cid: string | null;
  /** Items of one conversation share it: the root's id, or the network's conversation id for messages. */
  thread_key: string;
  /** Our post (posts.id) the item answers, when it answers one. */
  post_id: string | null;
  /** JSON array of ThreadContextEntry: the posts above it, oldest first. */
  context: Generated<string>;
  language: string;
  sentiment: string;
  sentiment_score: number;
  toxicity: number;
  /** The highest toxicity category when flagged, else null. */
  toxicity_category: string | null;
  complaint: number;
  complaint_score: number;
  has_link: number;
  /** 0..1, for "riskiest first": toxicity, complaint, negative sentiment and reach together. */
  risk: number;
  /** JSON: the full Analysis, reasons included. */
  analysis: string;
  status: InboxStatus;
  assignee_id: string | null;
  /** JSON array of labels, a copy of inbox_item_labels written with it (that table is what filters use). */
  labels: Generated<string>;
  moderation: ItemModeration;
  /** On the network. */
  created_at: number;
  /** When Ruche stored it. */
  received_at: number;
  first_reply_at: number | null;
  status_changed_at: number;
  /** 1 from storing until the moderation rules ran on the item (see migration 0022). */
  rules_pending: Generated<number>;
  /** When its author removed it on the network, as the network told (migration 0044). */
  removed_at: number | null;
  /** When its author last edited its text on the network; the text and analysis are the edited ones. */
  edited_at: number | null;
}

export interface InboxItemLabelTable {
  item_id: string;
  workspace_id: string;
  label: string;
  /** The item's created_at, so that a label's items are read newest first from this table's index. */
  item_created_at: number;
}

export interface InboxNoteTable {
  id: string;
  item_id: string;
  workspace_id: string;
  author_id: string;
  body: string;
  created_at: number;
}

export type InboxReplyStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'unknown';

export interface InboxReplyTable {
  id: string;
  item_id: string;
  workspace_id: string;
  account_id: string;
  /** The member who wrote it, or 'rule:<id>' when a moderation rule answered with a saved reply. */
  author_id: string;
  /** 'reply', 'like', 'repost'. */
  kind: string;
  body: string;
  status: InboxReplyStatus;
  external_id: string | null;
  external_url: string | null;
  error_kind: string | null;
  error_message: string | null;
  created_at: number;
  sent_at: number | null;
}

export interface SavedReplyTable {
  id: string;
  workspace_id: string;
  title: string;
  /** May hold {author}, {first_name} and {brand}. */
  body: string;
  language: string;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** One source of one account ('notifications', 'messages'): where reading stopped, and the backfill's progress. */
export interface InboxSourceTable {
  account_id: string;
  source: string;
  workspace_id: string;
  /** The connector's opaque cursor, advanced only after what it yielded is stored. */
  cursor: string | null;
  backfill_since: number | null;
  backfill_done_at: number | null;
  /** 0..1. */
  backfill_progress: Generated<number>;
  /** How items arrive in real time: 'firehose', 'streaming', or null (polling only). */
  live: string | null;
  /** Where the live stream stopped (the Bluesky firehose's seq), resumed from after a restart (migration 0026). */
  stream_cursor: string | null;
  last_polled_at: number | null;
  last_error: string | null;
  updated_at: number;
}

/** An item the inbound path could not read or store, with its reason; never its text (migration 0025). */
export interface InboxSetAsideTable {
  id: string;
  workspace_id: string;
  account_id: string;
  /** 'notifications' or 'messages' (a poll's page), 'stream' (a live stream). */
  source: string;
  external_id: string | null;
  reason: string;
  /** The network's id, or `reason:` and the reason for an item without one: kept once per account (migration 0028). */
  item_key: Generated<string>;
  created_at: number;
}

export interface InboxCounterTable {
  account_id: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  workspace_id: string;
  likes: Generated<number>;
  reposts: Generated<number>;
  follows: Generated<number>;
}

export interface InboxCountedTable {
  account_id: string;
  external_id: string;
  created_at: number;
}

export interface ModerationRuleTable {
  id: string;
  workspace_id: string;
  name: string;
  position: number;
  enabled: number;
  /** JSON: RuleConditions. */
  conditions: string;
  /** JSON: RuleAction[]. */
  actions: string;
  /** 1: later rules are not tried once this one matched. */
  stop: Generated<number>;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** Append-only: an undo is a new row naming the one it undoes. */
export interface ModerationLogTable {
  id: string;
  workspace_id: string;
  item_id: string | null;
  author_id: string | null;
  /** The member who acted; null when a rule did; `network:<name>` when done on the network itself (moderation/log.ts). */
  actor_id: string | null;
  rule_id: string | null;
  action: string;
  /** 'done', 'not_possible' (sent to review), 'failed', 'queued'. */
  outcome: string;
  /** JSON array of the analysis reasons (or the member's words) behind it. */
  reasons: string;
  detail: string | null;
  /** The log row this one undoes. */
  undoes: string | null;
  created_at: number;
}

export interface ModerationReviewTable {
  id: string;
  workspace_id: string;
  item_id: string;
  rule_id: string | null;
  /** What would be done if confirmed ('hide', 'delete'…). */
  action: string;
  /** 'uncertain', 'not_possible', 'rule'. */
  reason: string;
  risk: number;
  status: 'pending' | 'confirmed' | 'overturned';
  decided_by: string | null;
  decided_at: number | null;
  created_at: number;
}

/** A moderator's decision as a training example for the workspace's models. */
export interface ModerationLabelTable {
  id: string;
  workspace_id: string;
  item_id: string | null;
  text: string;
  language: string;
  /** The model family it teaches: 'hate', 'offensive', 'complaint', 'sentiment'. */
  category: string;
  label: string;
  decided_by: string | null;
  created_at: number;
}

export interface WorkspaceModelTable {
  workspace_id: string;
  /** A ModelName ("hate-fr"…). */
  name: string;
  /** base64 of encodeModel(). */
  weights: string;
  examples: number;
  trained_by: string | null;
  trained_at: number;
}

export interface DepartmentTable {
  id: string;
  workspace_id: string;
  /** 'support', 'product', 'rnd', 'legal', 'marketing' for the built-in ones (named in the reader's language); null for the workspace's own. */
  key: string | null;
  name: string;
  email: string;
  response_hours: number;
  created_at: number;
  updated_at: number;
}

export type TicketStatus = 'open' | 'answered' | 'closed';

export interface TicketTable {
  id: string;
  workspace_id: string;
  item_id: string;
  department_id: string;
  owner_id: string | null;
  status: TicketStatus;
  due_at: number;
  /** The department answers by e-mail to an address holding a token; only its hash is kept. */
  reply_token_hash: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  answered_at: number | null;
  closed_at: number | null;
  overdue_notified_at: number | null;
}

export interface TicketMessageTable {
  id: string;
  ticket_id: string;
  workspace_id: string;
  /** 'app' (a member wrote it), 'email' (the department answered by e-mail), 'system'. */
  source: string;
  author_id: string | null;
  from_email: string | null;
  body: string;
  message_id: string | null;
  /** 1: the department's answer (by e-mail, or entered in the app); 0: an internal note or a system line (migration 0018). */
  answer: Generated<number>;
  created_at: number;
}

/** Every word the inbox search index holds, once, for completing the last word of a search (migrations 0029, 0030). */
export interface InboxSearchTermTable {
  term: string;
}

export interface InboxTables {
  inbox_authors: InboxAuthorTable;
  inbox_search_terms: InboxSearchTermTable;
  inbox_items: InboxItemTable;
  inbox_item_labels: InboxItemLabelTable;
  inbox_notes: InboxNoteTable;
  inbox_replies: InboxReplyTable;
  saved_replies: SavedReplyTable;
  inbox_sources: InboxSourceTable;
  inbox_set_aside: InboxSetAsideTable;
  inbox_counters: InboxCounterTable;
  inbox_counted: InboxCountedTable;
  moderation_rules: ModerationRuleTable;
  moderation_log: ModerationLogTable;
  moderation_reviews: ModerationReviewTable;
  moderation_labels: ModerationLabelTable;
  workspace_models: WorkspaceModelTable;
  departments: DepartmentTable;
  tickets: TicketTable;
  ticket_messages: TicketMessageTable;
}
