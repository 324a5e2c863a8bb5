import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { readEnv } from '../src/config/env.js';
import { envToConfig } from '../src/config/config.js';
import { createContext, destroyContext } from '../src/context.js';
import { arrivalsFrom } from './lib/ipc-network.js';
import { seedScheduledPosts } from './lib/publish-seed.js';
import { cpuMsOf, databaseCpuMs } from './lib/process-cpu.js';

// 10,000 posts over 100 accounts due in the same minute, published by worker processes to a fast local network: lateness (arrival at the network − planned time), posts per second, duplicates. Two shapes: spread over
// the minute (times to the second, as a busy agency calendar has them), and all at the same instant (every post
// planned for 10:00 sharp), which measures how fast a backlog drains.
const POSTS = Number(process.env.BENCH_POSTS ?? 10_000);
const ACCOUNTS = 100;
// How long before the first post is due the workers are started (longer on a busy machine).
const LEAD_MS = Number(process.env.BENCH_LEAD_MS ?? 25_000);
const CONCURRENCY = process.env.BENCH_WORKER_CONCURRENCY ?? '64';
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const workerScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lib/publish-worker.ts');

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = fork(workerScript, [], { execArgv: ['--import', 'tsx', ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [])], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.on('message', (m) => m === 'ready' && resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited ${code}`)));
  });
}

async function run(label: string, database: 'sqlite' | 'postgres', workers: number, spreadMs: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-bench-publish-'));
  const schema = `bench_publish_${crypto.randomBytes(4).toString('hex').replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;
  const env: Record<string, string> = {
    DATA_DIR: dataDir, SECRET_KEY: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'warn', WORKER_CONCURRENCY: CONCURRENCY,
    // The connections are named after the run's schema, so that the database's CPU for this run can be told apart.
    ...(database === 'postgres' ? { DATABASE_URL: withApplicationName(PG_URL, schema), DATABASE_SCHEMA: schema } : {}),
  };
  const network = arrivalsFrom([]);
  const ctx = await createContext({ ...envToConfig(readEnv({ ...env, ROLES: 'api' })) });
  const children: ChildProcess[] = [];
  try {
    const seedStart = Date.now();
    const firstDue = seedStart + LEAD_MS;
    const { targetIds, dueAt: dues } = await seedScheduledPosts(ctx, { accounts: ACCOUNTS, posts: POSTS, dueAt: (i) => firstDue + Math.floor((i * spreadMs) / POSTS) });
    const dueAt = firstDue;
    const seedMs = Date.now() - seedStart;
    // Started side by side: on a busy machine one after another they can take longer than the lead.
    const started = await Promise.allSettled(Array.from({ length: workers }, (_, i) => startWorker({ ...env, ROLES: i === 0 ? 'worker,scheduler' : 'worker' })));
    for (const s of started) if (s.status === 'fulfilled') children.push(s.value);
    for (const s of started) if (s.status === 'rejected') throw s.reason;
    for (const child of children) network.listen(child);
    if (Date.now() > dueAt - 1000) throw new Error('seeding took too long for the planned time');
    // CPU is counted from before the workers read the burst ahead (their lookahead is 5 s), start-up left out.
    while (Date.now() < dueAt - 6000) await new Promise((r) => setTimeout(r, 100));
    const cpuBefore = await cpuNow(children, database, schema);
    while (network.arrivals.size < POSTS && Date.now() < dueAt + spreadMs + 300_000) await new Promise((r) => setTimeout(r, 100));
    const cpuAfter = await cpuNow(children, database, schema);
    const late = targetIds.map((id, i) => (network.arrivals.get(id) ?? Infinity) - dues[i]).sort((a, b) => a - b);
    const at = (q: number) => late[Math.min(late.length - 1, Math.floor(q * late.length))];
    const last = late[late.length - 1];
    // The p99 of each tenth of the spread: whether lateness comes from the burst's first seconds or from all along.
    const slices = spreadMs > 0 ? Array.from({ length: 10 }, (_, k) => {
      const inSlice = targetIds.flatMap((id, i) => (Math.floor(((dues[i] - dueAt) * 10) / spreadMs) === k ? [(network.arrivals.get(id) ?? Infinity) - dues[i]] : [])).sort((a, b) => a - b);
      return inSlice.length ? inSlice[Math.min(inSlice.length - 1, Math.floor(0.99 * inSlice.length))] : null;
    }) : null;
    const cpuMs = {
      workers: cpuAfter.workers.map((ms, i) => (ms === null || cpuBefore.workers[i] === null ? null : ms - cpuBefore.workers[i]!)),
      database: cpuAfter.database === null || cpuBefore.database === null ? null : cpuAfter.database - cpuBefore.database,
    };
    const published = await ctx.store.db.selectFrom('post_targets').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow();
    const figures = {
      posts: POSTS, accounts: ACCOUNTS, workers, concurrencyPerWorker: Number(CONCURRENCY), seedMs,
      latenessMs: { p50: at(0.5), p99: at(0.99), max: last },
      spreadMs, p99BySliceMs: slices,
      postsPerSec: Math.round(POSTS / ((Math.max(...network.arrivals.values()) - dueAt) / 1000)),
      duplicates: network.duplicates(), arrived: network.arrivals.size, cpuMs, loadAverage: os.loadavg()[0],
    };
    console.log(`${label.padEnd(28)} p50 ${figures.latenessMs.p50} ms  p99 ${figures.latenessMs.p99} ms  max ${last} ms  ${figures.postsPerSec} posts/s  duplicates ${figures.duplicates}  arrived ${figures.arrived}/${POSTS}`);
    console.log(`${''.padEnd(28)} CPU ms: workers ${cpuMs.workers.join(' ')}${cpuMs.database === null ? '' : `, database ${cpuMs.database}`}; load average ${os.loadavg()[0].toFixed(1)}`);
    if (slices) console.log(`${''.padEnd(28)} p99 per tenth of the spread: ${slices.join(' ')} ms`);
    await waitForDb(ctx, POSTS, Number(published.n));
    return figures;
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    await destroyContext(ctx);
    if (database === 'postgres') {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** CPU used so far by each worker process and by the database for them. */
async function cpuNow(children: ChildProcess[], database: 'sqlite' | 'postgres', schema: string) {
  return { workers: children.map((c) => cpuMsOf(c.pid)), database: database === 'postgres' ? await databaseCpuMs(PG_URL, schema) : null };
}

function withApplicationName(url: string, name: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', name);
  return u.toString();
}

/** The database must agree with the network: every target marked published. */
async function waitForDb(ctx: Awaited<ReturnType<typeof createContext>>, expected: number, seen: number) {
  let n = seen;
  for (let i = 0; i < 100 && n < expected; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const row = await ctx.store.db.selectFrom('post_targets').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow();
    n = Number(row.n);
  }
  if (n !== expected) console.log(`  warning: ${n}/${expected} targets marked published in the database`);
}

export default async function bench() {
  const scenarios: Array<[string, string, 'sqlite' | 'postgres', number, number]> = [
    ['sqliteMinute', 'SQLite, 1 worker, over 1 min', 'sqlite', 1, 60_000],
    ['postgres3Minute', 'PostgreSQL, 3 workers, 1 min', 'postgres', 3, 60_000],
    ['sqliteInstant', 'SQLite, 1 worker, at once', 'sqlite', 1, 0],
    ['postgres3Instant', 'PostgreSQL, 3 workers, at once', 'postgres', 3, 0],
    // Worker scaling: the same burst drained by 1, 2, 3 and 6 worker processes.
    ['scalingPostgres1', 'PostgreSQL, 1 worker, at once', 'postgres', 1, 0],
    ['scalingPostgres2', 'PostgreSQL, 2 workers, at once', 'postgres', 2, 0],
    ['scalingPostgres6', 'PostgreSQL, 6 workers, at once', 'postgres', 6, 0],
  ];
  // BENCH_PUBLISH_ONLY=Instant runs the scenarios whose key contains that word; several words, comma-separated, run
  // each scenario matching any (scaling,postgres3Instant: the worker-scaling table alone).
  const only = process.env.BENCH_PUBLISH_ONLY?.split(',').filter(Boolean);
  const results: Record<string, unknown> = {};
  for (const [key, label, database, workers, spread] of scenarios) {
    if (!only || only.some((word) => key.includes(word))) results[key] = await run(label, database, workers, spread);
  }
  const drain = (key: string) => (results[key] as { postsPerSec: number } | undefined)?.postsPerSec;
  const one = drain('scalingPostgres1');
  if (one) {
    const scaling = Object.fromEntries(([['1', 'scalingPostgres1'], ['2', 'scalingPostgres2'], ['3', 'postgres3Instant'], ['6', 'scalingPostgres6']] as const)
      .filter(([, key]) => drain(key) !== undefined)
      .map(([n, key]) => [n, { postsPerSec: drain(key), timesOneWorker: Math.round((drain(key)! / one) * 100) / 100 }]));
    console.log('worker scaling (PostgreSQL, at once):', JSON.stringify(scaling));
    results.workerScaling = scaling;
  }
  return results;
}
