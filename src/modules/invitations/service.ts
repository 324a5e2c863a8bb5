import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, InvitationTable } from '../../store/schema.js';
import type { InvitationView } from '../../shared/api.js';
import { assignableRoles, can, isRole, type RoleName } from '../../shared/permissions.js';
import { notFound } from '../../http/errors.js';

export const INVITATION_DAYS = 7;

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');
export const newToken = () => crypto.randomBytes(32).toString('base64url');

export function statusOf(inv: InvitationTable, now: number): InvitationView['status'] {
  if (inv.accepted_at) return 'accepted';
  if (inv.revoked_at) return 'revoked';
  if (inv.expires_at <= now) return 'expired';
  return 'pending';
}

export function presentInvitation(inv: InvitationTable, invitedBy: string, now: number): InvitationView {
  return {
    id: inv.id,
    email: inv.email,
    role: (isRole(inv.role) ? inv.role : 'client') as RoleName,
    invitedBy,
    createdAt: new Date(Number(inv.created_at)).toISOString(),
    expiresAt: new Date(Number(inv.expires_at)).toISOString(),
    status: statusOf(inv, now),
  };
}

export async function listInvitations(db: Kysely<Database>, workspaceId: string, now: number) {
  const rows = await db
    .selectFrom('invitations')
    .leftJoin('user', 'user.id', 'invitations.invited_by')
    .selectAll('invitations')
    .select('user.name as inviter')
    .where('invitations.workspace_id', '=', workspaceId)
    .orderBy('invitations.created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map(({ inviter, ...inv }) => presentInvitation(inv, inviter ?? '', now));
}

/**
 * A usable invitation for a token, with its workspace; anything else is "not found". An invitation speaks
 * for its inviter, so it lapses once they leave the workspace or may no longer give its role.
 */
export async function findPending(db: Kysely<Database>, token: string, now: number) {
  const row = await db
    .selectFrom('invitations')
    .innerJoin('workspaces', 'workspaces.id', 'invitations.workspace_id')
    .leftJoin('user', 'user.id', 'invitations.invited_by')
    .leftJoin('memberships as inviter_membership', (join) =>
      join
        .onRef('inviter_membership.workspace_id', '=', 'invitations.workspace_id')
        .onRef('inviter_membership.user_id', '=', 'invitations.invited_by'),
    )
    .selectAll('invitations')
    .select([
      'workspaces.name as workspace_name',
      'workspaces.locale as workspace_locale',
      'user.name as inviter',
      'inviter_membership.role as inviter_role',
    ])
    .where('invitations.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || statusOf(row, now) !== 'pending' || !mayStillInvite(row.inviter_role, row.role)) throw notFound('invitation');
  return row;
}

function mayStillInvite(inviterRole: string | null, role: string): boolean {
  if (!inviterRole || !isRole(inviterRole) || !isRole(role)) return false;
  return can(inviterRole, 'members.invite') && assignableRoles(inviterRole).includes(role);
}
