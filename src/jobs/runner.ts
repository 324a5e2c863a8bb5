import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/database.js';
import { systemClock, type Clock } from '../shared/clock.js';
import type { JobRegistry } from './define.js';
import type { JobRow } from './job.js';
import { claimDue, claimEarly, completeMany, nextRunAt, reclaimExpired, releaseJobs, renewLeases } from './claim.js';
import { executeJob, silentLog, type JobLog } from './execute.js';
import { createBatcher } from './batcher.js';
import { acquireLease, releaseLease } from './lease.js';
import { subscribe, type WakeSubscription } from './wake.js';
import { createWakeTimer } from './timer.js';

export interface RunnerOptions {
  workerId?: string;
  concurrency?: number;
  leaseMs?: number;
  clock?: Clock;
  log?: JobLog;
  /** Safety poll when no notification arrives (a lost NOTIFY, a job enqueued by another process on SQLite). */
  pollMs?: number;
  /**
   * After a claim that found fewer due jobs than free slots, how long to wait before claiming again: jobs due in
   * the meantime gather into one batch instead of one query each.
   */
  batchWindowMs?: number;
  /** How long stop() waits for running jobs before aborting them and handing them back. */
  stopTimeoutMs?: number;
  /**
   * At most how many jobs this runner holds before their time (types with a lookahead). Several workers share a
   * burst: each claims a slice at a time, so they interleave.
   */
  maxHeld?: number;
}

export interface RunnerStatus {
  running: boolean;
  active: number;
  /** Claimed before their time, waiting for it. */
  held: number;
  processed: number;
  lastTickAt: number | null;
}

export interface JobRunner {
  start(): Promise<void>;
  stop(): Promise<void>;
  processAll(): Promise<void>;
  status(): RunnerStatus;
}

/** On SQLite one process owns the queue: whoever holds this lease claims jobs, others wait for it. */
export const SQLITE_OWNER_LEASE = 'jobs.runner';

export function createJobRunner(store: Store, registry: JobRegistry, options: RunnerOptions = {}): JobRunner {
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const concurrency = Math.max(1, options.concurrency ?? 10);
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 5_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const batchWindowMs = options.batchWindowMs ?? 10;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silentLog;
  const early = registry.types().map((t) => registry.get(t)!).filter((h) => h.lookaheadMs > 0);
  const earlyTypes = early.map((h) => h.type);
  const lookaheadMs = Math.max(0, ...early.map((h) => h.lookaheadMs));
  const maxHeld = options.maxHeld ?? 10_000;
  // One slice per claim, then the others' turn: workers waking together for a burst each take their share.
  const heldSlice = Math.min(maxHeld, 1000);
  // Jobs claimed before their time, each waiting for its timer.
  const held = new Map<string, NodeJS.Timeout>();

  const active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const completer = createBatcher<{ id: string; result: string | null }>((items) =>
    completeMany(store, workerId, items, clock.now()),
  );
  // The slot is freed before the batched write lands, so claiming the next jobs overlaps it. Until it lands the
  // row stays ours under its lease; if the write fails, the lease expires and the job runs again.
  const complete = async (id: string, result: string | null): Promise<void> => {
    completer.add({ id, result }).catch((err: unknown) => log.error({ err, jobId: id }, 'recording a finished job failed'));
  };
  const deps = { store, registry, workerId, clock, log, complete };
  let running = false;
  let owner = store.dialect === 'postgres';
  let processed = 0;
  let lastTickAt: number | null = null;
  let ticking = false;
  let again = false;
  let soon: NodeJS.Immediate | null = null;
  let inFlight: Promise<void> = Promise.resolve();
  let subscription: WakeSubscription | null = null;
  let beat: NodeJS.Timeout | null = null;
  const timer = createWakeTimer(clock, () => void tick());

  const launch = (row: JobRow): Promise<void> => {
    const controller = new AbortController();
    const done = executeJob(row, controller, deps).finally(() => {
      active.delete(row.id);
      processed++;
      if (running) tickSoon();
    });
    active.set(row.id, { controller, done });
    return done;
  };

  const hold = (rows: JobRow[]): void => {
    const now = clock.now();
    for (const row of rows) {
      let again = true;
      const fire = () => {
        // Node's timers may fire a millisecond before their time: a job never starts early, so wait out the rest once.
        const early = Number(row.run_at) - clock.now();
        if (early > 0 && again) {
          again = false;
          held.set(row.id, setTimeout(fire, early));
          return;
        }
        held.delete(row.id);
        if (running) void launch(row);
      };
      held.set(row.id, setTimeout(fire, Math.max(0, Number(row.run_at) - now)));
    }
    // Read ahead per type, while the jobs wait; a failure only means they read when they run.
    const byType = new Map<string, unknown[]>();
    for (const row of rows) {
      try {
        const payload: unknown = JSON.parse(row.payload);
        const list = byType.get(row.type);
        if (list) list.push(payload);
        else byType.set(row.type, [payload]);
      } catch {
        // An unreadable payload fails when it runs, with the reason.
      }
    }
    for (const [type, payloads] of byType) {
      registry.get(type)?.warm(payloads).catch((err: unknown) => log.warn({ err, type }, 'reading ahead for jobs failed'));
    }
  };

  /** Claims a slice of the jobs due within the lookahead; true when there may be more to take. */
  const claimAhead = async (): Promise<boolean> => {
    if (earlyTypes.length === 0 || held.size >= maxHeld) return false;
    const now = clock.now();
    const limit = Math.min(heldSlice, maxHeld - held.size);
    const rows = await claimEarly(store, { workerId, now, horizon: now + lookaheadMs, types: earlyTypes, leaseMs, limit });
    if (!running) {
      await releaseJobs(store, workerId, rows.map((r) => r.id), clock.now(), true);
      return false;
    }
    hold(rows);
    return rows.length === limit;
  };

  const ensureOwner = async (): Promise<boolean> => {
    if (store.dialect === 'postgres') return true;
    const held = await acquireLease(store.db, SQLITE_OWNER_LEASE, workerId, clock.now(), leaseMs);
    if (held !== owner) log[held ? 'info' : 'warn']({ workerId }, held ? 'job queue owned' : 'job queue owned by another process; waiting');
    const gained = held && !owner;
    owner = held;
    if (gained && running) void tick();
    return held;
  };

  // Jobs of one batch end in the same turn: one claim for all their slots, not one claim per slot.
  const tickSoon = (): void => {
    soon ??= setImmediate(() => {
      soon = null;
      void tick();
    });
  };

  // Fills free slots until fewer jobs are due than slots, then sleeps until the next due job or the safety poll.
  async function tick(): Promise<void> {
    if (ticking) return void (again = true);
    ticking = true;
    let finish!: () => void;
    inFlight = new Promise<void>((r) => (finish = r));
    try {
      while (running && owner) {
        lastTickAt = clock.now();
        const free = concurrency - active.size;
        if (free <= 0) break;
        const rows = await claimDue(store, { workerId, now: clock.now(), leaseMs, limit: free });
        if (!running) {
          await releaseJobs(store, workerId, rows.map((r) => r.id), clock.now());
          break;
        }
        for (const row of rows) void launch(row);
        if (rows.length < free) {
          const more = await claimAhead();
          const now = clock.now();
          if (more) {
            timer.armAt(now + batchWindowMs);
            break;
          }
          const next = await nextRunAt(store);
          // Jobs read ahead wake the runner their lookahead before they are due, unless it holds all it may.
          const nextAhead = earlyTypes.length > 0 && held.size < maxHeld ? await nextRunAt(store, earlyTypes) : null;
          const wake = Math.min(next ?? Infinity, nextAhead === null ? Infinity : nextAhead - lookaheadMs);
          timer.armAt(Math.min(Math.max(wake, now + batchWindowMs), now + pollMs));
          break;
        }
      }
    } catch (err) {
      log.error({ err }, 'claiming jobs failed');
      timer.armAt(clock.now() + 1000);
    } finally {
      ticking = false;
      finish();
    }
    if (again) {
      again = false;
      void tick();
    }
  }

  const heartbeat = async (): Promise<void> => {
    try {
      const now = clock.now();
      if (!(await ensureOwner())) return;
      const held = await renewLeases(store, workerId, [...active.keys()], now + leaseMs);
      for (const [id, job] of active) if (!held.has(id)) job.controller.abort(new Error('lease lost or job cancelled'));
      if ((await reclaimExpired(store, now)) > 0) void tick();
    } catch (err) {
      log.error({ err }, 'job heartbeat failed');
    }
  };

  return {
    async start() {
      if (running) return;
      running = true;
      subscription = subscribe(store, (runAt) => (runAt - lookaheadMs <= clock.now() ? void tick() : timer.armAt(runAt - lookaheadMs)), (err) =>
        log.warn({ err }, 'job notifications lost; reconnecting'),
      );
      await subscription.ready;
      await heartbeat();
      beat = setInterval(() => void heartbeat(), Math.max(50, Math.floor(leaseMs / 3)));
      void tick();
    },
    async stop() {
      if (!running) return;
      running = false;
      timer.clear();
      if (soon) clearImmediate(soon);
      if (beat) clearInterval(beat);
      await subscription?.close();
      await inFlight;
      // Jobs held for later go back untouched, for whichever worker runs at their time.
      for (const t of held.values()) clearTimeout(t);
      await releaseJobs(store, workerId, [...held.keys()], clock.now(), true);
      held.clear();
      const all = Promise.all([...active.values()].map((j) => j.done));
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([all, new Promise((r) => (waited = setTimeout(r, stopTimeoutMs)))]);
      clearTimeout(waited);
      const left = [...active.keys()];
      for (const job of active.values()) job.controller.abort(new Error('runner stopped'));
      await completer.drain();
      await releaseJobs(store, workerId, left, clock.now());
      active.clear();
      if (store.dialect === 'sqlite' && owner) await releaseLease(store.db, SQLITE_OWNER_LEASE, workerId);
      owner = store.dialect === 'postgres';
    },
    async processAll() {
      if (!(await ensureOwner())) throw new Error('the job queue is owned by another process');
      for (;;) {
        await reclaimExpired(store, clock.now());
        const rows = await claimDue(store, { workerId, now: clock.now(), leaseMs, limit: concurrency });
        if (rows.length === 0) break;
        await Promise.all(rows.map(launch));
      }
      await completer.drain();
      if (!running && store.dialect === 'sqlite') {
        await releaseLease(store.db, SQLITE_OWNER_LEASE, workerId);
        owner = false;
      }
    },
    status: () => ({ running, active: active.size, held: held.size, processed, lastTickAt }),
  };
}
