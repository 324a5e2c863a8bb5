import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/database.js';
import { systemClock, type Clock } from '../shared/clock.js';
import type { JobQueue } from './queue.js';
import { acquireLease, releaseLease } from './lease.js';
import { silentLog, type JobLog } from './execute.js';

export interface ScheduledTask {
  /** Stable name: it forms the idempotency key of each run, `${name}:${slot}`. */
  name: string;
  everyMs: number;
  type: string;
  payload: unknown;
}

export interface SchedulerOptions {
  tasks: readonly ScheduledTask[];
  clock?: Clock;
  holderId?: string;
  leaseMs?: number;
  log?: JobLog;
}

export interface Scheduler {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Enqueues the current slot of every task if this process leads; returns how many jobs it created. */
  tick(): Promise<number>;
  isLeader(): boolean;
}

export const SCHEDULER_LEASE = 'jobs.scheduler';

/**
 * Turns periods into jobs. One leader at a time through a renewed lease; the idempotency key per slot means
 * that even two processes that both believe they lead (a paused leader waking up) enqueue each run once.
 * A slot missed while nobody led is not made up: the next run is the current slot.
 */
export function createScheduler(store: Store, queue: JobQueue, options: SchedulerOptions): Scheduler {
  const clock = options.clock ?? systemClock;
  const holder = options.holderId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const leaseMs = options.leaseMs ?? 30_000;
  const log = options.log ?? silentLog;
  let leader = false;
  let running = false;
  let timer: NodeJS.Timeout | null = null;

  const tick = async (): Promise<number> => {
    const now = clock.now();
    leader = await acquireLease(store.db, SCHEDULER_LEASE, holder, now, leaseMs);
    if (!leader) return 0;
    let created = 0;
    for (const task of options.tasks) {
      const slot = Math.floor(now / task.everyMs);
      const out = await queue.enqueue(task.type, task.payload, {
        idempotencyKey: `${task.name}:${slot}`,
        runAt: slot * task.everyMs,
      });
      if (out.created) created++;
    }
    return created;
  };

  const loop = async (): Promise<void> => {
    timer = null;
    try {
      await tick();
    } catch (err) {
      log.error({ err }, 'scheduler tick failed');
    }
    if (!running) return;
    const now = clock.now();
    const nextSlot = Math.min(...options.tasks.map((t) => (Math.floor(now / t.everyMs) + 1) * t.everyMs));
    // Wake at the next slot, or sooner to renew the lease (or to try for it) before it expires.
    const at = Math.min(nextSlot, now + Math.floor(leaseMs / 3));
    timer = setTimeout(() => void loop(), Math.max(0, at - now));
  };

  return {
    tick,
    isLeader: () => leader,
    async start() {
      if (running) return;
      running = true;
      await loop();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      if (leader) await releaseLease(store.db, SCHEDULER_LEASE, holder);
      leader = false;
    },
  };
}
