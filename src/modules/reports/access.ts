import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { can, isRole } from '../../shared/permissions.js';
import { AppError } from '../../http/errors.js';

/**
 * The workspaces a report covers, checked against the member: this workspace first, then each other one only if
 * the member reads its analytics. An agency report never opens a workspace its author could not open themselves.
 */
export async function coveredWorkspaces(db: Kysely<Database>, userId: string, workspaceId: string, asked: readonly string[]): Promise<string[]> {
  const others = [...new Set(asked)].filter((id) => id !== workspaceId);
  if (others.length === 0) return [];
  const readable = await readableAmong(db, userId, others);
  const refused = others.filter((id) => !readable.has(id));
  if (refused.length > 0) {
    throw new AppError('workspace_not_readable', 403,
      `You do not read the analytics of ${refused.length === 1 ? 'workspace' : 'workspaces'} ${refused.join(', ')}: an agency report covers only workspaces you read.`,
      { workspaceIds: refused });
  }
  return [workspaceId, ...others];
}

/** Of these workspaces, those whose analytics the person reads now. */
export async function readableAmong(db: Kysely<Database>, userId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('memberships').select(['workspace_id', 'role'])
    .where('user_id', '=', userId).where('workspace_id', 'in', [...ids]).execute();
  return new Set(rows.filter((r) => isRole(r.role) && can(r.role, 'analytics.read')).map((r) => r.workspace_id));
}
