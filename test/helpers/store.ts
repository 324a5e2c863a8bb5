import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openStore, type Dialect, type Store } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';

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
  await migrateToLatest(store);
  return {
    ...store,
    async destroy() {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
      await store.destroy();
    },
  };
}
