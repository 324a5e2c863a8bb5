import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/database.js';

// SQLite rows are read as arrays and made into objects per statement: the objects must be what better-sqlite3
// itself would give, including after the schema changes under a statement kept in the cache.
describe('SQLite rows', () => {
  let store: Store;
  let dir: string;
  afterEach(async () => {
    await store.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const open = async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-rows-'));
    store = openStore({ kind: 'sqlite', file: path.join(dir, 'rows.sqlite') });
    await sql`create table t (id integer primary key, name text, score real, blob_col blob)`.execute(store.db);
    await sql`insert into t (id, name, score, blob_col) values (1, 'a "quoted" name', 0.5, x'00ff'), (2, null, null, null)`.execute(store.db);
  };

  it('gives each row its columns by name, aliases and odd names included', async () => {
    await open();
    const rows = await sql<Record<string, unknown>>`select id, name as "weird ""alias"" }", score, blob_col, id as id from t order by id`.execute(store.db);
    expect(rows.rows).toEqual([
      { id: 1, 'weird "alias" }': 'a "quoted" name', score: 0.5, blob_col: Buffer.from([0, 255]) },
      { id: 2, 'weird "alias" }': null, score: null, blob_col: null },
    ]);
  });

  it('sees a column added after the statement was first run', async () => {
    await open();
    const selectAll = () => sql<Record<string, unknown>>`select * from t where id = 1`.execute(store.db);
    expect(Object.keys((await selectAll()).rows[0]!)).toEqual(['id', 'name', 'score', 'blob_col']);
    await sql`alter table t add column extra text default 'x'`.execute(store.db);
    expect((await selectAll()).rows[0]).toMatchObject({ id: 1, extra: 'x' });
    // A table rebuilt with its columns in another order, as SQLite migrations do, under the same statement text.
    await sql`create table t2 (extra text, id integer primary key, name text, score real, blob_col blob)`.execute(store.db);
    await sql`insert into t2 select extra, id, name, score, blob_col from t`.execute(store.db);
    await sql`drop table t`.execute(store.db);
    await sql`alter table t2 rename to t`.execute(store.db);
    expect(Object.keys((await selectAll()).rows[0]!)).toEqual(['extra', 'id', 'name', 'score', 'blob_col']);
    expect((await selectAll()).rows[0]).toMatchObject({ extra: 'x', id: 1, name: 'a "quoted" name' });
  });

  it('streams rows as objects too, and writes report what they changed', async () => {
    await open();
    const seen: unknown[] = [];
    for await (const row of store.db.selectFrom('t' as never).select(['id' as never, 'name' as never]).orderBy('id' as never).stream()) seen.push(row);
    expect(seen).toEqual([{ id: 1, name: 'a "quoted" name' }, { id: 2, name: null }]);
    const res = await sql`update t set score = 1`.execute(store.db);
    expect(res.numAffectedRows).toBe(2n);
  });
});
