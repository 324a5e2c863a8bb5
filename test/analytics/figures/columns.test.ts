import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Store } from '../../../src/store/database.js';
import { testStores } from '../../helpers/store.js';
import { rowsByColumns } from '../../../src/modules/analytics/columns.js';
import { readTogether } from '../../../src/modules/analytics/read-together.js';
import { zoneOf } from '../../../src/modules/analytics/time.js';
import type { Reader } from '../../../src/modules/analytics/scope.js';

describe.each(testStores())('rows read by columns ($name)', (kind) => {
  let store: Store;
  let r: Reader;

  beforeAll(async () => {
    store = await kind.open();
    r = { db: store.db, dialect: store.dialect, zone: zoneOf('UTC'), now: Date.now() };
  });
  afterAll(async () => store?.destroy());

  // Days with sums, one without a sum (null), out of the order they are written in.
  const days = (from: number) => sql`select d.day, d.n * 1000 as likes, d.n as n from (
    select '2026-03-02' as day, 2 as n union all select '2026-03-01', 1 union all select '2026-03-03', null) d where coalesce(d.n, 3) >= ${from}`;
  const names = ['day', 'likes', 'n'];
  const plain = async (q: ReturnType<typeof days>, db = store.db) => (await q.execute(db)).rows.map((row: any) => ({ day: row.day, likes: row.likes === null ? null : Number(row.likes), n: row.n === null ? null : Number(row.n) }));
  const numbers = (rows: Array<Record<string, unknown>>) => rows.map((row) => ({ day: row.day, likes: row.likes === null ? null : Number(row.likes), n: row.n === null ? null : Number(row.n) }));

  it('gives the rows the query gives, each value in its row, nulls kept', async () => {
    const rows = await rowsByColumns(r, days(0), names);
    expect(numbers(rows)).toEqual(await plain(days(0)));
    expect(numbers(rows)).toContainEqual({ day: '2026-03-02', likes: 2000, n: 2 });
    expect(numbers(rows)).toContainEqual({ day: '2026-03-03', likes: null, n: null });
  });

  it('gives no rows when the query gives none, also among queries read together', async () => {
    expect(await rowsByColumns(r, days(10), names)).toEqual([]);
    const [none, some] = await readTogether(r, (t) => Promise.all([rowsByColumns(t, days(10), names), rowsByColumns(t, days(2), names)]));
    expect(none).toEqual([]);
    expect(numbers(some!)).toEqual(await plain(days(2)));
  });
});
