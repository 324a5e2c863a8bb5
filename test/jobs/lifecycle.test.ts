import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJobQueue, createJobRegistry, createJobRunner, type JobRunner } from '../../src/jobs/index.js';
import type { Store } from '../../src/store/database.js';
import { reopenTestStore as reopen, testStores } from '../helpers/store.js';
import { echoJob, waitFor } from './fixtures.js';

describe.each(testStores())('running jobs in the background on $name', ({ name, open }) => {
  let store: Store;
  const runners: JobRunner[] = [];
  beforeEach(async () => void (store = await open()));
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    await store.destroy();
  });
  const runner = (...args: Parameters<typeof createJobRunner>) => {
    const r = createJobRunner(...args);
    runners.push(r);
    return r;
  };

  it('wakes on enqueue without waiting for a poll', async () => {
    const { job, calls } = echoJob();
    const r = runner(store, createJobRegistry([job]), { pollMs: 600_000 });
    await r.start();
    await waitFor(() => r.status().lastTickAt !== null, 'first look at the queue');
    const queue = createJobQueue(store);
    const { id } = await queue.enqueue(job, { n: 1 });
    await waitFor(async () => (await queue.get(id))?.status === 'succeeded', 'the job');
    expect(calls).toHaveLength(1);
    expect(r.status()).toMatchObject({ running: true, active: 0, processed: 1 });
  });

  it('enqueues inside a transaction: nothing if it rolls back, a run once it commits', async () => {
    const { job, calls } = echoJob();
    const r = runner(store, createJobRegistry([job]), { pollMs: 600_000 });
    await r.start();
    const queue = createJobQueue(store);
    await expect(
      store.db.transaction().execute(async (transaction) => {
        await queue.enqueue(job, { n: 1 }, { transaction });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const { id } = await store.db.transaction().execute(async (transaction) => {
      const out = await queue.enqueue(job, { n: 2 }, { transaction });
      await new Promise((resolve) => setTimeout(resolve, 50));
      return out;
    });
    await waitFor(async () => (await queue.get(id))?.status === 'succeeded', 'the committed job');
    expect(calls.map((c) => c.n)).toEqual([2]);
    expect((await queue.counts()).succeeded).toBe(1);
  });

  it.runIf(name === 'postgres')('wakes workers elsewhere through LISTEN/NOTIFY', async () => {
    const { job } = echoJob();
    const r = runner(store, createJobRegistry([job]), { pollMs: 600_000 });
    await r.start();
    const other = reopen(store);
    try {
      const queue = createJobQueue(other);
      const { id } = await queue.enqueue(job, { n: 1 }, { runAt: Date.now() + 300 });
      await waitFor(async () => (await queue.get(id))?.status === 'succeeded', 'the delayed job');
    } finally {
      await other.destroy();
    }
  });

  it('on stop, waits for running jobs to finish and claims nothing more', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { job, calls } = echoJob(async () => gate);
    const r = runner(store, createJobRegistry([job]), { concurrency: 2 });
    const queue = createJobQueue(store);
    await r.start();
    const ids = (await queue.enqueueMany([1, 2, 3].map((n) => ({ type: job.type, payload: { n } })))).map((e) => e.id);
    await waitFor(() => r.status().active === 2, 'two running jobs');
    const stopped = r.stop();
    setTimeout(release, 100);
    await stopped;
    const statuses = await Promise.all(ids.map(async (id) => (await queue.get(id))?.status));
    expect(statuses.sort()).toEqual(['queued', 'succeeded', 'succeeded']);
    expect(calls).toHaveLength(2);
  });

  it('on stop, aborts jobs that outlive the wait and hands them back to the queue', async () => {
    let signal: AbortSignal | undefined;
    const { job } = echoJob((_p, ctx) => {
      signal = ctx.signal;
      return new Promise(() => {});
    });
    const r = runner(store, createJobRegistry([job]), { stopTimeoutMs: 50 });
    const queue = createJobQueue(store);
    await r.start();
    const { id } = await queue.enqueue(job, { n: 1 });
    await waitFor(() => r.status().active === 1, 'the job to start');
    await r.stop();
    expect(signal?.aborted).toBe(true);
    expect(await queue.get(id)).toMatchObject({ status: 'queued', lockedBy: null });
  });

  it('aborts a running job that is cancelled, and keeps it cancelled', async () => {
    let signal: AbortSignal | undefined;
    const { job } = echoJob(
      (_p, ctx) =>
        new Promise((resolve) => {
          signal = ctx.signal;
          ctx.signal.addEventListener('abort', () => resolve('finished anyway'));
        }),
    );
    const r = runner(store, createJobRegistry([job]), { leaseMs: 300 });
    const queue = createJobQueue(store);
    await r.start();
    const { id } = await queue.enqueue(job, { n: 1 });
    await waitFor(() => r.status().active === 1, 'the job to start');
    expect(await queue.cancel(id)).toBe(true);
    await waitFor(() => signal?.aborted === true, 'the abort');
    await waitFor(() => r.status().active === 0, 'the job to end');
    expect(await queue.get(id)).toMatchObject({ status: 'cancelled', result: null });
  });

  it.runIf(name === 'sqlite')('lets one process own a SQLite queue; another takes over once it stops', async () => {
    const ran: string[] = [];
    const worker = (label: string, s: Store) =>
      runner(s, createJobRegistry([echoJob(async () => void ran.push(label)).job]), { leaseMs: 300, workerId: label, pollMs: 20 });
    const other = reopen(store);
    const first = worker('first', store);
    const second = worker('second', other);
    await first.start();
    await second.start();
    await expect(second.processAll()).rejects.toThrow(/owned by another process/);
    const queue = createJobQueue(store);
    await queue.enqueueMany(Array.from({ length: 20 }, (_, n) => ({ type: 'test.echo', payload: { n } })));
    await waitFor(async () => (await queue.counts()).succeeded === 20, 'the first batch');
    expect(new Set(ran)).toEqual(new Set(['first']));
    await first.stop();
    await queue.enqueue('test.echo', { n: 99 });
    await waitFor(async () => (await queue.counts()).succeeded === 21, 'the takeover');
    expect(ran.at(-1)).toBe('second');
    await second.stop();
    await other.destroy();
  });
});
