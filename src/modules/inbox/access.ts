import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { can, type RoleName } from '../../shared/permissions.js';
import { forbidden } from '../../http/errors.js';

/**
 * Who reads the inbox: roles holding `inbox.read`, and the workspace's clients when the workspace lets them
 * (clients_see_inbox, off unless chosen). Clients only ever read: acting needs `inbox.reply`, which they lack.
 */
export async function mayReadInbox(db: Kysely<Database>, workspaceId: string, role: RoleName): Promise<boolean> {
  if (can(role, 'inbox.read')) return true;
  if (role !== 'client') return false;
  const w = await db.selectFrom('workspaces').select('clients_see_inbox').where('id', '=', workspaceId).executeTakeFirst();
  return Number(w?.clients_see_inbox ?? 0) === 1;
}

export async function assertInboxReader(db: Kysely<Database>, workspaceId: string, role: RoleName): Promise<void> {
  if (!(await mayReadInbox(db, workspaceId, role))) throw forbidden();
}
