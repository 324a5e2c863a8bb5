import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob, type JobContext } from '../../jobs/index.js';
import { acquireLease, releaseLease } from '../../jobs/lease.js';
import { isConnectorError } from '../../connectors/errors.js';
import { requireCapability } from '../../connectors/capabilities.js';
import type { Connector, InboundPage, InboundReadOptions } from '../../connectors/types.js';
import { markReconnect, openConnector } from '../accounts/open-connector.js';
import { ingestPage } from './pipeline.js';
import { keepSetAsideLogged } from './set-aside.js';
import { ensureSource, markPolled, recordSourceError, INBOX_SOURCES, type InboxSource } from './sources.js';
import { INBOX_POLL } from './job-names.js';

/** Pages one run reads at most; a longer walk (a large backfill) goes on in a follow-up job. */
export const PAGES_PER_RUN = 25;
const LEASE_MS = 5 * 60_000;

type Reader = (cursor: string | null, opts: InboundReadOptions) => Promise<InboundPage>;

/** The connector's reader for a source, or null when the network has none (generic code asks for the capability). */
export function readerFor(connector: Connector, source: InboxSource): Reader | null {
  const [capability, method] = source === 'notifications' ? (['readInbox', 'readInbox'] as const) : (['readMessages', 'readMessages'] as const);
  if (!connector.capabilities.has(capability)) return null;
  return requireCapability(connector, capability, method);
}

export const pollPayload = z.object({ accountId: z.string().min(1), source: z.enum(INBOX_SOURCES) });

/**
 * Reads one source of one account page after page until the walk says it is done, storing each page with its
 * cursor: a run that stops half-way (crash, timeout, network error) resumes from the last stored page. The first
 * walk is the backfill, whose progress the job and the source row both show. One run per source at a time.
 */
export function pollJob(ctx: AppContext) {
  return defineJob({
    type: INBOX_POLL,
    version: 1,
    schema: pollPayload,
    maxAttempts: 6,
    timeoutMs: LEASE_MS - 30_000,
    async run({ accountId, source }, job) {
      const { db } = ctx.store;
      const account = await db
        .selectFrom('social_accounts')
        .select(['id', 'workspace_id', 'network', 'credentials', 'status'])
        .where('id', '=', accountId)
        .executeTakeFirst();
      if (!account || account.status !== 'connected') return { skipped: account ? account.status : 'gone' };
      const read = readerFor(openConnector(ctx, account), source);
      if (!read) return { skipped: 'unsupported' };
      const lease = `inbox.poll:${accountId}:${source}`;
      if (!(await acquireLease(db, lease, job.jobId, ctx.clock.now(), LEASE_MS))) return { skipped: 'busy' };
      let walked: Awaited<ReturnType<typeof walk>>;
      try {
        walked = await walk(ctx, account, source, read, job);
      } catch (err) {
        if (isConnectorError(err) && err.kind === 'auth_expired') {
          await markReconnect(ctx, accountId, err.message);
          await recordSourceError(db, accountId, source, err.message, ctx.clock.now());
          return { stopped: 'auth_expired' };
        }
        await recordSourceError(db, accountId, source, err instanceof Error ? err.message : String(err), ctx.clock.now());
        // rate_limited carries its wait and transient is retried with backoff; the runner reads both from the error.
        throw err;
      } finally {
        await releaseLease(db, lease, job.jobId);
      }
      // A walk longer than one run goes on at once in a follow-up, keyed by this run so it is queued once; queued
      // once this run's lease is released, or the follow-up could start first, find the source busy, and stop.
      if (walked.more) {
        const visible = walked.backfilling ? { workspaceId: account.workspace_id } : {};
        await ctx.jobs.queue.enqueue(INBOX_POLL, { accountId, source }, { idempotencyKey: `inbox-poll:${accountId}:${source}:after:${job.jobId}`, ...visible });
      }
      return { pages: walked.pages, stored: walked.stored, more: walked.more };
    },
  });
}

async function walk(ctx: AppContext, account: { id: string; workspace_id: string; network: string }, source: InboxSource, read: Reader, job: JobContext) {
  const { db } = ctx.store;
  const state = await ensureSource(db, account, source, ctx.clock.now());
  const since = new Date(state.backfillSince).toISOString();
  let cursor = state.cursor;
  let pages = 0;
  let stored = 0;
  let more = true;
  while (more && pages < PAGES_PER_RUN) {
    if (job.signal.aborted) throw job.signal.reason ?? new Error('aborted');
    const page = await read(cursor, { since });
    const result = await ingestPage(ctx, account, source, page);
    await keepSetAsideLogged(ctx, account, source, result.setAside);
    await acquireLease(db, `inbox.poll:${account.id}:${source}`, job.jobId, ctx.clock.now(), LEASE_MS);
    pages++;
    stored += result.stored.length;
    cursor = page.cursor;
    more = page.more;
    if (!state.backfillDone) {
      const row = await db.selectFrom('inbox_sources').select('backfill_progress').where('account_id', '=', account.id).where('source', '=', source).executeTakeFirst();
      await job.progress(Math.round(Number(row?.backfill_progress ?? 0) * 100), 100);
    }
  }
  await markPolled(db, account.id, source, ctx.clock.now());
  return { pages, stored, more, backfilling: !state.backfillDone };
}
