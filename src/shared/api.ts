/**
 * The JSON shapes of /api/v1, shared by the server's presenters and the web app's typed client.
 * Times are ISO 8601 strings on the wire.
 */
import type { Permission, RoleName } from './permissions.js';
import type { UtmSettings } from './utm.js';

export interface ApiError {
  error: { code: string; message: string; details?: unknown };
}

/**
 * What is wrong with one field, said by kind so that a client can word it in its reader's language; `message`
 * stays the schema's English for API clients that show it as it is.
 */
export interface FieldIssue {
  path: string;
  message: string;
  kind:
    | 'required'
    | 'too_long'
    | 'too_short'
    | 'too_many'
    | 'too_few'
    | 'too_big'
    | 'too_small'
    | 'not_email'
    | 'not_url'
    | 'not_date'
    | 'not_whole_number'
    | 'not_number'
    | 'not_one_of'
    | 'bad_format'
    | 'invalid';
  max?: number;
  min?: number;
}

export interface UserView {
  id: string;
  name: string;
  email: string;
}

export interface MembershipView {
  workspaceId: string;
  workspaceName: string;
  workspaceLogoUrl: string | null;
  /** The IANA zone the workspace's times are planned and shown in. */
  timezone: string;
  role: RoleName;
  permissions: Permission[];
  /** Reads the inbox: `inbox.read`, or a client of a workspace that lets its clients read it (never act). */
  readsInbox: boolean;
}

/** GET /api/v1/session → 200 (signed in) or 401; GET /api/v1/session/current → 200 `{ session: SessionView | null }`. */
export interface SessionView {
  user: UserView;
  memberships: MembershipView[];
  canCreateWorkspace: boolean;
  /** Whether the user administers the instance (Settings > Networks). */
  instanceAdmin: boolean;
  expiresAt: string;
}

/** GET /api/v1/setup → whether the first visitor must create the owner account. */
export interface SetupView {
  needsOwner: boolean;
}

export type WeekStart = 'monday' | 'sunday';

export interface WorkspaceView {
  id: string;
  name: string;
  timezone: string;
  /** The workspace's language: its e-mails, and the language new posts start in. */
  locale: 'fr' | 'en';
  /** The calendar's first day of the week. */
  weekStart: WeekStart;
  /** The logo's address (it changes when the logo does), or null. */
  logoUrl: string | null;
  /** What the workspace shows its clients beyond the posts sent for approval and their visible comments. */
  clientsSeeDrafts: boolean;
  clientsSeeInternalComments: boolean;
  clientsSeeInbox: boolean;
  createdAt: string;
  role: RoleName;
  permissions: Permission[];
  /** Reads the inbox: `inbox.read`, or a client of a workspace that lets its clients read it (never act). */
  readsInbox: boolean;
}

export interface MemberView {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: RoleName;
  joinedAt: string;
}

export interface InvitationView {
  id: string;
  email: string;
  role: RoleName;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  /** Only in the answer to the creation: the link to hand to the invitee. */
  link?: string;
  emailed?: boolean;
}

/** GET /api/v1/invitations/{token} (public) → what the invitee is joining. */
export interface InvitationPreview {
  workspaceName: string;
  email: string;
  role: RoleName;
  invitedBy: string;
}

export interface AuditEventView {
  id: string;
  action: string;
  actor: { id: string; name: string } | null;
  targetType: string | null;
  targetId: string | null;
  data: Record<string, unknown>;
  ip: string | null;
  createdAt: string;
}

export interface JobView {
  id: string;
  type: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  attempts: number;
  maxAttempts: number;
  runAt: string;
  progress: { done: number; total: number; message?: string } | null;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** What the job works on, when the page can link to it. */
  subject: { type: 'post'; id: string } | null;
}

export interface HealthView {
  status: 'ok' | 'degraded';
  version: string;
  database: { ok: boolean; dialect: 'sqlite' | 'postgres'; latencyMs: number; error?: string };
  jobs: { ok: boolean; runner: 'running' | 'stopped' | 'not-in-this-process'; queued: number; running: number; failed: number };
  roles: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type PostStatus = 'draft' | 'in_review' | 'approved' | 'scheduled' | 'publishing' | 'published' | 'failed' | 'unknown';
export type TargetStatus = 'pending' | 'publishing' | 'published' | 'failed' | 'unknown';

export interface PostTargetView {
  id: string;
  accountId: string;
  network: string;
  handle: string;
  /** This account's variant of the text, or null for the main text. */
  body: string | null;
  status: TargetStatus;
  url: string | null;
  error: { kind: string; message: string } | null;
  publishedAt: string | null;
  /** While it waits for its network's write budget (or for the time the network told): until when, and the network's words if it spoke. */
  waiting: { until: string; reason: string | null } | null;
}

export interface MediaView {
  id: string;
  fileName: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  /** Seconds, for a video. */
  durationSec?: number | null;
  alt: string;
  url: string;
}

export interface ApprovalView {
  required: boolean;
  complete: boolean;
  currentStep: number | null;
  missing: number;
  changesRequested: boolean;
  /** Whether the signed-in member may approve now. */
  canDecide: boolean;
}

/** One network tab's settings, as connectors receive them (src/connectors/types.ts NetworkPostOptions). */
export interface PostOptionsView {
  format?: 'feed' | 'story' | 'reel';
  firstComment?: string;
  title?: string;
  privacy?: 'public' | 'unlisted' | 'private';
  publishAt?: string;
  boardId?: string;
  link?: string;
}

export interface PostView {
  id: string;
  status: PostStatus;
  body: string;
  thread: string[];
  labels: string[];
  language: string | null;
  campaignId: string | null;
  scheduledAt: string | null;
  version: number;
  /** The settings of the post's network tabs, by network (Instagram format, YouTube title, Pinterest board...). */
  options?: Record<string, PostOptionsView | undefined>;
  author: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  targets: PostTargetView[];
  media: MediaView[];
  approval: ApprovalView;
  /** The legal review the editorial charter asks of the post's text; null until its text was checked. */
  charterReview: CharterReviewView | null;
}

export interface CharterReviewView {
  /** A term of the text is one the charter sends to legal review: one more approval step, by someone who keeps the charter. */
  required: boolean;
  /** That approval is given on the current version. */
  done: boolean;
  /** Each term once, with the charter's reason for it. */
  reasons: Array<{ term: string; reason: string }>;
}

export interface PostEventView {
  id: string;
  kind: string;
  actor: { id: string; name: string } | null;
  body: string;
  data: Record<string, unknown>;
  /** A comment the team keeps to itself (clients read it only when the workspace lets them). */
  internal: boolean;
  createdAt: string;
}

export interface CampaignView {
  id: string;
  name: string;
  color: string;
  goal: string;
  hashtags: string[];
  startsAt: string | null;
  endsAt: string | null;
  /** UTM tags added to the links of the campaign's posts when they go out. */
  utm: UtmSettings;
}

export interface SocialAccountView {
  id: string;
  network: string;
  handle: string;
  displayName: string;
  serviceUrl: string;
  status: 'connected' | 'reconnect' | 'error' | 'disconnected';
  statusMessage: string | null;
  /** What connecting left unresolved, in the network's words (Meta's webhooks refused); stands until a retry resolves it. */
  connectionWarning: string | null;
  timezone: string;
  lastOkAt: string | null;
  /** When the network's access token stops working, for networks whose tokens expire (null: it does not). */
  tokenExpiresAt: string | null;
  slots: Array<{ weekday: number; minute: number }>;
  /** Posts waiting for this account: failed for lack of a connection, and scheduled. */
  failedPosts: number;
  scheduledPosts: number;
}

export interface PublishingSettingsView {
  approvalSteps: Array<{ roles: string[]; count: number }>;
  paused: boolean;
  pausedAt: string | null;
  pausedBy: string | null;
  overdue: Array<{ id: string; body: string; scheduledAt: string }>;
}

/** A post as the overview lists it: enough to recognise it and open it. */
export interface PostGlance {
  id: string;
  status: PostStatus;
  excerpt: string;
  scheduledAt: string | null;
  targets: Array<{ network: string; handle: string; status: TargetStatus; error: string | null }>;
}

/** GET /api/v1/workspaces/{id}/overview: the workspace's home page, trimmed to what the member may see. */
export interface OverviewView {
  zone: string;
  /** False where posts need nobody's approval: an approved post then reads "ready". */
  approvalRequired: boolean;
  weekStart: WeekStart;
  /** Today and the current week in the workspace's zone, as [from, to) instants. */
  today: { from: string; to: string };
  week: { from: string; to: string };
  /** Posts planned this week, today's included, in time order. */
  agenda: PostGlance[];
  /** Posts waiting for this member's decision at their step; null when the role does not approve. */
  toApprove: { count: number; items: PostGlance[]; waitingOthers: number } | null;
  /** Posts that did not go out, and those held by a pause; null for roles that cannot act on them. */
  problems: { failed: PostGlance[]; failedCount: number; held: PostGlance[] } | null;
  /** Accounts that need reconnecting; null for roles that do not handle accounts. */
  accounts: Array<{ id: string; network: string; handle: string; status: string; message: string | null }> | null;
  crisis: { pausedAt: string; pausedBy: string | null } | null;
  /** What a new workspace still lacks. */
  counts: { accounts: number; posts: number; members: number };
}

/** One item of a bulk operation: done, or why not (Immich-style). */
export interface BulkItemResult {
  id: string;
  ok: boolean;
  error?: { code: string; message: string };
}
