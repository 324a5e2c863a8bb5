import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { Pool } from 'undici';
import { DAY, TIMEZONES, YEARS, type SeedPlan } from './lib/analytics-plan.js';
import { readMarkerPostgres, readMarkerSqlite, recreatePostgres, saveMarker, seedMentionsPostgres, seedMentionsSqlite, seedPostgres, seedSqlite } from './lib/analytics-seed.js';
import { call, closedLoop, quantiles, serverCpu, startServer, stopServer } from './lib/analytics-load.js';
import { checkRollup, rebuildAll } from './lib/analytics-rollup-check.js';
import { timeReports } from './lib/analytics-report.js';

// Dashboards over two years of a brand's figures: 10 M post snapshots, 200,000 posts and 100 accounts on PostgreSQL
// (1 M snapshots on SQLite), 20 readers in a closed loop for each kind of request, p50 and p99; then a monthly
// report's generation time. Targets: dashboard p99 < 300 ms; a monthly PDF report < 5 s on PostgreSQL.
// The data is seeded once per database and kept (a marker table says what it holds): BENCH_ANALYTICS_RESEED=1 redoes it.
const VERSION = 'analytics-bench-1';
const READERS = Number(process.env.BENCH_ANALYTICS_READERS ?? 20);
const SECONDS = Number(process.env.BENCH_ANALYTICS_SECONDS ?? 30);
const PG_URL = process.env.BENCH_ANALYTICS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ruche_bench_analytics';
const SQLITE_DIR = process.env.BENCH_ANALYTICS_DIR ?? path.join(os.tmpdir(), 'ruche-bench-analytics-sqlite');
const OWNER = { name: 'Bench Owner', email: 'bench-analytics@example.com', password: 'correct horse battery staple' };
// Fixed, so that the kept data (sessions, sealed secrets) stays readable from one run to the next.
const SECRET_KEY = crypto.createHash('sha256').update('ruche analytics bench').digest('hex');

const sizes = {
  sqlite: { posts: Number(process.env.BENCH_ANALYTICS_POSTS ?? 200_000), snapshots: Number(process.env.BENCH_ANALYTICS_SQLITE_SNAPSHOTS ?? 1_000_000), inbox: Number(process.env.BENCH_ANALYTICS_INBOX ?? 20_000), listeningStep: 30, mentions: 30_000 },
  postgres: { posts: Number(process.env.BENCH_ANALYTICS_POSTS ?? 200_000), snapshots: Number(process.env.BENCH_ANALYTICS_PG_SNAPSHOTS ?? 10_000_000), inbox: Number(process.env.BENCH_ANALYTICS_INBOX ?? 20_000), listeningStep: 10, mentions: 100_000 },
};

function makePlan(database: 'sqlite' | 'postgres', ownerId: string, workspaceIds: string[], now: number): SeedPlan {
  const size = sizes[database];
  return {
    version: VERSION, now, ownerEmail: OWNER.email, ownerId, posts: size.posts, snapshots: size.snapshots,
    inboxItemsPerWorkspace: size.inbox, listeningStep: size.listeningStep,
    workspaces: workspaceIds.map((id, w) => ({
      id, timezone: TIMEZONES[w % TIMEZONES.length]!,
      accounts: Array.from({ length: 10 }, () => crypto.randomUUID()),
      // A campaign a quarter, a month long each.
      campaigns: Array.from({ length: 8 }, (_, c) => {
        const startsAt = now - (YEARS * 365 - 20 - c * 91) * DAY;
        return { id: crypto.randomUUID(), name: `Campagne ${c + 1}`, startsAt, endsAt: startsAt + 30 * DAY };
      }),
      topics: [
        { id: crypto.randomUUID(), name: `Brand ${w}`, kind: 'brand' as const },
        { id: crypto.randomUUID(), name: `Rival ${w}A`, kind: 'competitor' as const },
        { id: crypto.randomUUID(), name: `Rival ${w}B`, kind: 'competitor' as const },
      ],
    })),
  };
}

const log = (s: string) => console.log(s);

async function run(database: 'sqlite' | 'postgres') {
  const size = sizes[database];
  const sqliteFile = path.join(SQLITE_DIR, 'ruche.sqlite');
  const fits = (p: SeedPlan | null) => p !== null && p.version === VERSION && p.snapshots === size.snapshots && p.posts === size.posts;
  let plan = database === 'sqlite' ? readMarkerSqlite(sqliteFile) : await readMarkerPostgres(PG_URL);
  if (!fits(plan) || process.env.BENCH_ANALYTICS_RESEED) {
    plan = null;
    if (database === 'sqlite') fs.rmSync(SQLITE_DIR, { recursive: true, force: true });
    else await recreatePostgres(PG_URL);
  }
  const dataDir = database === 'sqlite' ? SQLITE_DIR : fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-bench-analytics-pg-'));
  fs.mkdirSync(dataDir, { recursive: true });
  const env: Record<string, string> = {
    DATA_DIR: dataDir, SECRET_KEY, LOG_LEVEL: 'warn', ROLES: 'api', PORT: '0', HOST: '127.0.0.1',
    ...(database === 'postgres' ? { DATABASE_URL: PG_URL } : {}),
  };
  let { child, url } = await startServer(env);
  let pool = new Pool(url, { connections: READERS, pipelining: 1 });
  const figures: Record<string, unknown> = {};
  try {
    let cookie: string;
    const cookieOf = (h: Record<string, string | string[] | undefined>) => ([] as string[]).concat(h['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    if (plan) {
      const res = await pool.request({ method: 'POST', path: '/api/v1/session', headers: { 'content-type': 'application/json', 'x-ruche-csrf': '1' }, body: JSON.stringify({ email: OWNER.email, password: OWNER.password }) });
      await res.body.text();
      if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode}`);
      cookie = cookieOf(res.headers);
      log(`${database}: reusing the data seeded at ${new Date(plan.now).toISOString()}`);
      figures.seed = { reused: true, seededAt: new Date(plan.now).toISOString(), ...plan.seeded };
    } else {
      const setup = await pool.request({
        method: 'POST', path: '/api/v1/setup', headers: { 'content-type': 'application/json', 'x-ruche-csrf': '1' },
        body: JSON.stringify({ ...OWNER, workspaceName: 'Brand 0' }),
      });
      const me = (await setup.body.json()) as { user: { id: string }; memberships: Array<{ workspaceId: string }> };
      cookie = cookieOf(setup.headers);
      const ids = [me.memberships[0]!.workspaceId];
      for (let w = 1; w < 10; w++) ids.push((await call(pool, cookie, 'POST', '/api/v1/workspaces', { name: `Brand ${w}` })).json.id);
      plan = makePlan(database, me.user.id, ids, Date.now());
      // Idle connections would be closed by the server under the pool while seeding: closed first, fresh ones after.
      await pool.close();
      const started = Date.now();
      const counts = database === 'sqlite' ? seedSqlite(sqliteFile, plan, log) : await seedPostgres(PG_URL, plan, log);
      figures.seed = { reused: false, seconds: Math.round((Date.now() - started) / 1000), ...counts };
      log(`${database}: seeded in ${Math.round((Date.now() - started) / 1000)} s ${JSON.stringify(counts)}`);
      // The server started before the rows existed: restarted so its planner statistics and caches are fresh.
      await stopServer(child);
      ({ child, url } = await startServer(env));
      pool = new Pool(url, { connections: READERS, pipelining: 1 });
      const res = await pool.request({ method: 'POST', path: '/api/v1/session', headers: { 'content-type': 'application/json', 'x-ruche-csrf': '1' }, body: JSON.stringify({ email: OWNER.email, password: OWNER.password }) });
      await res.body.text();
      cookie = cookieOf(res.headers);
    }
    let seededNow = !(figures.seed as { reused: boolean }).reused;
    if (plan.mentionsPerWorkspace !== size.mentions) {
      seededNow = true;
      const started = Date.now();
      if (database === 'sqlite') seedMentionsSqlite(sqliteFile, plan, size.mentions);
      else await seedMentionsPostgres(PG_URL, plan, size.mentions);
      const seconds = Math.round((Date.now() - started) / 1000);
      log(`${database}: ${size.mentions * plan.workspaces.length} listening mentions seeded in ${seconds} s`);
      if (!(figures.seed as { reused: boolean }).reused) {
        const seed = figures.seed as Record<string, number>;
        figures.seed = { ...seed, mentionsSeconds: seconds, mentions: size.mentions * plan.workspaces.length };
        plan.seeded = { seconds: seed.seconds!, mentionsSeconds: seconds };
        await saveMarker(database === 'sqlite' ? { file: sqliteFile } : { url: PG_URL }, plan);
      }
    }
    // Seeded straight into the tables: the rollups the write paths keep are made from the rows, as migration 0035 does.
    if (seededNow) {
      const started = Date.now();
      await rebuildAll(database === 'sqlite' ? { file: sqliteFile } : { url: PG_URL }, plan);
      log(`${database}: rollups built in ${Math.round((Date.now() - started) / 1000)} s`);
    }
    // BENCH_ANALYTICS_CHECK=0 skips the rollup check (about a minute).
    if (process.env.BENCH_ANALYTICS_CHECK !== '0') figures.rollupCheck = await checkRollup(database, database === 'sqlite' ? { file: sqliteFile } : { url: PG_URL }, plan, log);
    figures.latencyMs = await loadScenarios(database, plan, pool, cookie, child);
  } finally {
    await pool.close().catch(() => {});
    await stopServer(child);
  }
  // BENCH_ANALYTICS_REPORT_RUNS=0 leaves out the reports, for a run that compares dashboards alone.
  figures.reports = process.env.BENCH_ANALYTICS_REPORT_RUNS === '0' ? { measured: false } : await timeReports(database, env, plan, { email: OWNER.email, password: OWNER.password }, log);
  if (database === 'postgres') fs.rmSync(dataDir, { recursive: true, force: true });
  return figures;
}

async function loadScenarios(database: string, plan: SeedPlan, pool: Pool, cookie: string, child: Parameters<typeof serverCpu>[0]) {
  const W = plan.workspaces.length;
  const ws = (i: number) => plan.workspaces[i % W]!;
  const iso = (d: DateTime) => encodeURIComponent(d.toUTC().toISO()!);
  const local = (i: number) => DateTime.fromMillis(plan.now, { zone: ws(i).timezone });
  const lastMonth = (i: number) => { const end = local(i).startOf('month'); return { from: iso(end.minus({ months: 1 })), to: iso(end) }; };
  const lastQuarter = (i: number) => { const end = local(i).startOf('quarter'); return { from: iso(end.minus({ months: 3 })), to: iso(end) }; };
  const lastYear = (i: number) => { const end = local(i).startOf('day'); return { from: iso(end.minus({ days: 365 })), to: iso(end) }; };
  const base = (i: number) => `/api/v1/workspaces/${ws(i).id}/analytics`;
  const dashboard = (i: number, p: { from: string; to: string }, extra = '') => `${base(i)}/dashboard?from=${p.from}&to=${p.to}&compare=previous${extra}`;
  // Campaigns that have ended, each over its own dates.
  const campaign = (i: number) => {
    const done = ws(i).campaigns.filter((c) => c.endsAt < plan.now);
    const c = done[Math.floor(i / W) % done.length]!;
    return `${base(i)}/dashboard?from=${encodeURIComponent(new Date(c.startsAt).toISOString())}&to=${encodeURIComponent(new Date(c.endsAt).toISOString())}&compare=previous&campaignId=${c.id}`;
  };
  const scopes = (i: number) => ['', `&accountId=${ws(i).accounts[Math.floor(i / W) % 10]}`, `&network=${i % 2 ? 'mastodon' : 'bluesky'}`, '&label=promo'][Math.floor(i / W) % 4]!;
  const moving = (i: number, end: DateTime, days: number, compare: string) =>
    `${base(i)}/dashboard?from=${iso(end.minus({ days }))}&to=${iso(end)}&compare=${compare}${scopes(i)}`;
  // Counted across the warm-up and the measure, so that no request repeats one before it: request k of a workspace
  // moves its window k days back.
  const fresh = (path: (i: number, back: number) => string) => {
    let n = 0;
    return () => { const k = n++; return path(k, Math.floor(k / W) % 700); };
  };
  const dayOfLastMonth = (i: number) => local(i).startOf('month').minus({ days: 1 + (Math.floor(i / W) % 28) }).toISODate()!;
  // Posts with long growth curves: among each account's oldest (ids are ap-<account>-<n>, n in drawing order).
  const perAccount = Math.floor(plan.posts / (W * 10));
  const postId = (i: number) => `ap-${((i % W) * 10 + (Math.floor(i / W) % 10)).toString(36)}-${((i * 7919) % perAccount).toString(36)}`;
  const kinds: Record<string, (i: number) => string> = {
    'dashboard month': (i) => dashboard(i, lastMonth(i)),
    'dashboard quarter': (i) => dashboard(i, lastQuarter(i)),
    'dashboard year vs year before': (i) => dashboard(i, lastYear(i)).replace('compare=previous', 'compare=year_before'),
    'dashboard one account, month': (i) => dashboard(i, lastMonth(i), `&accountId=${ws(i).accounts[Math.floor(i / W) % 10]}`),
    'dashboard one network, quarter': (i) => dashboard(i, lastQuarter(i), `&network=${i % 2 ? 'mastodon' : 'bluesky'}`),
    'dashboard one campaign': campaign,
    'drill-down: posts of a day': (i) => { const m = lastMonth(i); return `${base(i)}/posts?from=${m.from}&to=${m.to}&day=${dayOfLastMonth(i)}&sort=engagement&order=desc&limit=20`; },
    'drill-down: posts of a heat cell': (i) => { const end = local(i).startOf('day'); return `${base(i)}/posts?from=${iso(end.minus({ days: 90 }))}&to=${iso(end)}&weekday=${i % 7}&hour=${8 + (i % 12)}&sort=engagement&order=desc&limit=20`; },
    'growth curve (post snapshots)': (i) => `${base(i)}/posts/${postId(i)}/snapshots`,
    'agency view, month': (i) => { const m = lastMonth(0); return `/api/v1/analytics/agency?from=${m.from}&to=${m.to}`; void i; },
    // Dashboards are kept in memory per workspace until their figures change: the kinds above are mostly served from
    // memory once warm. These ask every request for a period no request asked before (a window moved back a day
    // each time), in turn unscoped, for an account, a network and a label, so each is computed afresh.
    'dashboard month, uncached (a new window each time)': fresh((i, back) => { const end = local(i).startOf('day').minus({ days: back }); return moving(i, end, 30, 'previous'); }),
    'dashboard year vs year before, uncached': fresh((i, back) => { const end = local(i).startOf('day').minus({ days: back }); return moving(i, end, 365, 'year_before'); }),
  };
  // BENCH_ANALYTICS_KINDS=dashboard,growth measures only the kinds whose names start with one of those words.
  const only = process.env.BENCH_ANALYTICS_KINDS?.split(',');
  const chosen = Object.entries(kinds).filter(([n]) => !only || only.some((o) => n.startsWith(o)));
  // Warm-up: a few of each, so the first measured requests do not pay for cold caches alone.
  for (const [, pathOf] of chosen) await closedLoop(pool, cookie, 4, 2, pathOf);
  const figures: Record<string, unknown> = {};
  const dashboards: number[] = [];
  const all: number[] = [];
  for (const [name, pathOf] of chosen) {
    const cpuBefore = await serverCpu(child);
    const r = await closedLoop(pool, cookie, READERS, SECONDS, pathOf);
    const cpuMs = (await serverCpu(child)) - cpuBefore;
    const { times, ...rest } = r;
    figures[name] = { ...rest, serverCpuMsPerRequest: r.requests ? Math.round((cpuMs / r.requests) * 100) / 100 : null };
    if (name.startsWith('dashboard')) dashboards.push(...times);
    all.push(...times);
    console.log(`${database}: ${name.padEnd(34)} ${JSON.stringify(figures[name])}`);
  }
  figures['all dashboards'] = { requests: dashboards.length, ...quantiles(dashboards) };
  figures['all requests'] = { requests: all.length, ...quantiles(all) };
  console.log(`${database}: all dashboards ${JSON.stringify(figures['all dashboards'])}; all requests ${JSON.stringify(figures['all requests'])}`);
  return figures;
}

export default async function analyticsBench() {
  const only = (process.env.BENCH_ANALYTICS_DATABASES?.split(',') ?? ['sqlite', 'postgres']) as Array<'sqlite' | 'postgres'>;
  const figures: Record<string, unknown> = {
    loadAverageAtStart: os.loadavg()[0], cpus: os.cpus().length, readers: READERS, secondsPerKind: SECONDS,
    cache: 'dashboards and agency rows are kept in memory per workspace analytics version (moved on by every write that changes a figure); the kinds marked uncached ask a window no request asked before, so each is computed afresh from the rollups',
  };
  for (const db of only) figures[db] = await run(db);
  figures.loadAverageAtEnd = os.loadavg()[0];
  summary(figures, only);
  return figures;
}

/** The figures against the targets, one line per kind of request. */
function summary(figures: Record<string, unknown>, databases: string[]) {
  const lines = [`\nanalytics: ${READERS} readers, ${SECONDS} s per kind, ${os.cpus().length} CPUs, load average ${(figures.loadAverageAtStart as number).toFixed(2)} at start and ${(figures.loadAverageAtEnd as number).toFixed(2)} at the end`];
  for (const db of databases) {
    const f = figures[db] as { seed: { reused: boolean; seconds?: number; mentionsSeconds?: number }; latencyMs: Record<string, { requests: number; errors?: number; p50: number | null; p99: number | null }>; reports: { measured: boolean; monthlyMsMedian?: number; pages?: number; agencyMonthly?: { ms: number; pages: number } } };
    const took = f.seed.seconds === undefined ? '' : `seeded in ${f.seed.seconds} s, listening mentions in ${f.seed.mentionsSeconds ?? '?'} s`;
    lines.push(`${db}: ${f.seed.reused ? `kept data reused${took ? ` (${took} when made)` : ''}` : took}`);
    lines.push(`  ${'kind'.padEnd(34)} ${'requests'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  target p99 < 300 ms`);
    for (const [kind, k] of Object.entries(f.latencyMs ?? {})) {
      const mark = k.p99 === null ? '-' : k.p99 < 300 ? 'met' : 'MISSED';
      lines.push(`  ${kind.padEnd(34)} ${String(k.requests).padStart(8)} ${String(k.p50).padStart(8)} ${String(k.p99).padStart(8)}  ${mark}${k.errors ? ` (${k.errors} errors)` : ''}`);
    }
    const r = f.reports;
    if (r?.measured) {
      const target = db === 'postgres' ? (r.monthlyMsMedian! < 5000 ? '  target < 5 s: met' : '  target < 5 s: MISSED') : '';
      lines.push(`  monthly report (PDF, XLSX, CSV; ${r.pages} pages): ${r.monthlyMsMedian} ms median${target}; agency report over 10 workspaces: ${r.agencyMonthly!.ms} ms (${r.agencyMonthly!.pages} pages)`);
    }
  }
  console.log(lines.join('\n'));
}
