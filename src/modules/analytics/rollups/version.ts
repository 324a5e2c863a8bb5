import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.js';

/**
 * Moves on the workspace's analytics version, in the transaction of a write that changes its figures: a dashboard
 * kept in memory is served only while the version it was made at is still the current one.
 */
export async function bumpVersions(trx: Kysely<Database>, workspaceIds: Iterable<string>): Promise<void> {
  // In one order, so that two writers lock the rows they share in the same order.
  for (const id of [...new Set(workspaceIds)].sort()) {
    await trx.insertInto('analytics_versions').values({ workspace_id: id, version: 1 })
      .onConflict((oc) => oc.column('workspace_id').doUpdateSet((eb) => ({ version: eb('analytics_versions.version', '+', 1) }))).execute();
  }
}

/** The workspace's analytics version: 0 before its first change. */
export async function versionOf(db: Kysely<Database>, workspaceId: string): Promise<number> {
  const row = await db.selectFrom('analytics_versions').select('version').where('workspace_id', '=', workspaceId).executeTakeFirst();
  return Number(row?.version ?? 0);
}
