import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { defineJob } from '../../../jobs/index.js';
import { acquireLease, releaseLease } from '../../../jobs/lease.js';
import { isConnectorError } from '../../../connectors/errors.js';
import { loadAccount, metricsReaders } from './account.js';
import { collectionStopOn, collectLease, COLLECT_LEASE_MS } from './collect-job.js';
import { ANALYTICS_BACKFILL } from './job-names.js';
import { BACKFILL_MS, discoverPage, linkPublished, snapshotAccount } from './steps.js';

/** Pages (100 posts each) one run reads; a longer history goes on in a follow-up that carries the cursor. */
const PAGES_PER_RUN = 20;

export const backfillPayload = z.object({
  accountId: z.string().min(1),
  /** Where the previous run stopped in the account's listing; absent on the first run. */
  cursor: z.string().max(4_000).nullish(),
  /** How far back this backfill goes (epoch ms), fixed by its first run. */
  since: z.number().int().optional(),
});

/**
 * On connect: the account's counts, then its posts of the last 90 days with their counts (each post's first
 * reading), newest first, with the share of the 90 days covered as progress.
 */
export function analyticsBackfillJob(ctx: AppContext) {
  return defineJob({
    type: ANALYTICS_BACKFILL,
    version: 1,
    schema: backfillPayload,
    maxAttempts: 5,
    timeoutMs: COLLECT_LEASE_MS - 30_000,
    async run({ accountId, cursor: startCursor, since: given }, job) {
      const { db } = ctx.store;
      const account = await loadAccount(ctx, accountId);
      if (!account || account.status !== 'connected') return { skipped: account ? account.status : 'gone' };
      const readers = metricsReaders(ctx, account);
      if (!readers.ownPosts && !readers.account) return { skipped: 'unsupported' };
      const lease = collectLease(accountId);
      if (!(await acquireLease(db, lease, job.jobId, ctx.clock.now(), COLLECT_LEASE_MS))) {
        // A collection is running: come back shortly rather than lose the backfill.
        await ctx.jobs.queue.enqueue(ANALYTICS_BACKFILL, { accountId, cursor: startCursor, since: given }, {
          idempotencyKey: `analytics-backfill:${accountId}:busy:${job.jobId}`, runAt: ctx.clock.now() + 30_000, workspaceId: account.workspace_id,
        });
        return { skipped: 'busy' };
      }
      const start = ctx.clock.now();
      const since = given ?? start - BACKFILL_MS;
      let cursor = startCursor ?? null;
      let found = 0;
      let wait: number | null = null;
      let more = false;
      try {
        if (readers.account && !startCursor) await snapshotAccount(ctx, account, readers);
        if (readers.ownPosts) {
          for (let page = 0; page < PAGES_PER_RUN; page++) {
            if (job.signal.aborted) throw job.signal.reason ?? new Error('aborted');
            const done = await discoverPage(ctx, account, readers, cursor, since);
            found += done.found;
            cursor = done.cursor;
            await acquireLease(db, lease, job.jobId, ctx.clock.now(), COLLECT_LEASE_MS);
            const reached = done.oldest ?? since;
            const share = cursor ? Math.min(0.99, Math.max(0, (start - reached) / Math.max(1, start - since))) : 1;
            await job.progress(Math.round(share * 100), 100);
            if (!cursor) break;
          }
          more = cursor !== null;
        }
        await linkPublished(db, accountId);
      } catch (err) {
        if (!isConnectorError(err)) throw err;
        const stop = await collectionStopOn(ctx, account, err);
        if (!stop) throw err;
        if ('stopped' in stop) return stop;
        wait = stop.retryAfterMs;
        more = true;
      } finally {
        await releaseLease(db, lease, job.jobId);
      }
      if (more) {
        await ctx.jobs.queue.enqueue(ANALYTICS_BACKFILL, { accountId, cursor, since }, {
          idempotencyKey: `analytics-backfill:${accountId}:after:${job.jobId}`, runAt: ctx.clock.now() + (wait ?? 0), workspaceId: account.workspace_id,
        });
      } else {
        await job.progress(100, 100);
      }
      return { found, more, ...(wait !== null ? { rateLimited: true } : {}) };
    },
  });
}

/** Starts the backfill of a newly connected (or reconnected) account, shown with its progress in the workspace's background work. */
export async function startAnalyticsBackfill(ctx: AppContext, account: { id: string; workspace_id: string }) {
  await ctx.jobs.queue.enqueue(ANALYTICS_BACKFILL, { accountId: account.id }, {
    workspaceId: account.workspace_id, idempotencyKey: `analytics-backfill:${account.id}:connect:${ctx.clock.now()}`,
  });
}
