import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import { assignableRoles, isRole, type RoleName } from '../../shared/permissions.js';
import type { MemberView } from '../../shared/api.js';
import { AuditAction, recordAudit } from '../audit/service.js';

export async function listMembers(db: Kysely<Database>, workspaceId: string): Promise<MemberView[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('user', 'user.id', 'memberships.user_id')
    .select(['memberships.id', 'memberships.user_id', 'memberships.role', 'memberships.created_at', 'user.name', 'user.email'])
    .where('memberships.workspace_id', '=', workspaceId)
    .orderBy('user.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    role: (isRole(r.role) ? r.role : 'client') as RoleName,
    joinedAt: new Date(Number(r.created_at)).toISOString(),
  }));
}

interface Actor {
  userId: string;
  role: RoleName;
  ip: string | null;
}

async function loadTarget(trx: Kysely<Database>, workspaceId: string, memberId: string) {
  const target = await trx
    .selectFrom('memberships')
    .innerJoin('user', 'user.id', 'memberships.user_id')
    .selectAll('memberships')
    .select('user.name')
    .where('memberships.id', '=', memberId)
    .where('memberships.workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!target) throw notFound('member');
  return target;
}

async function assertOtherOwner(trx: Kysely<Database>, workspaceId: string, memberId: string) {
  const other = await trx
    .selectFrom('memberships')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .where('id', '!=', memberId)
    .executeTakeFirst();
  if (!other) throw conflict('last_owner', 'A workspace keeps at least one owner. Make someone else owner first.');
}

/** Nobody hands out, or takes away, a role above the ones they may give. */
function assertMayManage(actor: Actor, targetRole: string, newRole?: RoleName) {
  const allowed = assignableRoles(actor.role) as string[];
  if (!allowed.includes(targetRole) || (newRole && !allowed.includes(newRole))) {
    throw forbidden('Your role cannot give or take away this role.');
  }
}

export async function changeRole(db: Kysely<Database>, workspaceId: string, memberId: string, role: RoleName, actor: Actor) {
  await db.transaction().execute(async (trx) => {
    const target = await loadTarget(trx, workspaceId, memberId);
    assertMayManage(actor, target.role, role);
    if (target.role === 'owner' && role !== 'owner') await assertOtherOwner(trx, workspaceId, memberId);
    await trx.updateTable('memberships').set({ role }).where('id', '=', memberId).execute();
    await recordAudit(trx, {
      action: AuditAction.memberRoleChanged,
      workspaceId,
      actorId: actor.userId,
      target: { type: 'user', id: target.user_id },
      data: { name: target.name, from: target.role, to: role },
      ip: actor.ip,
    });
  });
  const member = (await listMembers(db, workspaceId)).find((m) => m.id === memberId);
  if (!member) throw notFound('member');
  return member;
}

export async function removeMember(db: Kysely<Database>, workspaceId: string, memberId: string, actor: Actor) {
  await db.transaction().execute(async (trx) => {
    const target = await loadTarget(trx, workspaceId, memberId);
    if (target.user_id !== actor.userId) assertMayManage(actor, target.role);
    if (target.role === 'owner') await assertOtherOwner(trx, workspaceId, memberId);
    await trx.deleteFrom('memberships').where('id', '=', memberId).execute();
    await recordAudit(trx, {
      action: AuditAction.memberRemoved,
      workspaceId,
      actorId: actor.userId,
      target: { type: 'user', id: target.user_id },
      data: { name: target.name, role: target.role },
      ip: actor.ip,
    });
  });
}
