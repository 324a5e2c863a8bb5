import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJobQueue, createJobRegistry } from '../../src/jobs/index.js';
import type { Store } from '../../src/store/database.js';
import { testStores } from '../helpers/store.js';
import { echoJob, manualClock, TEST_ECHO } from './fixtures.js';

describe.each(testStores())('job queue on $name', ({ open }) => {
  let store: Store;
  beforeEach(async () => void (store = await open()));
  afterEach(async () => store.destroy());

  it('enqueues a job that can be read back', async () => {
    const clock = manualClock();
    const queue = createJobQueue(store, { clock });
    const { id, created } = await queue.enqueue(TEST_ECHO, { n: 1 }, { workspaceId: 'w1', priority: 2 });
    expect(created).toBe(true);
    const job = await queue.get(id);
    expect(job).toMatchObject({ type: TEST_ECHO, payload: { n: 1 }, status: 'queued', workspaceId: 'w1', priority: 2, attempts: 0, runAt: clock.now() });
    expect(await queue.get('missing')).toBeNull();
  });

  it('returns the existing job for a repeated idempotency key, never a second one', async () => {
    const queue = createJobQueue(store);
    const first = await queue.enqueue(TEST_ECHO, { n: 1 }, { idempotencyKey: 'k1' });
    const again = await queue.enqueue(TEST_ECHO, { n: 2 }, { idempotencyKey: 'k1' });
    expect(again).toEqual({ id: first.id, created: false });
    const many = await queue.enqueueMany([
      { type: TEST_ECHO, payload: { n: 3 }, idempotencyKey: 'k1' },
      { type: TEST_ECHO, payload: { n: 4 }, idempotencyKey: 'k2' },
      { type: TEST_ECHO, payload: { n: 5 }, idempotencyKey: 'k2' },
    ]);
    expect(many[0]).toEqual({ id: first.id, created: false });
    expect(many[1].created).toBe(true);
    expect(many[2]).toEqual({ id: many[1].id, created: false });
    expect((await queue.counts()).queued).toBe(2);
    expect((await queue.get(first.id))?.payload).toEqual({ n: 1 });
  });

  it('inserts in bulk', async () => {
    const queue = createJobQueue(store);
    const items = Array.from({ length: 1203 }, (_, n) => ({ type: TEST_ECHO, payload: { n } }));
    const out = await queue.enqueueMany(items);
    expect(new Set(out.map((o) => o.id)).size).toBe(1203);
    expect((await queue.counts()).queued).toBe(1203);
  });

  it('lists a workspace’s jobs only, newest first, filtered by status', async () => {
    const clock = manualClock();
    const queue = createJobQueue(store, { clock });
    const a = await queue.enqueue(TEST_ECHO, { n: 1 }, { workspaceId: 'w1' });
    clock.advance(1);
    const b = await queue.enqueue(TEST_ECHO, { n: 2 }, { workspaceId: 'w1' });
    await queue.enqueue(TEST_ECHO, { n: 3 }, { workspaceId: 'w2' });
    await queue.cancel(a.id);
    expect((await queue.list({ workspaceId: 'w1' })).map((j) => j.id)).toEqual([b.id, a.id]);
    expect((await queue.list({ workspaceId: 'w1', status: 'cancelled' })).map((j) => j.id)).toEqual([a.id]);
    expect(await queue.counts({ workspaceId: 'w1' })).toEqual({ queued: 1, running: 0, succeeded: 0, failed: 0, cancelled: 1 });
  });

  it('cancels a queued job and retries it afterwards', async () => {
    const queue = createJobQueue(store);
    const { id } = await queue.enqueue(TEST_ECHO, { n: 1 });
    expect(await queue.cancel(id)).toBe(true);
    expect(await queue.cancel(id)).toBe(false);
    expect((await queue.get(id))?.status).toBe('cancelled');
    expect(await queue.retry(id)).toBe(true);
    expect(await queue.get(id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(await queue.retry(id)).toBe(false);
  });

  it('rejects an invalid payload at enqueue when it knows the type', async () => {
    const { job } = echoJob();
    const queue = createJobQueue(store, { registry: createJobRegistry([job]) });
    await expect(queue.enqueue(TEST_ECHO, { n: 'x' })).rejects.toThrow(/invalid payload for test.echo v1: n:/);
    const ok = await queue.enqueue(job, { n: 1 });
    expect((await queue.get(ok.id))?.payloadVersion).toBe(1);
  });
});
