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
  let outcome = await withoutSyncPerStatement(store, () => migrator.migrateToLatest());
  // Kysely's introspection lists the tables of every schema in the database; a schema dropped, or a column dropped
  // or renamed, by someone else meanwhile fails it with 3F000, 42P01 or 42703 before anything ran. On PostgreSQL
  // the migrations run in a transaction, so even a failure after that changed nothing: trying again is safe.
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

/**
 * Schema changes on SQLite, written without waiting for the disk at each statement, then made durable at once.
 * Kysely runs migrations outside a transaction there, so each statement commits on its own, and with
 * synchronous = FULL each commit waits for the disk: an empty database took some 260 waits to set up. A power cut
 * meanwhile can lose only the last statements, in order, as a crash between two statements would leave them; the
 * checkpoint after syncs them all.
 */
export async function withoutSyncPerStatement<T>(store: Store, change: () => Promise<T>): Promise<T> {
  if (store.dialect !== 'sqlite') return change();
  await sql`pragma synchronous = NORMAL`.execute(store.db);
  try {
    return await change();
  } finally {
    await sql`pragma synchronous = FULL`.execute(store.db);
    await sql`pragma wal_checkpoint(FULL)`.execute(store.db);
  }
}

function droppedElsewhere(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '3F000' || code === '42P01' || code === '42703';
}
