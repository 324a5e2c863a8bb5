import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { Charter, EMPTY_CHARTER } from '../../shared/charter/charter.js';
import { conflict, notFound } from '../../http/errors.js';

export interface CharterVersion {
  charter: Charter;
  /** 0 for a workspace that has not written its charter yet. */
  version: number;
  createdAt: number | null;
  createdBy: string | null;
}

const NONE: CharterVersion = { charter: EMPTY_CHARTER, version: 0, createdAt: null, createdBy: null };

// Parsed charters by row id: a version never changes, and the checker caches its compiled form per object,
// so handing out the same object keeps every check after the first cheap.
const parsed = new Map<string, Charter>();
const PARSED_MAX = 500;

function charterOf(row: { id: string; charter: string }): Charter {
  let charter = parsed.get(row.id);
  if (!charter) {
    // Parsed again so that a field added to the schema since the version was saved gets its default.
    charter = Charter.parse(JSON.parse(row.charter));
    if (parsed.size >= PARSED_MAX) parsed.delete(parsed.keys().next().value!);
    parsed.set(row.id, charter);
  }
  return charter;
}

const columns = ['id', 'version', 'charter', 'created_at', 'created_by'] as const;
const toVersion = (row: { id: string; version: number; charter: string; created_at: number; created_by: string | null }): CharterVersion => ({
  charter: charterOf(row),
  version: Number(row.version),
  createdAt: Number(row.created_at),
  createdBy: row.created_by,
});

/** The charter in force: the workspace's newest version, or the empty charter. */
export async function currentCharter(db: Kysely<Database>, workspaceId: string): Promise<CharterVersion> {
  const row = await db
    .selectFrom('charter_versions')
    .select(columns)
    .where('workspace_id', '=', workspaceId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toVersion(row) : NONE;
}

export async function charterVersion(db: Kysely<Database>, workspaceId: string, version: number): Promise<CharterVersion> {
  const row = await db
    .selectFrom('charter_versions')
    .select(columns)
    .where('workspace_id', '=', workspaceId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw notFound('charter version');
  return toVersion(row);
}

export async function listVersions(db: Kysely<Database>, workspaceId: string) {
  const rows = await db
    .selectFrom('charter_versions')
    .select(['version', 'created_at', 'created_by'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('version', 'desc')
    .limit(1000)
    .execute();
  return rows.map((r) => ({ version: Number(r.version), createdAt: Number(r.created_at), createdBy: r.created_by }));
}

const stale = () =>
  conflict('charter_conflict', 'Someone saved the charter meanwhile. Reload it to see their changes, then make yours again.');

/**
 * Saves a new version on top of `baseVersion`, the one the editor started from. Two saves from the same base:
 * the unique (workspace, version) lets one in and the other gets the conflict, on either database.
 */
export async function saveCharter(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
  charter: Charter,
  baseVersion: number,
  now: number,
): Promise<number> {
  const { version } = await currentCharter(db, workspaceId);
  if (version !== baseVersion) throw stale();
  const next = version + 1;
  const res = await db
    .insertInto('charter_versions')
    .values({ id: crypto.randomUUID(), workspace_id: workspaceId, version: next, charter: JSON.stringify(charter), created_by: userId, created_at: now })
    .onConflict((oc) => oc.columns(['workspace_id', 'version']).doNothing())
    .executeTakeFirst();
  if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) throw stale();
  return next;
}
