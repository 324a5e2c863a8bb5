import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJobQueue, createJobRegistry, defineJob } from '../../src/jobs/index.js';
import { reclaimExpired } from '../../src/jobs/claim.js';
import { createJobRunner } from '../../src/jobs/runner.js';
import type { Store } from '../../src/store/database.js';
import { testStores } from '../helpers/store.js';
import { waitFor } from './fixtures.js';

// Jobs with a lookahead are claimed before their time, read ahead, and still run at their time, never before.
describe.each(testStores())('jobs held before their time on $name', ({ open }) => {
  let store: Store;
  beforeEach(async () => void (store = await open()));
  afterEach(async () => store.destroy());

  // Jobs come due 3 s after they are queued, all within the lookahead: time for a busy machine to see them held.
  const LOOKAHEAD = 5000;
  const AHEAD = 3000;
  const heldJob = () => {
    const runs: Array<{ n: number; at: number; attempt: number }> = [];
    const warmed: number[][] = [];
    const job = defineJob({
      type: 'test.held',
      version: 1,
      schema: z.object({ n: z.number() }),
      lookaheadMs: LOOKAHEAD,
      warm: async (payloads) => void warmed.push(payloads.map((p) => p.n).sort((a, b) => a - b)),
      run: async (p, ctx) => void runs.push({ n: p.n, at: Date.now(), attempt: ctx.attempt }),
    });
    return { job, runs, warmed };
  };

  it('claims a burst ahead, reads it ahead in one call, and runs each job at its time', async () => {
    const { job, runs, warmed } = heldJob();
    const queue = createJobQueue(store);
    const runner = createJobRunner(store, createJobRegistry([job]), { workerId: 'w-ahead', pollMs: 200 });
    const dueAt = Date.now() + AHEAD;
    await queue.enqueueMany(Array.from({ length: 20 }, (_, n) => ({ type: job.type, payload: { n }, runAt: dueAt })));
    await runner.start();
    try {
      await waitFor(() => runner.status().held === 20, 'the burst to be held');
      expect(runs).toEqual([]);
      const rows = await store.db.selectFrom('jobs').select(['status', 'locked_by', 'locked_until', 'attempts']).execute();
      expect(rows.every((r) => r.status === 'running' && r.locked_by === 'w-ahead' && Number(r.locked_until) > dueAt && Number(r.attempts) === 1)).toBe(true);
      await waitFor(() => warmed.flat().length === 20, 'reading ahead');
      expect(warmed).toEqual([Array.from({ length: 20 }, (_, n) => n)]);
      await waitFor(() => runs.length === 20, 'the burst to run');
      expect(Math.min(...runs.map((r) => r.at))).toBeGreaterThanOrEqual(dueAt);
      expect(runs.every((r) => r.attempt === 1)).toBe(true);
      await waitFor(async () => (await store.db.selectFrom('jobs').select('status').where('status', '=', 'succeeded').execute()).length === 20, 'completions');
    } finally {
      await runner.stop();
    }
  });

  it('hands held jobs back on stop with their time and attempts unchanged, for the next worker', async () => {
    const { job, runs } = heldJob();
    const queue = createJobQueue(store);
    const runner = createJobRunner(store, createJobRegistry([job]), { workerId: 'w-one', pollMs: 200 });
    const dueAt = Date.now() + AHEAD;
    const { id } = await queue.enqueue(job, { n: 1 }, { runAt: dueAt });
    await runner.start();
    await waitFor(() => runner.status().held === 1, 'the job to be held');
    await runner.stop();
    expect(await queue.get(id)).toMatchObject({ status: 'queued', runAt: dueAt, attempts: 0, lockedBy: null });
    const next = createJobRunner(store, createJobRegistry([job]), { workerId: 'w-two', pollMs: 200 });
    await next.start();
    try {
      await waitFor(() => runs.length === 1, 'the job to run');
      expect(runs[0].at).toBeGreaterThanOrEqual(dueAt);
      expect(runs[0].attempt).toBe(1);
    } finally {
      await next.stop();
    }
  });

  it('gives a dead worker\'s held jobs back at their time, never earlier', async () => {
    const { job } = heldJob();
    const queue = createJobQueue(store);
    const now = Date.now();
    const { id } = await queue.enqueue(job, { n: 1 }, { runAt: now + 60_000 });
    // As a worker that claimed it ahead and died: its lease ran out before the job's time.
    await store.db.updateTable('jobs').set({ status: 'running', locked_by: 'dead', locked_until: now - 1, attempts: 1 }).where('id', '=', id).execute();
    expect(await reclaimExpired(store, now)).toBe(1);
    expect(await queue.get(id)).toMatchObject({ status: 'queued', runAt: now + 60_000 });
  });
});
