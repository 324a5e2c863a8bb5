import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, sql, type LogEvent } from 'kysely';
import type { Store } from '../../../src/store/database.js';
import type { Database } from '../../../src/store/schema.js';
import { openTestPostgres, pgTestUrl } from '../../helpers/store.js';
import { readTogether } from '../../../src/modules/analytics/read-together.js';
import { zoneOf } from '../../../src/modules/analytics/time.js';
import type { Reader } from '../../../src/modules/analytics/scope.js';
import { workspace } from './fixture.js';

/** PostgreSQL only: on SQLite readTogether hands the reader on as it is. */
describe.skipIf(!pgTestUrl)('figures read together on PostgreSQL', () => {
  let store: Store;
  let db: Kysely<Database>;
  let statements: string[];
  let r: Reader;
  let ws: string;

  beforeAll(async () => {
    store = await openTestPostgres(pgTestUrl!);
    ws = await workspace(store.db, 'Europe/Paris');
    // The store's own pool, each statement sent to the server written down.
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: store.pool! }), log: (e: LogEvent) => void statements.push(e.query.sql) });
    r = { db, dialect: 'postgres', zone: zoneOf('Europe/Paris'), now: Date.now() };
  });
  afterAll(async () => store?.destroy());

  const asked = (d: Kysely<Database>) => Promise.all([
    d.selectFrom('workspaces').select(['id', 'timezone']).where('id', '=', ws).execute(),
    sql<{ n: number; word: string; none: null }>`select cast(${41} as bigint) + 1 as n, ${'ruche'} as word, null as none`.execute(d).then((x) => x.rows),
    d.selectFrom('workspaces').select('id').where('id', '=', 'nobody').execute(),
  ]);

  it('sends the queries asked at once as one statement, in a read-only transaction, with the same rows', async () => {
    const alone = await asked(store.db);
    statements = [];
    const together = await readTogether(r, (t) => asked(t.db));
    expect(together).toEqual(alone);
    expect(together[1]).toEqual([{ n: 42, word: 'ruche', none: null }]);
    expect(statements).toHaveLength(3);
    expect(statements[0]).toMatch(/^begin transaction isolation level repeatable read, read only/);
    expect(statements[2]).toBe('commit');
  });

  it('turns parallel workers and JIT off for its own transaction only', async () => {
    const settings = (d: Kysely<Database>) => sql<{ workers: string; jit: string }>`select current_setting('max_parallel_workers_per_gather') as workers,
      current_setting('jit') as jit`.execute(d).then((x) => x.rows[0]!);
    const outside = await settings(store.db);
    expect(await readTogether(r, (t) => settings(t.db))).toEqual({ workers: '0', jit: 'off' });
    // The connection goes back to the pool as it was.
    const after = await Promise.all(Array.from({ length: 12 }, () => settings(store.db)));
    expect(after.every((s) => s.workers === outside.workers && s.jit === outside.jit)).toBe(true);
  });

  it('fails every query of a statement that fails, rolls back, and leaves the connection usable; writes are refused', async () => {
    const failing = readTogether(r, (t) => Promise.all([
      t.db.selectFrom('workspaces').select('id').execute(),
      sql`select * from no_such_table`.execute(t.db),
    ]));
    await expect(failing).rejects.toThrow(/no_such_table/);
    await expect(readTogether(r, (t) => t.db.updateTable('workspaces').set({ timezone: 'UTC' }).where('id', '=', ws).execute())).rejects.toThrow(/read-only/);
    const [w] = await readTogether(r, (t) => t.db.selectFrom('workspaces').select('timezone').where('id', '=', ws).execute());
    expect(w!.timezone).toBe('Europe/Paris');
  });
});
