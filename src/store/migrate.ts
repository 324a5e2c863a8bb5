import { Migrator, type MigrationProvider } from 'kysely';
import { sql } from 'kysely';
import { migrations } from './migrations/index.js';
import type { Store } from './database.js';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the schema up to date. Safe to call from several processes at once: Kysely takes a lock
 * (an advisory lock on PostgreSQL) around the run.
 */
export async function migrateToLatest(store: Store): Promise<string[]> {
  if (store.dialect === 'postgres' && store.schema) {
    await sql`create schema if not exists ${sql.id(store.schema)}`.execute(store.db);
  }
  // Named explicitly: Kysely looks for its own tables across all schemas otherwise.
  const migrator = new Migrator({ db: store.db, provider, migrationTableSchema: store.schema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
