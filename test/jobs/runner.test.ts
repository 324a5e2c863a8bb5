import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJobQueue, createJobRegistry, PermanentJobError, RetryLaterError, type JobHandler } from '../../src/jobs/index.js';
import { claimDue, completeMany } from '../../src/jobs/claim.js';
import type { Store } from '../../src/store/database.js';
import { testStores } from '../helpers/store.js';
import { echoJob, manualClock, TEST_ECHO } from './fixtures.js';
import { createJobRunner } from '../../src/jobs/runner.js';

describe.each(testStores())('job runner on $name', ({ open }) => {
  let store: Store;
  beforeEach(async () => void (store = await open()));
  afterEach(async () => store.destroy());

  const setup = (handlers: JobHandler[]) => {
    const clock = manualClock();
    const queue = createJobQueue(store, { clock });
    const runner = createJobRunner(store, createJobRegistry(handlers), { clock, workerId: 'w-test' });
    return { clock, queue, runner };
  };

  it('runs a due job once and stores its result', async () => {
    const { job, calls } = echoJob(async (p) => ({ doubled: p.n * 2 }));
    const { queue, runner } = setup([job]);
    const { id } = await queue.enqueue(job, { n: 21 });
    await runner.processAll();
    await runner.processAll();
    expect(calls).toEqual([{ n: 21, attempt: 1 }]);
    expect(await queue.get(id)).toMatchObject({ status: 'succeeded', attempts: 1, result: { doubled: 42 }, lockedBy: null });
    expect(runner.status().processed).toBe(1);
  });

  it('retries with backoff, not before the backoff has passed, then fails with the last error', async () => {
    const { job, calls } = echoJob(async (p) => {
      throw new Error(`boom ${p.n}`);
    });
    const { clock, queue, runner } = setup([job]);
    const { id } = await queue.enqueue(job, { n: 1 });
    await runner.processAll();
    expect(await queue.get(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'boom 1', runAt: clock.now() + 1000 });
    clock.advance(999);
    await runner.processAll();
    expect(calls).toHaveLength(1);
    clock.advance(1);
    await runner.processAll();
    expect(await queue.get(id)).toMatchObject({ status: 'queued', attempts: 2, runAt: clock.now() + 2000 });
    clock.advance(2000);
    await runner.processAll();
    expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(await queue.get(id)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'boom 1' });
    clock.advance(3_600_000);
    await runner.processAll();
    expect(calls).toHaveLength(3);
  });

  it('fails at once on a permanent error', async () => {
    const { job, calls } = echoJob(async () => {
      throw new PermanentJobError('rejected by the network');
    });
    const { queue, runner } = setup([job]);
    const { id } = await queue.enqueue(job, { n: 1 });
    await runner.processAll();
    expect(calls).toHaveLength(1);
    expect(await queue.get(id)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'rejected by the network' });
  });

  it('honours retryAfterMs from a rate limit', async () => {
    const { job } = echoJob(async () => {
      throw new RetryLaterError('slow down', 60_000);
    });
    const { clock, queue, runner } = setup([job]);
    const { id } = await queue.enqueue(job, { n: 1 });
    await runner.processAll();
    expect(await queue.get(id)).toMatchObject({ status: 'queued', runAt: clock.now() + 60_000, lastError: 'slow down' });
  });

  it('gives the attempt back for a wait that is not a failure, so that waiting never uses up the retries', async () => {
    let waits = 5;
    const { job, calls } = echoJob(async (p) => {
      if (waits-- > 0) throw new RetryLaterError('waiting for the budget', 60_000, { spendsAttempt: false });
      return p.n;
    });
    const { clock, queue, runner } = setup([job]);
    const { id } = await queue.enqueue(job, { n: 7 });
    // Five waits with maxAttempts 3: each comes back with the same attempt number, then the job succeeds.
    for (let i = 0; i < 6; i++) {
      await runner.processAll();
      clock.advance(60_000);
    }
    expect(calls.map((c) => c.attempt)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(await queue.get(id)).toMatchObject({ status: 'succeeded', attempts: 1 });
  });

  it('spends the attempt of a rate limit the network answered', async () => {
    const { job, calls } = echoJob(async () => {
      throw new RetryLaterError('slow down', 60_000);
    });
    const { clock, queue, runner } = setup([job]);
    const { id } = await queue.enqueue(job, { n: 1 });
    for (let i = 0; i < 4; i++) {
      await runner.processAll();
      clock.advance(60_000);
    }
    expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(await queue.get(id)).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('fails an invalid payload or an unknown type for good, without running anything', async () => {
    const { job, calls } = echoJob();
    const { queue, runner } = setup([job]);
    const bad = await queue.enqueue(TEST_ECHO, { n: 'not a number' });
    const unknown = await queue.enqueue('test.nobody', { n: 1 });
    const newer = await queue.enqueue(TEST_ECHO, { n: 1 }, { version: 2 });
    await runner.processAll();
    expect(calls).toHaveLength(0);
    expect(await queue.get(bad.id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await queue.get(bad.id))?.lastError).toMatch(/^invalid payload for test.echo v1: n: /);
    expect(await queue.get(unknown.id)).toMatchObject({ status: 'failed', lastError: 'unknown job type test.nobody' });
    expect((await queue.get(newer.id))?.lastError).toMatch(/payload version 2 does not match test.echo v1/);
  });

  it('does not run a job before its runAt', async () => {
    const { job, calls } = echoJob();
    const { clock, queue, runner } = setup([job]);
    const { id } = await queue.enqueue(job, { n: 1 }, { runAt: clock.now() + 60_000 });
    await runner.processAll();
    clock.advance(59_999);
    await runner.processAll();
    expect(calls).toHaveLength(0);
    expect((await queue.get(id))?.status).toBe('queued');
    clock.advance(1);
    await runner.processAll();
    expect(calls).toHaveLength(1);
  });

  it('runs higher priority first', async () => {
    const { job, calls } = echoJob();
    const clock = manualClock();
    const queue = createJobQueue(store, { clock });
    const runner = createJobRunner(store, createJobRegistry([job]), { clock, concurrency: 1 });
    await queue.enqueue(job, { n: 1 });
    await queue.enqueue(job, { n: 2 }, { priority: 5 });
    await runner.processAll();
    expect(calls.map((c) => c.n)).toEqual([2, 1]);
  });

  it('claims again a job whose worker died once its lease has expired, and refuses the dead worker’s late result', async () => {
    const { job, calls } = echoJob();
    const { clock, queue, runner } = setup([job]);
    const { id } = await queue.enqueue(job, { n: 7 });
    const [claimed] = await claimDue(store, { workerId: 'dead', now: clock.now(), leaseMs: 30_000, limit: 10 });
    expect(claimed.id).toBe(id);
    clock.advance(29_999);
    await runner.processAll();
    expect(calls).toHaveLength(0);
    clock.advance(2);
    await runner.processAll();
    expect(calls).toEqual([{ n: 7, attempt: 2 }]);
    await completeMany(store, 'dead', [{ id, result: '"stale"' }], clock.now());
    expect(await queue.get(id)).toMatchObject({ status: 'succeeded', attempts: 2, result: 7 });
  });

  it('writes progress to the job row while it runs', async () => {
    const seen: unknown[] = [];
    const { queue, runner, job } = (() => {
      const { job } = echoJob(async (_p, ctx) => {
        await ctx.progress(1, 3, 'first page');
        seen.push((await q.get(ctx.jobId))?.progress);
        await ctx.progress(2, 3, 'too soon to be written');
        seen.push((await q.get(ctx.jobId))?.progress);
        await ctx.progress(3, 3);
        return null;
      });
      const s = setup([job]);
      const q = s.queue;
      return { ...s, job };
    })();
    const { id } = await queue.enqueue(job, { n: 1 });
    await runner.processAll();
    expect(seen).toEqual([
      { done: 1, total: 3, message: 'first page' },
      { done: 1, total: 3, message: 'first page' },
    ]);
    expect((await queue.get(id))?.progress).toEqual({ done: 3, total: 3 });
  });

  it('fails an attempt that exceeds its timeout and aborts its signal', async () => {
    let aborted = false;
    const { job } = echoJob();
    const slow: JobHandler = {
      ...job,
      timeoutMs: 50,
      prepare: () => ({
        ok: true,
        run: (ctx) => new Promise((resolve) => ctx.signal.addEventListener('abort', () => resolve((aborted = true)))),
      }),
    };
    const { queue, runner } = setup([slow]);
    const { id } = await queue.enqueue(job, { n: 1 });
    await runner.processAll();
    expect(aborted).toBe(true);
    expect(await queue.get(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'timed out after 50 ms' });
  });
});
