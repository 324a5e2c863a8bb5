import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { defineJob, type EnqueueItem } from '../../../jobs/index.js';
import { ANALYTICS_COLLECT, ANALYTICS_COLLECT_DUE } from './job-names.js';

/** Every connected account is visited this often (new posts, hourly counts), whether or not a post is due. */
export const ROUTINE_MS = 15 * 60_000;

/** Spreads the accounts' routine visits over the period, so a hundred accounts are not all read in the same minute. */
const offsetOf = (accountId: string) => createHash('sha256').update(accountId).digest().readUInt32BE(0) % ROUTINE_MS;

/**
 * The collections to queue now, each with a key that names what made it due: the account's routine period, or
 * the earliest due time of its posts. A key is queued once, so a pass repeated (two schedulers, a retry) adds
 * nothing; once a run moves the due time on, the next due time makes a new key.
 */
export function collectionsDue(now: number, accounts: { id: string }[], duePosts: { account_id: string; due: number }[]): EnqueueItem[] {
  const connected = new Set(accounts.map((a) => a.id));
  const jobs: EnqueueItem[] = accounts.map((a) => ({
    type: ANALYTICS_COLLECT, payload: { accountId: a.id },
    idempotencyKey: `analytics-collect:${a.id}:routine:${Math.floor((now + offsetOf(a.id)) / ROUTINE_MS)}`,
  }));
  for (const d of duePosts) {
    if (!connected.has(d.account_id)) continue;
    jobs.push({ type: ANALYTICS_COLLECT, payload: { accountId: d.account_id }, idempotencyKey: `analytics-collect:${d.account_id}:due:${d.due}` });
  }
  return jobs;
}

/** Recurring (every minute): queues the collections that are due. */
export function analyticsCollectDueJob(ctx: AppContext) {
  return defineJob({
    type: ANALYTICS_COLLECT_DUE,
    version: 1,
    schema: z.object({}),
    maxAttempts: 2,
    async run() {
      const { db } = ctx.store;
      const now = ctx.clock.now();
      const accounts = await db.selectFrom('social_accounts').select('id').where('status', '=', 'connected').execute();
      const due = await db.selectFrom('analytics_posts').select(['account_id', (eb) => eb.fn.min('next_collect_at').as('due')])
        .where('gone', '=', 0).where('next_collect_at', '<=', now).groupBy('account_id').execute();
      const jobs = collectionsDue(now, accounts, due.map((d) => ({ account_id: d.account_id, due: Number(d.due) })));
      if (jobs.length) await ctx.jobs.queue.enqueueMany(jobs);
      return { accounts: accounts.length, withDuePosts: due.length };
    },
  });
}

export const analyticsCollectTask = { name: 'analytics-collect', everyMs: 60_000, type: ANALYTICS_COLLECT_DUE, payload: {} };
