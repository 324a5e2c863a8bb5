import type { Kysely } from 'kysely';
import type { SessionView } from '../../shared/api.js';
import { MATRIX } from '../../shared/permissions.js';
import type { Database } from '../../store/schema.js';
import { canCreateWorkspace, listWorkspacesOf } from '../workspaces/service.js';
import { logoUrl, readsInbox } from '../workspaces/presenters.js';
import { isInstanceAdmin } from '../network-apps/admins.js';

export async function presentSession(
  db: Kysely<Database>,
  user: { id: string; name: string; email: string },
  expiresAt: Date,
): Promise<SessionView> {
  const rows = await listWorkspacesOf(db, user.id);
  return {
    user: { id: user.id, name: user.name, email: user.email },
    memberships: rows.map((r) => ({
      workspaceId: r.workspace.id,
      workspaceName: r.workspace.name,
      workspaceLogoUrl: logoUrl(r.workspace),
      timezone: r.workspace.timezone,
      role: r.role,
      permissions: [...MATRIX[r.role]],
      readsInbox: readsInbox(r.workspace, r.role),
    })),
    canCreateWorkspace: await canCreateWorkspace(db, user.id),
    instanceAdmin: await isInstanceAdmin(db, user),
    expiresAt: expiresAt.toISOString(),
  };
}
