import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Migrator, sql } from 'kysely';
import { openStore, type Dialect, type Store } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';

/** Migrated stores for a suite: SQLite in a temp file always, PostgreSQL in a fresh schema (dropped on destroy) when TEST_DATABASE_URL is set. */
export interface TestStore {
  name: Dialect;
  open(): Promise<Store>;
}

export const pgTestUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;

export function testStores(): TestStore[] {
  const stores: TestStore[] = [{ name: 'sqlite', open: openTestSqlite }];
  if (pgTestUrl) stores.push({ name: 'postgres', open: () => openTestPostgres(pgTestUrl) });
  return stores;
}

const reopeners = new WeakMap<object, () => Store>();

/** Another connection to the same test database (same file, same schema), as a second process would have. */
export function reopenTestStore(store: Store): Store {
  const reopen = reopeners.get(store.db);
  if (!reopen) throw new Error('not a store opened by testStores()');
  return reopen();
}

export async function openTestSqlite(): Promise<Store> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-test-'));
  const file = path.join(dir, 'ruche.sqlite');
  const store = openStore({ kind: 'sqlite', file });
  reopeners.set(store.db, () => openStore({ kind: 'sqlite', file }));
  await migrateToLatest(store);
  return {
    ...store,
    async destroy() {
      await store.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh schema of its own, so that test files can run in parallel against one database. */
export async function openTestPostgres(url: string): Promise<Store> {
  const schema = `test_${randomBytes(6).toString('hex').replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)])}`;
  const store = openStore({ kind: 'postgres', url, schema });
  reopeners.set(store.db, () => openStore({ kind: 'postgres', url, schema }));
  await sql`create schema ${sql.id(schema)}`.execute(store.db);
  // Kysely looks for its migration tables in every schema unless told which: name ours.
  const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations }, migrationTableSchema: schema });
  for (let attempt = 1; ; attempt++) {
    const { error } = await migrator.migrateToLatest();
    if (!error) break;
    // Its introspection lists every schema and fails when another test file drops one meanwhile (3F000).
    if ((error as { code?: string }).code !== '3F000' || attempt === 5) throw error instanceof Error ? error : new Error(String(error));
  }
  return {
    ...store,
    async destroy() {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
      await store.destroy();
    },
  };
}
