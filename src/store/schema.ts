
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

export interface Database {
  workspaces: WorkspaceTable;
  memberships: MembershipTable;
  invitations: InvitationTable;
  audit_events: AuditEventTable;
  jobs: JobTable;
  rate_limits: RateLimitTable;
  leases: LeaseTable;
  user: AuthUserTable;
  session: AuthSessionTable;
}

