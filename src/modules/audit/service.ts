import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

/** Security-relevant actions. Names are stable: the audit page translates them. */
export const AuditAction = {
  signIn: 'auth.sign_in',
  signInFailed: 'auth.sign_in_failed',
  signOut: 'auth.sign_out',
  passwordChanged: 'auth.password_changed',
  ownerCreated: 'auth.owner_created',
  workspaceCreated: 'workspace.created',
  workspaceUpdated: 'workspace.updated',
  workspaceRenamed: 'workspace.renamed',
  workspaceTimezoneChanged: 'workspace.timezone_changed',
  workspaceLocaleChanged: 'workspace.locale_changed',
  workspaceWeekStartChanged: 'workspace.week_start_changed',
  workspaceLogoChanged: 'workspace.logo_changed',
  workspaceLogoRemoved: 'workspace.logo_removed',
  invitationCreated: 'invitation.created',
  invitationRevoked: 'invitation.revoked',
  invitationAccepted: 'invitation.accepted',
  memberRoleChanged: 'member.role_changed',
  memberRemoved: 'member.removed',
  publishingPaused: 'publishing.paused',
  publishingResumed: 'publishing.resumed',
  accountConnected: 'account.connected',
  accountDisconnected: 'account.disconnected',
  approvalSettingsChanged: 'publishing.approval_changed',
} as const;
export type AuditActionName = (typeof AuditAction)[keyof typeof AuditAction];

export interface AuditEntry {
  action: AuditActionName;
  workspaceId?: string | null;
  actorId?: string | null;
  target?: { type: string; id: string };
  data?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends to the audit log; takes a transaction so the entry commits with the change it records. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry, now = Date.now()): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: crypto.randomUUID(),
      workspace_id: entry.workspaceId ?? null,
      actor_id: entry.actorId ?? null,
      action: entry.action,
      target_type: entry.target?.type ?? null,
      target_id: entry.target?.id ?? null,
      data: JSON.stringify(entry.data ?? {}),
      ip: entry.ip ?? null,
      created_at: now,
    })
    .execute();
}
