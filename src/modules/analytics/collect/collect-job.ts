import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { defineJob, type JobContext } from '../../../jobs/index.js';
import { acquireLease, releaseLease } from '../../../jobs/lease.js';
import { isConnectorError, type ConnectorError } from '../../../connectors/errors.js';
import { markReconnect } from '../../accounts/open-connector.js';
import { loadAccount, metricsReaders, type CollectedAccount, type MetricsReaders } from './account.js';
import { ANALYTICS_COLLECT } from './job-names.js';
import {
  ACCOUNT_EVERY_MS, collectDueBatch, discoverPage, discoverySince, lastAccountSnapshotAt, linkPublished, snapshotAccount,
} from './steps.js';
import { trackPublished } from './published.js';

export const COLLECT_LEASE_MS = 5 * 60_000;
/** Batches of due posts one run reads; more goes on in a follow-up, so one account never holds a worker long. */
const BATCHES_PER_RUN = 10;
/** Pages of new posts one routine run reads (100 each): an account rarely posts that much in a quarter hour. */
const DISCOVERY_PAGES = 5;

export const collectLease = (accountId: string) => `analytics.collect:${accountId}`;

type Outcome = { more: boolean; stats: Record<string, number> };

async function collect(ctx: AppContext, account: CollectedAccount, readers: MetricsReaders, job: JobContext): Promise<Outcome> {
  const { db } = ctx.store;
  const stats = { accountRead: 0, discovered: 0, tracked: 0, read: 0, gone: 0, linked: 0 };
  const renew = () => acquireLease(db, collectLease(account.id), job.jobId, ctx.clock.now(), COLLECT_LEASE_MS);
  // Followers first: the posts found next take their followers-at-publish from this snapshot.
  if (readers.account) {
    const last = await lastAccountSnapshotAt(db, account.id);
    if (last === null || ctx.clock.now() - last >= ACCOUNT_EVERY_MS) {
      await snapshotAccount(ctx, account, readers);
      stats.accountRead = 1;
    }
  }
  if (readers.ownPosts) {
    const since = await discoverySince(db, account.id, ctx.clock.now());
    let cursor: string | null = null;
    for (let page = 0; page < DISCOVERY_PAGES; page++) {
      if (job.signal.aborted) throw job.signal.reason ?? new Error('aborted');
      const found = await discoverPage(ctx, account, readers, cursor, since);
      stats.discovered += found.found;
      cursor = found.cursor;
      await renew();
      if (!cursor) break;
    }
  }
  // Without a listing of the account's posts, the ones Ruche published are the ones it knows.
  if (!readers.ownPosts && readers.posts) stats.tracked = await trackPublished(db, account, ctx.clock.now());
  stats.linked = await linkPublished(db, account.id);
  let more = false;
  if (readers.posts) {
    for (let batch = 0; batch < BATCHES_PER_RUN; batch++) {
      if (job.signal.aborted) throw job.signal.reason ?? new Error('aborted');
      const done = await collectDueBatch(ctx, account, readers);
      stats.read += done.read;
      stats.gone += done.gone;
      more = done.more;
      await renew();
      if (!more) break;
    }
  }
  return { more, stats };
}

/**
 * A connector error decides: a rate limit ends the run and comes back after the network's wait; credentials that
 * stopped working mark the account for reconnection and touch nothing else (no post is marked lost); passing
 * trouble is retried by the runner with backoff.
 */
async function stopOn(ctx: AppContext, account: CollectedAccount, err: ConnectorError): Promise<{ retryAfterMs: number } | { stopped: string } | null> {
  if (err.kind === 'rate_limited') return { retryAfterMs: err.retryAfterMs ?? 60_000 };
  if (err.kind === 'auth_expired') {
    await markReconnect(ctx, account.id, err.message);
    return { stopped: 'auth_expired' };
  }
  return null;
}

export const collectPayload = z.object({ accountId: z.string().min(1) });

/** One account's collection: counts hourly, new posts, due posts. One run per account at a time (a lease). */
export function analyticsCollectJob(ctx: AppContext) {
  return defineJob({
    type: ANALYTICS_COLLECT,
    version: 1,
    schema: collectPayload,
    maxAttempts: 5,
    timeoutMs: COLLECT_LEASE_MS - 30_000,
    async run({ accountId }, job) {
      const { db } = ctx.store;
      const account = await loadAccount(ctx, accountId);
      if (!account || account.status !== 'connected') return { skipped: account ? account.status : 'gone' };
      const readers = metricsReaders(ctx, account);
      if (!readers.posts && !readers.account && !readers.ownPosts) return { skipped: 'unsupported' };
      if (!(await acquireLease(db, collectLease(accountId), job.jobId, ctx.clock.now(), COLLECT_LEASE_MS))) return { skipped: 'busy' };
      let outcome: Outcome | null = null;
      let wait: number | null = null;
      try {
        outcome = await collect(ctx, account, readers, job);
      } catch (err) {
        if (!isConnectorError(err)) throw err;
        const stop = await stopOn(ctx, account, err);
        if (!stop) throw err;
        if ('stopped' in stop) return stop;
        wait = stop.retryAfterMs;
      } finally {
        await releaseLease(db, collectLease(accountId), job.jobId);
      }
      // Follow-ups are queued once the lease is released, or one could start first, find the account busy, and stop.
      if (wait !== null) {
        await ctx.jobs.queue.enqueue(ANALYTICS_COLLECT, { accountId }, { idempotencyKey: `analytics-collect:${accountId}:after:${job.jobId}`, runAt: ctx.clock.now() + wait });
        return { rateLimited: true, retryAfterMs: wait };
      }
      if (outcome!.more) {
        await ctx.jobs.queue.enqueue(ANALYTICS_COLLECT, { accountId }, { idempotencyKey: `analytics-collect:${accountId}:after:${job.jobId}` });
      }
      return { ...outcome!.stats, more: outcome!.more };
    },
  });
}

export { stopOn as collectionStopOn };
