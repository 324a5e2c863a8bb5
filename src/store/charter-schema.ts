/** The editorial charter's tables (migration 0034). Same conventions as schema.ts: times are epoch milliseconds. */

/** One saved version of a workspace's charter; the highest version is the one in force. */
export interface CharterVersionTable {
  id: string;
  workspace_id: string;
  /** 1, 2, 3… per workspace. */
  version: number;
  /** JSON: the charter as parsed by the shared Charter schema (defaults filled in). */
  charter: string;
  created_by: string | null;
  created_at: number;
}

export interface CharterTables {
  charter_versions: CharterVersionTable;
}
