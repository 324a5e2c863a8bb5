import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobQueue } from '../../src/jobs/index.js';
import type { Store } from '../../src/store/database.js';
import { openTestPostgres, pgTestUrl } from '../helpers/store.js';
import { waitFor } from './fixtures.js';

const JOBS = 1000;
const LEASE_MS = 2000;
const workerFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker-process.ts');

describe.skipIf(!pgTestUrl)('a worker killed with SIGKILL (needs TEST_DATABASE_URL: two processes share a real PostgreSQL)', () => {
  let store: Store;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    store = await openTestPostgres(pgTestUrl!);
    await sql`create table job_effects (job_id text primary key, runs integer not null)`.execute(store.db);
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? once(c, 'exit') : null)));
    await store?.destroy();
  });

  const startWorker = async (workerId: string): Promise<ChildProcess> => {
    const child = spawn(process.execPath, ['--import', 'tsx', workerFile], {
      env: { ...process.env, DB_URL: pgTestUrl, DB_SCHEMA: store.schema, WORKER_ID: workerId, LEASE_MS: String(LEASE_MS), CONCURRENCY: '4' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`worker ${workerId} exited with ${code}`)));
    });
    return child;
  };

  it('loses no job and runs twice only what the dead worker had in hand', async () => {
    const queue = createJobQueue(store);
    await queue.enqueueMany(Array.from({ length: JOBS }, (_, n) => ({ type: 'test.effect', payload: { n } })));
    const victim = await startWorker('victim');
    await startWorker('survivor');
    await waitFor(async () => (await queue.counts()).succeeded >= JOBS / 4, 'a quarter of the jobs');
    victim.kill('SIGKILL');
    await once(victim, 'exit');
    const inHand = await store.db.selectFrom('jobs').select('id').where('status', '=', 'running').where('locked_by', '=', 'victim').execute();
    expect((await queue.counts()).succeeded).toBeLessThan(JOBS);
    await startWorker('replacement');
    await waitFor(async () => (await queue.counts()).succeeded === JOBS, 'every job', 45_000);

    const effects = await sql<{ job_id: string; runs: number }>`select job_id, runs from job_effects`.execute(store.db);
    const jobs = await store.db.selectFrom('jobs').select(['id', 'attempts']).execute();
    expect(effects.rows).toHaveLength(JOBS);
    expect(new Set(effects.rows.map((e) => e.job_id))).toEqual(new Set(jobs.map((j) => j.id)));
    const twice = effects.rows.filter((e) => e.runs > 1).map((e) => e.job_id);
    const reclaimed = jobs.filter((j) => j.attempts > 1).map((j) => j.id);
    console.log(`crash test: ${inHand.length} jobs in the killed worker's hands, ${reclaimed.length} claimed again, ${twice.length} executed twice`);
    expect(inHand.length).toBeGreaterThan(0);
    const inHandIds = inHand.map((j) => j.id);
    for (const id of inHandIds) expect(reclaimed).toContain(id);
    for (const id of twice) expect(inHandIds).toContain(id);
    expect(Math.max(...effects.rows.map((e) => e.runs))).toBeLessThanOrEqual(2);
  }, 60_000);
});
