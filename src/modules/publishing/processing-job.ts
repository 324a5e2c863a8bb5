import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob, RetryLaterError } from '../../jobs/index.js';
import { isConnectorError } from '../../connectors/errors.js';
import { openConnector } from '../accounts/open-connector.js';
import { POST_PROCESSING, type PostProcessingPayloadV1 } from './job-names.js';
import { refuseAfterProcessing } from './processing-outcome.js';

/** When to look again, in minutes after the post went out: processing takes minutes, rarely hours. */
const LOOKS_MIN = [1, 2, 5, 10, 30, 60, 120, 240];
const later = (attempt: number) => LOOKS_MIN[Math.min(attempt, LOOKS_MIN.length - 1)] * 60_000;

/**
 * Follows a post the network still works on after accepting it, until it is ready, failed or refused. A failed
 * or refused one fails its account's target with the network's words, in the post's history: it was never seen.
 * Only networks whose connector declares `processing` get this job.
 */
export function postProcessingJob(ctx: AppContext) {
  return defineJob<PostProcessingPayloadV1>({
    type: POST_PROCESSING,
    version: 1,
    schema: z.object({ targetId: z.string(), externalId: z.string() }),
    maxAttempts: LOOKS_MIN.length,
    async run(payload, job) {
      const last = job.attempt >= LOOKS_MIN.length;
      const again = (why: string, atLeastMs = 0) => {
        if (last) return { stopped: why };
        throw new RetryLaterError(why, Math.max(later(job.attempt), atLeastMs));
      };
      const row = await ctx.store.db
        .selectFrom('post_targets')
        .innerJoin('social_accounts', 'social_accounts.id', 'post_targets.account_id')
        .select(['post_targets.status', 'post_targets.external_id', 'social_accounts.id as account_id', 'social_accounts.network', 'social_accounts.credentials'])
        .where('post_targets.id', '=', payload.targetId)
        .executeTakeFirst();
      // Retried, deleted, or settled otherwise since: what this job followed is no longer the post.
      if (!row || row.external_id !== payload.externalId || row.status === 'failed' || row.status === 'unknown') return { skipped: row?.status ?? 'gone' };
      // Its outcome is still being written by the publishing batch.
      if (row.status !== 'published') return again('the outcome is not recorded yet');
      const connector = openConnector(ctx, { id: row.account_id, network: row.network, credentials: row.credentials });
      if (!connector.processing) return { skipped: 'no_processing' };
      let state;
      try {
        state = await connector.processing({ id: payload.externalId });
      } catch (err) {
        // Passing trouble looks again later; a dead connection or a refusal is publishing's and the inbox's to tell.
        if (isConnectorError(err) && err.retryable) return again(err.message, err.retryAfterMs);
        if (isConnectorError(err)) return { stopped: err.kind };
        throw err;
      }
      if (!state) return { stopped: 'gone' };
      if (state.state === 'processing') return again('still processing');
      if (state.state === 'succeeded') return { state: 'succeeded' };
      const refused = await refuseAfterProcessing(ctx, payload, { state: state.state, reason: state.reason, message: state.message });
      return { state: state.state, reason: state.reason, recorded: refused };
    },
  });
}

/**
 * Queues the follow-up of a post just accepted, or found already out on a retry; never fails the publication it
 * follows. Queued in the post's workspace, so that its jobs page shows it.
 */
export async function followProcessing(ctx: AppContext, target: { id: string; workspace_id: string }, externalId: string): Promise<void> {
  const payload: PostProcessingPayloadV1 = { targetId: target.id, externalId };
  try {
    await ctx.jobs.queue.enqueue(POST_PROCESSING, payload, {
      version: 1, runAt: ctx.clock.now() + later(0), idempotencyKey: `${POST_PROCESSING}:${target.id}:${externalId}`, workspaceId: target.workspace_id,
    });
  } catch (err) {
    ctx.log.warn({ err, targetId: target.id }, 'the follow-up of the network\'s processing was not queued');
  }
}
