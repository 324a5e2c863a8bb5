import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import pg from 'pg';
import { SEARCHES, seedPostgres, seedSqlite, type SeedPlan } from './lib/inbox-seed.js';

// 1,000,000 inbox items over 20 workspaces, on SQLite and on PostgreSQL: the list with its filters, the counts and
// text search under 50 concurrent HTTP connections over loopback, p50 and p99 per query kind. Target: p99 < 100 ms.
const ITEMS = Number(process.env.BENCH_INBOX_ITEMS ?? 1_000_000);
const WORKSPACES = 20;
const CONNECTIONS = Number(process.env.BENCH_INBOX_CONNECTIONS ?? 50);
const REQUESTS = Number(process.env.BENCH_INBOX_REQUESTS ?? 1000);
// The paced runs: requests a second from all connections together, and for how long (0 leaves them out).
const PACED_RATE = Number(process.env.BENCH_INBOX_PACED_RATE ?? 200);
const PACED_SECONDS = Number(process.env.BENCH_INBOX_PACED_SECONDS ?? 10);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const here = path.dirname(fileURLToPath(import.meta.url));

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(path.join(here, 'lib/inbox-server.ts'), [], { execArgv: ['--import', 'tsx', ...(process.env.BENCH_INBOX_SERVER_ARGS?.split(' ').filter(Boolean) ?? [])], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.on('message', (m: { url?: string }) => m.url && resolve({ child, url: m.url }));
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

/**
 * The start of the local day `days` from today, in ms: what the web app sends for a date filter (web/scenes/inbox/
 * filters.ts), the same value all day long, so its pages can be remembered as the app's are.
 */
function dayStart(days: number): number {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days).getTime();
}

/** The server process's CPU time so far, in ms. */
function serverCpu(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (m: { cpuMs?: number }) => {
      if (m.cpuMs === undefined) return;
      child.off('message', onMessage);
      resolve(m.cpuMs);
    };
    child.on('message', onMessage);
    child.send('cpu');
  });
}

async function call(pool: Pool, cookie: string, method: string, p: string, body?: unknown) {
  const res = await pool.request({
    method: method as 'GET', path: p,
    headers: { cookie, 'x-ruche-csrf': '1', ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.body.text();
  if (res.statusCode >= 300) throw new Error(`${method} ${p} → ${res.statusCode} ${text.slice(0, 200)}`);
  return { json: text ? (JSON.parse(text) as any) : null, headers: res.headers };
}

/**
 * A GET read to its last byte and checked, its body left unparsed: what a load generator does (wrk, autocannon).
 * Parsing 50 items of JSON would cost this process as much CPU as the server spends answering from memory, on
 * the same two cores, and it is the reader's work, not the server's.
 */
async function fetchPage(pool: Pool, cookie: string, p: string) {
  const res = await pool.request({ method: 'GET', path: p, headers: { cookie } });
  const bytes = await res.body.arrayBuffer();
  if (res.statusCode !== 200 || bytes.byteLength === 0) throw new Error(`GET ${p} → ${res.statusCode} ${Buffer.from(bytes).toString('utf8', 0, 200)}`);
}

/** `total` requests made by `CONNECTIONS` loops at once; each request's time from send to full answer. */
async function load(pool: Pool, cookie: string, total: number, pathOf: (i: number) => string) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t = performance.now();
        await fetchPage(pool, cookie, pathOf(i));
        times.push(performance.now() - t);
      }
    }),
  );
  const wall = performance.now() - started;
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
  return { p50: at(0.5), p99: at(0.99), max: at(1), perSecond: Math.round((total / wall) * 1000) };
}

/**
 * The same requests at a set pace rather than as fast as the server answers: `rate` a second in all, spread over
 * the connections, for `seconds`. Each request's time runs from when it was due, so a server falling behind shows
 * in the figures rather than slowing the load down.
 */
async function paced(pool: Pool, cookie: string, rate: number, seconds: number, pathOf: (i: number) => string) {
  const total = Math.round(rate * seconds);
  const times: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      for (let i = next++; i < total; i = next++) {
        const due = started + (i * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        await fetchPage(pool, cookie, pathOf(i));
        times.push(performance.now() - due);
      }
    }),
  );
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
  return { rate, p50: at(0.5), p99: at(0.99), max: at(1) };
}

async function run(database: 'sqlite' | 'postgres') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-bench-inbox-'));
  const schema = `bench_inbox_${crypto.randomBytes(4).toString('hex').replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;
  const env: Record<string, string> = {
    DATA_DIR: dataDir, SECRET_KEY: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'warn', ROLES: 'api', PORT: '0', HOST: '127.0.0.1',
    ...(database === 'postgres' ? { DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema } : {}),
  };
  let { child, url } = await startServer(env);
  let pool = new Pool(url, { connections: CONNECTIONS, pipelining: 1 });
  try {
    const setup = await pool.request({
      method: 'POST', path: '/api/v1/setup', headers: { 'content-type': 'application/json', 'x-ruche-csrf': '1' },
      body: JSON.stringify({ name: 'Bench Owner', email: 'bench@example.com', password: 'correct horse battery', workspaceName: 'Brand 0' }),
    });
    const me = (await setup.body.json()) as { user: { id: string }; memberships: Array<{ workspaceId: string }> };
    let cookie = ([] as string[]).concat(setup.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    const ids = [me.memberships[0]!.workspaceId];
    for (let w = 1; w < WORKSPACES; w++) ids.push((await call(pool, cookie, 'POST', '/api/v1/workspaces', { name: `Brand ${w}` })).json.id);
    const plan: SeedPlan = {
      workspaces: ids.map((id) => ({ id, ownerId: me.user.id, accounts: [crypto.randomUUID(), crypto.randomUUID()] })),
      itemsPerWorkspace: Math.floor(ITEMS / WORKSPACES),
      authorsPerWorkspace: 2000,
    };
    // Connections left idle while seeding would be closed by the server under the pool: closed first, fresh ones after.
    await pool.close();
    const seedStart = Date.now();
    if (database === 'sqlite') seedSqlite(path.join(dataDir, 'ruche.sqlite'), plan, Date.now());
    else await seedPostgres(PG_URL, schema, plan, Date.now());
    const seedMs = Date.now() - seedStart;
    console.log(`${database}: seeded ${plan.itemsPerWorkspace * WORKSPACES} items in ${Math.round(seedMs / 1000)} s`);
    pool = new Pool(url, { connections: CONNECTIONS, pipelining: 1 });

    const ws = (i: number) => plan.workspaces[i % WORKSPACES]!;
    const items = (i: number, q: string) => `/api/v1/workspaces/${ws(i).id}/inbox/items?limit=50${q ? `&${q}` : ''}`;
    const counts = (i: number, q: string) => `/api/v1/workspaces/${ws(i).id}/inbox/counts${q ? `?${q}` : ''}`;
    // Third pages, reached by their cursors beforehand.
    const cursors: string[] = [];
    for (let w = 0; w < WORKSPACES; w++) {
      let cursor = '';
      for (let p = 0; p < 2; p++) cursor = (await call(pool, cookie, 'GET', items(w, cursor ? `cursor=${encodeURIComponent(cursor)}` : ''))).json.nextCursor;
      cursors.push(cursor);
    }
    const q = encodeURIComponent;
    const kinds: Record<string, (i: number) => string> = {
      'list newest': (i) => items(i, ''),
      'list riskiest': (i) => items(i, 'sort=risk'),
      'list third page': (i) => items(i, `cursor=${q(cursors[i % WORKSPACES]!)}`),
      'list open, French, negative': (i) => items(i, 'status=open&language=fr&sentiment=negative'),
      'list toxic (any), riskiest': (i) => items(i, 'toxicity=any&sort=risk'),
      'list hate': (i) => items(i, 'toxicity=hate'),
      'list complaints on one account': (i) => items(i, `complaint=1&accountId=${ws(i).accounts[1]}`),
      'list label vip, open': (i) => items(i, 'label=vip&status=open'),
      'list mine, waiting': (i) => items(i, 'assigneeId=me&status=waiting'),
      'list messages, last 7 days': (i) => items(i, `kind=message&from=${dayStart(-7)}`),
      'search common word': (i) => items(i, `q=${q(SEARCHES.common)}`),
      'search rare word': (i) => items(i, `q=${q(SEARCHES.rare)}`),
      'search two words': (i) => items(i, `q=${q(SEARCHES.twoWords)}`),
      'search accented, open': (i) => items(i, `q=${q(SEARCHES.accented)}&status=open`),
      'search prefix': (i) => items(i, `q=${q(SEARCHES.prefix)}`),
      'counts': (i) => counts(i, ''),
      'counts open, French': (i) => counts(i, 'status=open&language=fr'),
      'counts search': (i) => counts(i, `q=${q(SEARCHES.twoWords)}`),
    };
    await load(pool, cookie, 300, (i) => Object.values(kinds)[i % Object.keys(kinds).length]!(i));
    // BENCH_INBOX_KINDS=list,counts measures only the kinds whose names start with one of those words.
    const only = process.env.BENCH_INBOX_KINDS?.split(',');
    const chosen = Object.entries(kinds).filter(([n]) => !only || only.some((o) => n.startsWith(o)));
    const measure = async (names: Array<[string, (i: number) => string]>, label: string) => {
      const out: Record<string, unknown> = {};
      for (const [name, pathOf] of names) {
        const cpuBefore = await serverCpu(child);
        const measured = await load(pool, cookie, REQUESTS, pathOf);
        // What one request cost the server's CPU, which a loaded machine does not change much.
        out[name] = { ...measured, serverCpuMsPerRequest: Math.round(((await serverCpu(child)) - cpuBefore) / REQUESTS * 100) / 100 };
        console.log(`${database}: ${label}${name.padEnd(34)} ${JSON.stringify(out[name])}`);
      }
      return out;
    };
    const figures = await measure(chosen, '');
    // Fifty people at once is a queue when each asks again the moment they are answered; at a pace (all of them
    // together asking PACED_RATE times a second), the time each waits for an answer.
    const pacedFigures: Record<string, unknown> = {};
    if (PACED_RATE > 0 && PACED_SECONDS > 0) {
      for (const name of ['list newest', 'list open, French, negative', 'search common word', 'search two words', 'counts']) {
        pacedFigures[name] = await paced(pool, cookie, PACED_RATE, PACED_SECONDS, kinds[name]!);
        console.log(`${database}: paced ${name.padEnd(27)} ${JSON.stringify(pacedFigures[name])}`);
      }
    }
    const sample = (await call(pool, cookie, 'GET', counts(0, ''))).json;
    // The same lists with every page read afresh (INBOX_PAGE_MEMO_MB=0): what each costs when items keep arriving
    // and no page is asked twice between two changes. Counts keep their own memory and are left out.
    let unremembered: Record<string, unknown> = {};
    if (process.env.BENCH_INBOX_FRESH !== '0') {
      await pool.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      ({ child, url } = await startServer({ ...env, INBOX_PAGE_MEMO_MB: '0' }));
      pool = new Pool(url, { connections: CONNECTIONS, pipelining: 1 });
      const signIn = await pool.request({
        method: 'POST', path: '/api/v1/session', headers: { 'content-type': 'application/json', 'x-ruche-csrf': '1' },
        body: JSON.stringify({ email: 'bench@example.com', password: 'correct horse battery' }),
      });
      await signIn.body.text();
      cookie = ([] as string[]).concat(signIn.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
      await load(pool, cookie, 300, (i) => chosen[i % chosen.length]![1](i));
      unremembered = await measure(chosen.filter(([n]) => !n.startsWith('counts')), 'every page read: ');
    }
    return { items: plan.itemsPerWorkspace * WORKSPACES, workspaces: WORKSPACES, connections: CONNECTIONS, requestsPerKind: REQUESTS, seedMs,
      countsCapped: sample.capped, countsWindow: sample.window, latencyMs: figures, pacedLatencyMs: pacedFigures,
      latencyMsEveryPageRead: unremembered };
  } finally {
    await pool.close().catch(() => {});
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    // BENCH_INBOX_KEEP leaves the data (SQLite file, PostgreSQL schema) to look into afterwards.
    if (process.env.BENCH_INBOX_KEEP) console.log(`${database}: data kept in ${database === 'postgres' ? `schema ${schema}` : dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
    if (database === 'postgres' && !process.env.BENCH_INBOX_KEEP) {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    }
  }
}

export default async function inboxBench() {
  const only = (process.env.BENCH_INBOX_DATABASES?.split(',') ?? ['sqlite', 'postgres']) as Array<'sqlite' | 'postgres'>;
  const figures: Record<string, unknown> = { loadAverageAtStart: os.loadavg()[0], cpus: os.cpus().length };
  for (const db of only) figures[db] = await run(db);
  figures.loadAverageAtEnd = os.loadavg()[0];
  return figures;
}
