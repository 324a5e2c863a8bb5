import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob, type EnqueueItem } from '../../jobs/index.js';
import { openConnector } from '../accounts/open-connector.js';
import { readerFor } from './poll-job.js';
import { INBOX_SOURCES } from './sources.js';
import { INBOX_POLL, INBOX_POLL_ALL } from './job-names.js';

/**
 * Queues one poll per connected account and source its connector can read. The key names the period, so two
 * schedulers (or this job retried) queue each poll once. Polling goes on beside live streams, as their safety net.
 */
export function pollAllJob(ctx: AppContext) {
  return defineJob({
    type: INBOX_POLL_ALL,
    version: 1,
    schema: z.object({}),
    maxAttempts: 2,
    async run() {
      const now = ctx.clock.now();
      const slot = Math.floor(now / ctx.config.inboxPollMs);
      const accounts = await ctx.store.db
        .selectFrom('social_accounts')
        .select(['id', 'workspace_id', 'network', 'credentials'])
        .where('status', '=', 'connected')
        .execute();
      const jobs: EnqueueItem[] = [];
      for (const account of accounts) {
        let connector;
        try {
          connector = openConnector(ctx, account);
        } catch (err) {
          ctx.log.warn({ event: 'inbound.open_failed', accountId: account.id, err }, 'could not open the account’s connector');
          continue;
        }
        for (const source of INBOX_SOURCES) {
          if (!readerFor(connector, source)) continue;
          // No workspace on routine polls: a workspace's list of background work would be nothing else.
          jobs.push({ type: INBOX_POLL, payload: { accountId: account.id, source }, idempotencyKey: `inbox-poll:${account.id}:${source}:${slot}` });
        }
      }
      if (jobs.length) await ctx.jobs.queue.enqueueMany(jobs);
      return { accounts: accounts.length, polls: jobs.length };
    },
  });
}

/**
 * Starts reading a newly connected (or reconnected) account at once: its first walk is the 7-day backfill, shown
 * with its progress in the workspace's background work. A source the network cannot read is skipped by the poll.
 */
export async function startInboxBackfill(ctx: AppContext, account: { id: string; workspace_id: string }) {
  const now = ctx.clock.now();
  await ctx.jobs.queue.enqueueMany(
    INBOX_SOURCES.map((source) => ({ type: INBOX_POLL, payload: { accountId: account.id, source }, workspaceId: account.workspace_id, idempotencyKey: `inbox-poll:${account.id}:${source}:connect:${now}` })),
  );
}
