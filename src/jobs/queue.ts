import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Store } from '../store/database.js';
import type { Database, JobTable } from '../store/schema.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { DEFAULT_MAX_ATTEMPTS, type JobDefinition, type JobRegistry } from './define.js';
import { JOB_STATUSES, toJob, type Job, type JobStatus } from './job.js';
import { announce } from './wake.js';

export interface EnqueueOptions {
  runAt?: number;
  idempotencyKey?: string;
  workspaceId?: string;
  priority?: number;
  maxAttempts?: number;
  /** Payload version, when the type is not known to the queue's registry. */
  version?: number;
}

export interface EnqueueItem extends EnqueueOptions {
  type: string;
  payload: unknown;
}

/**
 * Enqueue as part of the caller's transaction: the job exists only if it commits, and on PostgreSQL the wake-up
 * is sent on commit.
 */
export interface InTransaction {
  transaction?: Transaction<Database>;
}

export interface Enqueued {
  id: string;
  created: boolean;
}

export interface JobQueue {
  enqueue<P>(job: string | JobDefinition<P>, payload: P, options?: EnqueueOptions & InTransaction): Promise<Enqueued>;
  enqueueMany(items: readonly EnqueueItem[], options?: InTransaction): Promise<Enqueued[]>;
  get(id: string): Promise<Job | null>;
  list(filter: { workspaceId: string; status?: JobStatus; limit?: number }): Promise<Job[]>;
  /** Cancels a queued or running job; a running job's signal is aborted at its next heartbeat. */
  cancel(id: string): Promise<boolean>;
  /** Puts a failed or cancelled job back in the queue with fresh attempts. */
  retry(id: string): Promise<boolean>;
  counts(filter?: { workspaceId?: string }): Promise<Record<JobStatus, number>>;
}

// 19 columns a row: well under SQLite's and PostgreSQL's bound-parameter limits.
const BATCH = 500;

export function createJobQueue(store: Store, options: { clock?: Clock; registry?: JobRegistry } = {}): JobQueue {
  const clock = options.clock ?? systemClock;
  const { db } = store;

  const toRow = (item: EnqueueItem, now: number): Insertable<JobTable> => {
    const handler = options.registry?.get(item.type);
    if (handler) {
      const prepared = handler.prepare(item.payload);
      if (!prepared.ok) throw new Error(prepared.error);
    }
    return {
      id: randomUUID(),
      type: item.type,
      payload: JSON.stringify(item.payload ?? null),
      payload_version: handler?.version ?? item.version ?? 1,
      workspace_id: item.workspaceId ?? null,
      status: 'queued',
      run_at: item.runAt ?? now,
      priority: item.priority ?? 0,
      attempts: 0,
      max_attempts: item.maxAttempts ?? handler?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      idempotency_key: item.idempotencyKey ?? null,
      created_at: now,
      updated_at: now,
    };
  };

  const insert = async (exec: Kysely<Database>, rows: Insertable<JobTable>[]): Promise<Enqueued[]> => {
    const inserted = await exec
      .insertInto('jobs')
      .values(rows)
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .execute();
    const created = new Set(inserted.map((r) => r.id));
    const lost = rows.filter((r) => !created.has(r.id!)).map((r) => r.idempotency_key!);
    const existing = new Map<string, string>();
    if (lost.length > 0) {
      const found = await exec.selectFrom('jobs').select(['id', 'idempotency_key']).where('idempotency_key', 'in', lost).execute();
      for (const f of found) existing.set(f.idempotency_key!, f.id);
    }
    return rows.map((r) =>
      created.has(r.id!) ? { id: r.id!, created: true } : { id: existing.get(r.idempotency_key!)!, created: false },
    );
  };

  const enqueueMany = async (items: readonly EnqueueItem[], { transaction }: InTransaction = {}): Promise<Enqueued[]> => {
    const now = clock.now();
    const rows = items.map((item) => toRow(item, now));
    const out: Enqueued[] = [];
    for (let i = 0; i < rows.length; i += BATCH) out.push(...(await insert(transaction ?? db, rows.slice(i, i + BATCH))));
    const due = rows.filter((_, i) => out[i].created).map((r) => Number(r.run_at));
    if (due.length > 0) await announce(store, Math.min(...due), transaction);
    return out;
  };

  return {
    enqueueMany,
    async enqueue(job, payload, { transaction, ...opts } = {}) {
      const type = typeof job === 'string' ? job : job.type;
      const known = typeof job === 'string' ? {} : { version: job.version, maxAttempts: opts.maxAttempts ?? job.maxAttempts };
      const [result] = await enqueueMany([{ ...opts, ...known, type, payload }], { transaction });
      return result;
    },
    async get(id) {
      const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toJob(row) : null;
    },
    async list({ workspaceId, status, limit = 50 }) {
      let q = db.selectFrom('jobs').selectAll().where('workspace_id', '=', workspaceId);
      if (status) q = q.where('status', '=', status);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(Math.min(limit, 500)).execute();
      return rows.map(toJob);
    },
    async cancel(id) {
      const now = clock.now();
      const r = await db
        .updateTable('jobs')
        .set({ status: 'cancelled', locked_by: null, locked_until: null, updated_at: now, finished_at: now })
        .where('id', '=', id)
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async retry(id) {
      const now = clock.now();
      const r = await db
        .updateTable('jobs')
        .set({ status: 'queued', attempts: 0, run_at: now, last_error: null, finished_at: null, updated_at: now })
        .where('id', '=', id)
        .where('status', 'in', ['failed', 'cancelled'])
        .executeTakeFirst();
      const changed = Number(r.numUpdatedRows) > 0;
      if (changed) await announce(store, now);
      return changed;
    },
    async counts(filter = {}) {
      let q = db.selectFrom('jobs').select((eb) => ['status', eb.fn.countAll<number>().as('n')]);
      if (filter.workspaceId) q = q.where('workspace_id', '=', filter.workspaceId);
      const rows = await q.groupBy('status').execute();
      const out = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
      for (const r of rows) out[r.status] = Number(r.n);
      return out;
    },
  };
}
