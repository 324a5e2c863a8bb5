import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJobQueue, createScheduler } from '../../src/jobs/index.js';
import type { Store } from '../../src/store/database.js';
import { testStores } from '../helpers/store.js';
import { manualClock, TEST_ECHO } from './fixtures.js';

const MINUTE = 60_000;
const tasks = [{ name: 'digest', everyMs: MINUTE, type: TEST_ECHO, payload: { n: 1 } }];

describe.each(testStores())('scheduler on $name', ({ open }) => {
  let store: Store;
  beforeEach(async () => void (store = await open()));
  afterEach(async () => store.destroy());

  it('lets one leader enqueue each slot once; another takes over when the leader’s lease expires', async () => {
    const clock = manualClock(100 * MINUTE + 5);
    const queue = createJobQueue(store, { clock });
    const a = createScheduler(store, queue, { clock, tasks, holderId: 'a', leaseMs: 90_000 });
    const b = createScheduler(store, queue, { clock, tasks, holderId: 'b', leaseMs: 90_000 });
    expect(await a.tick()).toBe(1);
    expect(await b.tick()).toBe(0);
    expect(await a.tick()).toBe(0);
    expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);

    clock.advance(MINUTE);
    expect(await b.tick()).toBe(0);
    expect(await a.tick()).toBe(1);

    clock.advance(89_999);
    expect(await b.tick()).toBe(0);
    expect(b.isLeader()).toBe(false);
    clock.advance(2);
    expect(await b.tick()).toBe(1);
    expect(b.isLeader()).toBe(true);
    clock.advance(MINUTE);
    expect(await a.tick()).toBe(0);
    expect(await b.tick()).toBe(1);

    const jobs = await store.db.selectFrom('jobs').select(['idempotency_key', 'run_at']).orderBy('run_at').execute();
    expect(jobs.map((j) => j.idempotency_key)).toEqual(['digest:100', 'digest:101', 'digest:102', 'digest:103']);
    expect(jobs.map((j) => Number(j.run_at))).toEqual([100 * MINUTE, 101 * MINUTE, 102 * MINUTE, 103 * MINUTE]);
  });

  it('hands leadership over at once when the leader stops', async () => {
    const clock = manualClock(100 * MINUTE);
    const queue = createJobQueue(store, { clock });
    const a = createScheduler(store, queue, { clock, tasks, holderId: 'a' });
    const b = createScheduler(store, queue, { clock, tasks, holderId: 'b' });
    await a.start();
    await b.start();
    expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
    await a.stop();
    await b.tick();
    expect(b.isLeader()).toBe(true);
    await b.stop();
    expect((await queue.counts()).queued).toBe(1);
  });
});
