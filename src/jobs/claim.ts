import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/database.js';
import type { JobRow } from './job.js';

/**
 * The job table's state changes, one statement each. Every change to a running job names its holder, so a
 * worker whose lease was taken over (or whose job was cancelled) can no longer write to it.
 */

type ClaimArgs = { workerId: string; now: number; leaseMs: number; limit: number };

/** Claims up to `limit` due jobs, highest priority then oldest first. PostgreSQL skips rows other workers hold. */
export async function claimDue(store: Store, args: ClaimArgs): Promise<JobRow[]> {
  const due = store.db
    .selectFrom('jobs')
    .select('id')
    .where('status', '=', 'queued')
    .where('run_at', '<=', args.now)
    .orderBy('priority', 'desc')
    .orderBy('run_at')
    .limit(args.limit);
  return claim(store, due, args, args.now + args.leaseMs);
}

/**
 * Claims jobs of the given types due within the horizon but not yet due, to hold until their time. Their lease
 * runs from when they are due, so a worker that dies while holding them hands them back by then.
 */
export async function claimEarly(store: Store, args: ClaimArgs & { horizon: number; types: readonly string[] }): Promise<JobRow[]> {
  const soon = store.db
    .selectFrom('jobs')
    .select('id')
    .where('status', '=', 'queued')
    .where('run_at', '>', args.now)
    .where('run_at', '<=', args.horizon)
    .where('type', 'in', [...args.types])
    .orderBy('run_at')
    .limit(args.limit);
  return claim(store, soon, args, sql<number>`run_at + ${args.leaseMs}`);
}

/** Takes the chosen queued jobs for this worker until `lockedUntil`, counting the attempt. */
function claim(store: Store, chosen: SelectQueryBuilder<Database, 'jobs', { id: string }>, args: ClaimArgs, lockedUntil: number | RawBuilder<number>): Promise<JobRow[]> {
  return store.db
    .updateTable('jobs')
    .set((eb) => ({ status: 'running', attempts: eb('attempts', '+', 1), locked_by: args.workerId, locked_until: lockedUntil, updated_at: args.now }))
    // `= any(array(...))` makes PostgreSQL fetch the claimed rows by key instead of scanning the table to join.
    .where(
      store.dialect === 'postgres'
        ? sql<boolean>`id = any(array(${chosen.forUpdate().skipLocked()}))`
        : sql<boolean>`id in (${chosen})`,
    )
    .returningAll()
    .execute();
}

/** Running jobs whose lease ran out (their worker died) go back to the queue, or fail when out of attempts. */
export async function reclaimExpired(store: Store, now: number): Promise<number> {
  const base = store.db
    .updateTable('jobs')
    .where('status', '=', 'running')
    .where('locked_until', '<', now);
  const failed = await base
    .set({ status: 'failed', last_error: 'lease expired: the worker stopped during the last attempt', locked_by: null, locked_until: null, updated_at: now, finished_at: now })
    .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
    .executeTakeFirst();
  // A job claimed before its time goes back at its time, never earlier.
  const requeued = await base
    .set((eb) => ({ status: 'queued', run_at: sql<number>`case when run_at > ${now} then run_at else ${now} end`, locked_by: null, locked_until: null, updated_at: now }))
    .executeTakeFirst();
  return Number(failed.numUpdatedRows) + Number(requeued.numUpdatedRows);
}

/** Extends the leases of our running jobs; returns the ids we still hold. */
export async function renewLeases(store: Store, workerId: string, ids: string[], until: number): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await store.db
    .updateTable('jobs')
    .set({ locked_until: until })
    .where('id', 'in', ids)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .returning('id')
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Marks many jobs succeeded in one statement (VALUES columns are column1, column2 on both databases). */
export async function completeMany(
  store: Store,
  workerId: string,
  done: ReadonlyArray<{ id: string; result: string | null }>,
  now: number,
): Promise<void> {
  if (done.length === 0) return;
  const values = sql.join(done.map((d) => sql`(${d.id}, ${d.result})`));
  await sql`update jobs set status = 'succeeded', result = v.column2, locked_by = null, locked_until = null,
      updated_at = ${now}, finished_at = ${now}
    from (values ${values}) as v
    where jobs.id = v.column1 and jobs.locked_by = ${workerId} and jobs.status = 'running'`.execute(store.db);
}

/** Ends an attempt that failed: back to the queue at `retryAt`, or failed for good when `retryAt` is null. */
export async function recordFailure(
  store: Store,
  args: { workerId: string; id: string; error: string; now: number; retryAt: number | null; refundAttempt?: boolean },
): Promise<void> {
  const { workerId, id, error, now, retryAt } = args;
  const last_error = error.slice(0, 4000);
  await store.db
    .updateTable('jobs')
    .set((eb) =>
      retryAt === null
        ? { status: 'failed', last_error, locked_by: null, locked_until: null, updated_at: now, finished_at: now }
        : {
            status: 'queued', last_error, run_at: retryAt, locked_by: null, locked_until: null, updated_at: now,
            ...(args.refundAttempt ? { attempts: eb('attempts', '-', 1) } : {}),
          },
    )
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .execute();
}

/**
 * Hands unfinished jobs back on shutdown so that another worker can start them without waiting for the lease.
 * `early` ones were held before their time: they keep it, and the attempt they never made is given back.
 */
export async function releaseJobs(store: Store, workerId: string, ids: string[], now: number, early = false): Promise<void> {
  if (ids.length === 0) return;
  await store.db
    .updateTable('jobs')
    .set((eb) =>
      early
        ? { status: 'queued', attempts: eb('attempts', '-', 1), locked_by: null, locked_until: null, updated_at: now }
        : { status: 'queued', run_at: now, locked_by: null, locked_until: null, updated_at: now },
    )
    .where('id', 'in', ids)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .execute();
}

export async function writeProgress(store: Store, workerId: string, id: string, progress: string, now: number): Promise<void> {
  await store.db
    .updateTable('jobs')
    .set({ progress, updated_at: now })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .execute();
}

/** When the next queued job (of the given types, if any) is due, so the runner can sleep until then. */
export async function nextRunAt(store: Store, types?: readonly string[]): Promise<number | null> {
  let query = store.db
    .selectFrom('jobs')
    .select((eb) => eb.fn.min('run_at').as('next'))
    .where('status', '=', 'queued');
  if (types) query = query.where('type', 'in', [...types]);
  const row = await query.executeTakeFirst();
  return row?.next == null ? null : Number(row.next);
}
