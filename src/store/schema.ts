import type { Generated } from 'kysely';
import type { InboxTables } from './inbox-schema.js';
import type { ListeningTables } from './listening-schema.js';
import type { AnalyticsTables } from './analytics-schema.js';
import type { CharterTables } from './charter-schema.js';

/**
 * Tables owned by Ruche. Timestamps are integer milliseconds since the epoch, booleans 0/1 and JSON is
 * text, so that one schema serves SQLite and PostgreSQL. The account tables ("user", "session", "account",
 * "verification") belong to the auth library and are described in auth/tables.ts.
 */
export interface WorkspaceTable {
  id: string;
  name: string;
  timezone: string;
  locale: string;
  /** The logo's file in the data folder (media/<key>), or null. */
  logo_key: string | null;
  logo_updated_at: number | null;
  /** The calendar's first day: 'monday' or 'sunday' (Monday unless chosen). */
  week_start: Generated<string>;
  /** 1 when clients see drafts in progress too (else only what was submitted). */
  clients_see_drafts: Generated<number>;
  /** 1 when clients read the team's internal comments on posts too. */
  clients_see_internal_comments: Generated<number>;
  /** 1 when clients read the inbox (its list and items), never acting on it. */
  clients_see_inbox: Generated<number>;
  created_by: string;
  created_at: number;
}

export interface MembershipTable {
  id: string;
  workspace_id: string;
  user_id: string;
  role: string;
  created_at: number;
}

export interface InvitationTable {
  id: string;
  workspace_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  accepted_by: string | null;
  revoked_at: number | null;
}

export interface AuditEventTable {
  id: string;
  workspace_id: string | null;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  data: string;
  ip: string | null;
  created_at: number;
}

export interface JobTable {
  id: string;
  type: string;
  payload: string;
  payload_version: number;
  workspace_id: string | null;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  run_at: number;
  priority: number;
  attempts: number;
  max_attempts: number;
  idempotency_key: string | null;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  progress: string | null;
  result: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

export interface RateLimitTable {
  key: string;
  count: number;
  window_start: number;
}

export interface LeaseTable {
  name: string;
  holder: string;
  expires_at: number;
}

export interface SocialAccountTable {
  id: string;
  workspace_id: string;
  network: string;
  external_id: string;
  handle: string;
  display_name: string;
  service_url: string;
  /** Sealed with the secret key (config/crypto.ts); never leaves the server. */
  credentials: string;
  status: 'connected' | 'reconnect' | 'error' | 'disconnected';
  status_message: string | null;
  /** What connecting left unresolved (Meta's webhooks refused): kept until a retry resolves it, unlike status_message. */
  connection_warning: string | null;
  timezone: string;
  created_by: string;
  created_at: number;
  updated_at: number;
  last_ok_at: number | null;
  /** When the network's token stops working (OAuth 2 networks); null when it does not say. */
  token_expires_at: number | null;
  /** When the account's people were last told its token is about to end. */
  expiry_warned_at: number | null;
}

export interface QueueSlotTable {
  id: string;
  account_id: string;
  /** 0 = Monday … 6 = Sunday, in the account's time zone. */
  weekday: number;
  /** Minutes after midnight, in the account's time zone. */
  minute: number;
}

export interface CampaignTable {
  id: string;
  workspace_id: string;
  name: string;
  color: string;
  goal: string;
  hashtags: string;
  starts_at: number | null;
  ends_at: number | null;
  /** 1 when links in the campaign's posts get UTM tags at publish time. */
  utm_enabled: Generated<number>;
  /** Empty: the network's name. */
  utm_source: Generated<string>;
  utm_medium: Generated<string>;
  /** Empty: the campaign's slug. */
  utm_campaign: Generated<string>;
  created_by: string;
  created_at: number;
}

export type PostStatus =
  | 'draft'
  | 'in_review'
  | 'approved'
  | 'scheduled'
  | 'publishing'
  | 'published'
  | 'failed'
  | 'unknown';

export interface PostTable {
  id: string;
  workspace_id: string;
  author_id: string;
  status: PostStatus;
  body: string;
  /** JSON array of follow-up texts: the thread, the first one being the first reply. */
  thread: string;
  labels: string;
  language: string | null;
  campaign_id: string | null;
  scheduled_at: number | null;
  /** Bumped by every edit; approvals count for one version only. */
  version: number;
  created_at: number;
  updated_at: number;
  published_at: number | null;
  /** JSON { reasons: [{ term, reason }] } from the charter check of the current text; null until checked. */
  charter_review?: string | null;
  /** JSON { [network]: NetworkPostOptions }: the settings of the post's network tabs. */
  network_options?: string;
}

export type TargetStatus = 'pending' | 'publishing' | 'published' | 'failed' | 'unknown';

export interface PostTargetTable {
  id: string;
  post_id: string;
  account_id: string;
  /** This network's variant of the text; null uses the post's. */
  body: string | null;
  status: TargetStatus;
  external_id: string | null;
  external_url: string | null;
  error_kind: string | null;
  error_message: string | null;
  attempts: number;
  published_at: number | null;
  updated_at: number;
}

export interface MediaTable {
  id: string;
  workspace_id: string;
  file_name: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  alt: string;
  storage_key: string;
  created_by: string;
  created_at: number;
  /** Seconds, for a video; read from its container at upload. */
  duration_sec?: number | null;
}

export interface PostMediaTable {
  post_id: string;
  media_id: string;
  position: number;
}

export interface ApprovalTable {
  id: string;
  post_id: string;
  post_version: number;
  step: number;
  user_id: string;
  decision: 'approved' | 'changes_requested';
  comment: string;
  created_at: number;
}

export interface PostEventTable {
  id: string;
  post_id: string;
  actor_id: string | null;
  kind: string;
  body: string;
  data: string;
  /** 1 for a comment the team keeps to itself: clients read it only when the workspace lets them. */
  internal: Generated<number>;
  created_at: number;
}

export interface PublishingSettingsTable {
  workspace_id: string;
  /** JSON: [{ roles: RoleName[], count: number }] — every step must be met, in order. */
  approval_steps: string;
  paused_at: number | null;
  paused_by: string | null;
  updated_at: number;
}

/** The installer's developer app on a network; the secret sealed. */
export interface NetworkAppTable {
  network: string;
  client_id: string;
  client_secret: string;
  updated_by: string | null;
  updated_at: number;
}

/** Who administers the instance (its developer apps on the networks); the owner set up first. */
export interface InstanceAdminTable {
  user_id: string;
  added_at: number;
}

/** The instance's own settings, by key (the Meta webhook verify token, sealed). */
export interface InstanceSettingTable {
  key: string;
  value: string;
  updated_at: number;
}

/** A token obtained, waiting for the user to pick the Page, organisation, channel or board to connect. */
export interface OAuthPendingTable {
  id: string;
  workspace_id: string;
  user_id: string;
  network: string;
  /** Sealed JSON: the token. */
  data: string;
  expires_at: number;
}

/** One post (or thread part) sent to an account, counted against the network's write budget. */
export interface PublishSendTable {
  id: string;
  network: string;
  account_id: string;
  sent_at: number;
  posts: number;
  media: number;
}

/** An account the network told to wait: nothing more is sent to it before `until`. */
export interface PublishHoldTable {
  account_id: string;
  network: string;
  until: number;
  reason: string;
}

/** A webhook change already received (its stable key), kept until `expires_at` so a replay is ignored. */
export interface WebhookDeliveryTable {
  key: string;
  received_at: number;
  expires_at: number;
}

export interface OAuthStateTable {
  state_hash: string;
  workspace_id: string;
  user_id: string;
  network: string;
  /** Sealed JSON: the app registration needed to finish the exchange. */
  data: string;
  expires_at: number;
}

/** A write sent with an Idempotency-Key, per user: running, then its answer, replayed to retries for a day. */
export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  /** Hash of the method, the address and the body: the same key with another request is refused. */
  fingerprint: string;
  status: 'running' | 'done';
  response_status: number | null;
  response_type: string | null;
  response_body: string | null;
  created_at: number;
  expires_at: number;
}

export interface AuthUserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean | number;
  image: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export interface AuthSessionTable {
  id: string;
  token: string;
  userId: string;
  expiresAt: Date | string;
  createdAt: Date | string;
  updatedAt: Date | string;
  ipAddress: string | null;
  userAgent: string | null;
}

export interface Database extends InboxTables, ListeningTables, AnalyticsTables, CharterTables {
  workspaces: WorkspaceTable;
  memberships: MembershipTable;
  invitations: InvitationTable;
  audit_events: AuditEventTable;
  jobs: JobTable;
  rate_limits: RateLimitTable;
  leases: LeaseTable;
  social_accounts: SocialAccountTable;
  queue_slots: QueueSlotTable;
  campaigns: CampaignTable;
  posts: PostTable;
  post_targets: PostTargetTable;
  media: MediaTable;
  post_media: PostMediaTable;
  approvals: ApprovalTable;
  post_events: PostEventTable;
  publishing_settings: PublishingSettingsTable;
  oauth_states: OAuthStateTable;
  network_apps: NetworkAppTable;
  instance_admins: InstanceAdminTable;
  instance_settings: InstanceSettingTable;
  oauth_pending: OAuthPendingTable;
  publish_sends: PublishSendTable;
  publish_holds: PublishHoldTable;
  webhook_deliveries: WebhookDeliveryTable;
  idempotency_keys: IdempotencyKeyTable;
  user: AuthUserTable;
  session: AuthSessionTable;
  notifications: NotificationTable;
  notification_preferences: NotificationPreferenceTable;
  notification_settings: NotificationSettingsTable;
}

/** One notification for one person; rendered from kind and params by the reader, in the reader's language. */
export interface NotificationTable {
  id: string;
  workspace_id: string;
  user_id: string;
  kind: string;
  /** JSON: the values the kind's text needs (names, a short excerpt), already truncated. */
  params: string;
  object_type: string;
  object_id: string;
  actor_id: string | null;
  /** Unique per user when set: the same event never notifies twice. */
  dedupe_key: string | null;
  /** 0 when the person turned this kind off in the app but still wants the e-mail. */
  in_app: number;
  email: number;
  emailed_at: number | null;
  read_at: number | null;
  created_at: number;
}

export interface NotificationPreferenceTable {
  user_id: string;
  kind: string;
  in_app: number;
  email: number;
  updated_at: number;
}

export interface NotificationSettingsTable {
  user_id: string;
  /** The language the person uses the app in, for their e-mails; null until known. */
  locale: string | null;
  updated_at: number;
}
