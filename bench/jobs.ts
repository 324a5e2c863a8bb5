import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { Migrator, sql } from 'kysely';
import { z } from 'zod';
import { Queue, Worker } from 'bullmq';
import { createJobQueue, createJobRegistry, createJobRunner, defineJob } from '../src/jobs/index.js';
import { openStore, type Store } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { migrations } from '../src/store/migrations/index.js';
import { measureStartup } from './startup.js';

// 10,000 no-op jobs due within one second, enqueued ahead: how late they start and how fast they drain. While the
// queue keeps up, jobs/s is bounded by the one-second window; the "all due at once" runs show the drain rate.
// The job records its start time (its result, written in the same statement that marks it done).
const JOBS = 10_000;
const LEAD_MS = 2_000;
const CONCURRENCY = Number(process.env.BENCH_JOBS_CONCURRENCY ?? 200);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NOOP = 'bench.noop';
const self = fileURLToPath(import.meta.url);

interface Figures {
  jobs: number;
  jobsPerSec: number;
  latenessMs: { p50: number; p99: number; max: number };
  duplicates: number;
  enqueueMs: number;
}

function noopJob(executed: string[]) {
  return defineJob({
    type: NOOP,
    version: 1,
    schema: z.object({ i: z.number() }),
    run: async (_p, ctx) => {
      executed.push(ctx.jobId);
      return { startedAt: Date.now() };
    },
  });
}

function figures(starts: number[], dues: number[], lastDone: number, executions: number, enqueueMs: number): Figures {
  const late = starts.map((s, i) => s - dues[i]).sort((a, b) => a - b);
  const at = (q: number) => late[Math.min(late.length - 1, Math.floor(q * late.length))];
  return {
    jobs: starts.length,
    jobsPerSec: Math.round(starts.length / ((lastDone - Math.min(...dues)) / 1000)),
    latenessMs: { p50: at(0.5), p99: at(0.99), max: late[late.length - 1] },
    duplicates: executions - starts.length,
    enqueueMs,
  };
}

/** Enqueues the jobs due across `spreadMs` starting LEAD_MS from now. */
async function enqueueBench(store: Store, spreadMs: number): Promise<{ enqueueMs: number }> {
  const t0 = Date.now();
  const due = t0 + LEAD_MS;
  const items = Array.from({ length: JOBS }, (_, i) => ({ type: NOOP, payload: { i }, runAt: due + Math.floor((i * spreadMs) / JOBS) }));
  await createJobQueue(store).enqueueMany(items);
  return { enqueueMs: Date.now() - t0 };
}

async function collect(store: Store, executions: () => Promise<number> | number, enqueueMs: number): Promise<Figures> {
  for (;;) {
    const row = await store.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'succeeded').executeTakeFirstOrThrow();
    if (Number(row.n) >= JOBS) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const rows = await store.db.selectFrom('jobs').select(['run_at', 'result', 'finished_at']).execute();
  const starts = rows.map((r) => (JSON.parse(r.result!) as { startedAt: number }).startedAt);
  const lastDone = Math.max(...rows.map((r) => Number(r.finished_at)));
  return figures(starts, rows.map((r) => Number(r.run_at)), lastDone, await executions(), enqueueMs);
}

async function sqliteBench(spreadMs: number): Promise<Figures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-bench-'));
  const store = openStore({ kind: 'sqlite', file: path.join(dir, 'jobs.sqlite') });
  await migrateToLatest(store);
  const executed: string[] = [];
  const runner = createJobRunner(store, createJobRegistry([noopJob(executed)]), { concurrency: CONCURRENCY });
  await runner.start();
  const { enqueueMs } = await enqueueBench(store, spreadMs);
  const out = await collect(store, () => executed.length, enqueueMs);
  await runner.stop();
  await store.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

function startWorker(schema: string, index: number): Promise<{ child: ChildProcess; executions: Promise<number> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', self], {
    env: { ...process.env, RUCHE_BENCH_JOBS_WORKER: schema, RUCHE_BENCH_WORKER_ID: `bench-${index}` },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const executions = once(child, 'exit').then(() => Number(/executed (\d+)/.exec(out)?.[1] ?? NaN));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', () => out.includes('ready') && resolve({ child, executions }));
    child.once('exit', (code) => reject(new Error(`bench worker exited with ${code}`)));
  });
}

async function postgresBench(workers: number, spreadMs: number): Promise<Figures> {
  const schema = `bench_jobs_${randomBytes(4).toString('hex').replace(/\d/g, 'x')}`;
  const store = openStore({ kind: 'postgres', url: PG_URL, schema });
  await sql`create schema ${sql.id(schema)}`.execute(store.db);
  // Named schema: Kysely otherwise finds another schema's migration tables in the same database.
  const migrated = await new Migrator({ db: store.db, provider: { getMigrations: async () => migrations }, migrationTableSchema: schema }).migrateToLatest();
  if (migrated.error) throw migrated.error;
  try {
    const children = await Promise.all(Array.from({ length: workers }, (_, i) => startWorker(schema, i)));
    const { enqueueMs } = await enqueueBench(store, spreadMs);
    return await collect(store, async () => {
      for (const c of children) c.child.kill('SIGTERM');
      const counts = await Promise.all(children.map((c) => c.executions));
      return counts.reduce((a, b) => a + b, 0);
    }, enqueueMs);
  } finally {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
    await store.destroy();
  }
}

async function workerMain(schema: string): Promise<void> {
  const store = openStore({ kind: 'postgres', url: PG_URL, schema });
  const executed: string[] = [];
  const runner = createJobRunner(store, createJobRegistry([noopJob(executed)]), {
    concurrency: CONCURRENCY,
    workerId: process.env.RUCHE_BENCH_WORKER_ID,
    batchWindowMs: process.env.BENCH_JOBS_WINDOW ? Number(process.env.BENCH_JOBS_WINDOW) : undefined,
  });
  await runner.start();
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    void runner.stop().then(async () => {
      await store.destroy();
      process.stdout.write(`executed ${executed.length}\n`, () => process.exit(0));
    });
  });
}

async function bullmqBench(spreadMs: number): Promise<Figures> {
  const connection = { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null };
  const name = `ruche-bench-jobs-${randomBytes(4).toString('hex')}`;
  const queue = new Queue(name, { connection });
  const runs = new Map<string, number>();
  const starts: number[] = [];
  const dues: number[] = [];
  let lastDone = 0;
  let resolveAll!: () => void;
  const all = new Promise<void>((r) => (resolveAll = r));
  const worker = new Worker(name, async (job) => {
    runs.set(job.id!, (runs.get(job.id!) ?? 0) + 1);
    return { startedAt: Date.now() };
  }, { connection, concurrency: CONCURRENCY });
  worker.on('completed', (job, value: { startedAt: number }) => {
    starts.push(value.startedAt);
    dues.push(job.timestamp + (job.opts.delay ?? 0));
    lastDone = Date.now();
    if (starts.length === JOBS) resolveAll();
  });
  await worker.waitUntilReady();
  const t0 = Date.now();
  const due = t0 + LEAD_MS;
  for (let i = 0; i < JOBS; i += 1000) {
    const now = Date.now();
    await queue.addBulk(Array.from({ length: Math.min(1000, JOBS - i) }, (_, k) => ({
      name: NOOP,
      data: { i: i + k },
      opts: { delay: due + Math.floor(((i + k) * spreadMs) / JOBS) - now, removeOnComplete: true },
    })));
  }
  const enqueueMs = Date.now() - t0;
  await all;
  const executions = [...runs.values()].reduce((a, b) => a + b, 0);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return figures(starts, dues, lastDone, executions, enqueueMs);
}

function line(label: string, f: Figures): string {
  const l = f.latenessMs;
  return `${label.padEnd(38)} ${String(f.jobsPerSec).padStart(6)} jobs/s  lateness p50 ${l.p50} ms  p99 ${l.p99} ms  max ${l.max} ms  duplicates ${f.duplicates}  (enqueue ${f.enqueueMs} ms)`;
}

export default async function (): Promise<Record<string, unknown>> {
  const results: Record<string, Figures> = {};
  const scenarios: Array<[string, (spreadMs: number) => Promise<Figures>]> = [
    ['sqlite, 1 process', sqliteBench],
    ['postgres, 1 worker', (s) => postgresBench(1, s)],
    ['postgres, 3 workers', (s) => postgresBench(3, s)],
    ['bullmq, 1 worker', bullmqBench],
  ];
  const only = process.env.BENCH_JOBS_ONLY;
  for (const [spreadMs, suffix] of [[1000, ''], [0, ', all due at once']] as const) {
    for (const [name, run] of scenarios) {
      const label = name + suffix;
      if (only && !label.startsWith(only)) continue;
      results[label] = await run(spreadMs);
      console.log(line(label, results[label]));
    }
  }
  // The companion figures: how fast a whole Ruche answers after starting, and what it holds idle.
  const startup = only ? null : await measureStartup();
  if (startup) {
    console.log(`cold start to first HTTP 200: ${startup.coldStartMs} ms; warm: ${startup.warmStartMs} ms; idle RSS: ${startup.idleRssMb} MB`);
  }
  return { jobs: JOBS, dueWithinMs: 1000, enqueuedAheadMs: LEAD_MS, concurrencyPerProcess: CONCURRENCY, cpus: os.cpus().length, results, startup };
}

if (process.env.RUCHE_BENCH_JOBS_WORKER) await workerMain(process.env.RUCHE_BENCH_JOBS_WORKER);
