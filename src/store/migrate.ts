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
  let outcome = await migrator.migrateToLatest();
  // Kysely's introspection lists the tables of every schema in the database; a schema dropped by someone else
  // meanwhile fails it with 3F000 or 42P01 before anything ran. Nothing was changed: trying again is safe.
  for (let attempt = 1; outcome.error && droppedElsewhere(outcome.error) && attempt < 5; attempt++) {
    outcome = await migrator.migrateToLatest();
  }
  const { error, results } = outcome;
  if (error) throw error instanceof Error ? error : new Error(String(error));
  const ran = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  // New indexes need statistics before the planner weighs them against the old ones (PostgreSQL's autovacuum
  // gathers its own).
  if (ran.length > 0 && store.dialect === 'sqlite') await sql`pragma optimize = 0x10002`.execute(store.db);
  return ran;
}

function droppedElsewhere(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '3F000' || code === '42P01';
}
