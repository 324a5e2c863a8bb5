import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { ROLES, can, type Permission, type RoleName } from '../../shared/permissions.js';

/** The members whose role grants a permission, e.g. everyone who may publish. */
export async function membersWithPermission(db: Kysely<Database>, workspaceId: string, permission: Permission): Promise<string[]> {
  return membersWithRoles(db, workspaceId, ROLES.filter((r) => can(r, permission)));
}

export async function membersWithRoles(db: Kysely<Database>, workspaceId: string, roles: readonly RoleName[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('role', 'in', [...roles])
    .execute();
  return rows.map((r) => r.user_id);
}

export async function userName(db: Kysely<Database>, userId: string | null | undefined): Promise<string> {
  if (!userId) return '';
  const row = await db.selectFrom('user').select('name').where('id', '=', userId).executeTakeFirst();
  return row?.name ?? '';
}
