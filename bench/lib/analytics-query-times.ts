import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, PostgresDialect, type LogEvent } from 'kysely';
import { DateTime } from 'luxon';
import { dashboardFor, readerFor } from '../../src/modules/analytics/dashboard.js';
import { readMarkerPostgres, readMarkerSqlite } from './analytics-seed.js';
import { openStore } from '../../src/store/database.js';

/**
 * Each query of an uncached dashboard, timed on the benchmark's kept data: the windows the benchmark's uncached kinds
 * ask (30 or 365 days, moved back a day each time, unscoped, for an account, a network and a label in turn).
 * On SQLite each statement's own CPU time (it runs in this thread, whatever else the machine runs); on PostgreSQL
 * its wall time. `npx tsx bench/lib/analytics-query-times.ts sqlite|postgres month|year [dashboards]`;
 * BYSCOPE=1 splits them by scope, DB=file reads another SQLite file, KEYLEN and TOP shape the list.
 */

const which = process.argv[2] ?? 'sqlite';
const kind = process.argv[3] ?? 'month';
const N = Number(process.argv[4] ?? 12);
const FILE = process.env.DB ?? '/tmp/ruche-bench-analytics-sqlite/ruche.sqlite';
const URL = 'postgres://postgres@127.0.0.1:5432/ruche_bench_analytics';
const plan = which === 'sqlite' ? readMarkerSqlite(FILE) : await readMarkerPostgres(URL);
const times = new Map<string, { n: number; ms: number }>();
let on = false;
let tag = '';
const log = (e: LogEvent) => {
  if (!on) return;
  const key = tag + e.query.sql.replace(/\s+/g, ' ').slice(0, Number(process.env.KEYLEN ?? 110));
  const t = times.get(key) ?? times.set(key, { n: 0, ms: 0 }).get(key)!;
  t.n++; t.ms += cpuOf.get(tag + e.query.sql) ?? e.queryDurationMillis; cpuOf.delete(tag + e.query.sql);
};
// SQLite runs in this thread: each statement's own CPU time, whatever else the machine runs.
const cpuOf = new Map<string, number>();
function cpuTimed(s: SQLite.Database): SQLite.Database {
  const prepare = s.prepare.bind(s);
  (s as any).prepare = (source: string) => {
    const st = prepare(source);
    const all = st.all.bind(st);
    (st as any).all = (...args: unknown[]) => { const c = process.cpuUsage(); const out = all(...args); const u = process.cpuUsage(c); if (on) cpuOf.set(tag + source, (cpuOf.get(tag + source) ?? 0) + (u.user + u.system) / 1000); return out; };
    return st;
  };
  return s;
}
const base = openStore(which === 'sqlite' ? { kind: 'sqlite', file: FILE } : { kind: 'postgres', url: URL });
const db = new Kysely<any>({ dialect: which === 'sqlite' ? new SqliteDialect({ database: cpuTimed((() => { const s = new SQLite(FILE); s.pragma('cache_size = -65536'); return s; })()) }) : new PostgresDialect({ pool: base.pool! }), log });
// Read on this thread, so that each query is timed here.
const store = { ...base, db, file: undefined };
const W = plan!.workspaces.length;
let total = 0; let cpu = 0; let count = 0;
for (let pass = 0; pass < 2; pass++) {
  on = pass === 1;
  for (let k = 0; k < N; k++) {
    const i = k + pass * 1000;
    const ws = plan!.workspaces[i % W]!;
    const back = (Math.floor(i / W) % 700);
    const end = DateTime.fromMillis(plan!.now, { zone: ws.timezone }).startOf('day').minus({ days: back });
    const days = kind === 'year' ? 365 : 30;
    const scope: any = [{}, { accountId: ws.accounts[Math.floor(i / W) % 10] }, { network: i % 2 ? 'mastodon' : 'bluesky' }, { label: 'promo' }][Math.floor(i / W) % 4];
    tag = process.env.BYSCOPE ? (Object.keys(scope)[0] ?? 'all').padEnd(10) : '';
    const r = await readerFor(store as any, ws.id, plan!.now);
    const t = performance.now(); const c = process.cpuUsage();
    await dashboardFor(r, { workspaceId: ws.id, ...scope }, { start: end.minus({ days }).toMillis(), end: end.toMillis() }, kind === 'year' ? 'year_before' : 'previous', { cache: false });
    const u = process.cpuUsage(c);
    if (on) { total += performance.now() - t; cpu += (u.user + u.system) / 1000; count++; }
  }
}
const rows = [...times.entries()].sort((a, b) => b[1].ms - a[1].ms);
for (const [k, v] of rows.slice(0, Number(process.env.TOP ?? 30))) console.log(`${(v.ms / count).toFixed(2).padStart(7)} ms/dash ${(v.n / count).toFixed(1).padStart(4)} q/dash  ${k}`);
const byTag = new Map<string, number>();
for (const [k, v] of rows) byTag.set(k.slice(0, 10), (byTag.get(k.slice(0, 10)) ?? 0) + v.ms / count);
if (process.env.BYSCOPE) console.log([...byTag].map(([k, v]) => `${k.trim()} ${(v * 4).toFixed(2)} ms/dash`).join(', '));
console.log(`queries ${(rows.reduce((s, [, v]) => s + v.ms, 0) / count).toFixed(2)} ms/dash; ${which} ${kind}: ${count} dashboards, wall ${(total / count).toFixed(1)} ms, process cpu ${(cpu / count).toFixed(1)} ms, queries/dash ${(rows.reduce((s, [, v]) => s + v.n, 0) / count).toFixed(1)}`);
await db.destroy().catch(() => {});
process.exit(0);
