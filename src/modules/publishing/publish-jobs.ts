import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob } from '../../jobs/index.js';
import { isConnectorError } from '../../connectors/errors.js';
import { POST_PUBLISH } from './job-names.js';
import { PostEvent, recordPostEvent } from './events.js';
import { finalizePost } from './targets.js';
import { publishTarget } from './publish-target.js';
import { logPublishOutcomes } from './publish-log.js';
import { publishLoaders } from './loaders.js';
import { claimPost } from './batches.js';
import { tellAuthorWaiting, tellOutcomes } from './notify.js';
import { PUBLISH_LOOKAHEAD_MS, readAhead, takeReadAhead } from './read-ahead.js';
import type { PendingTarget } from './loaders.js';
import { isPaced, type PacedError } from './pacing/paced.js';
import { RetryLaterError } from '../../jobs/index.js';

export const PUBLISH_MAX_ATTEMPTS = 8;

/**
 * At the planned time: checks the gate (current version, approved, not paused), then sends the post to
 * every account at once. An account that fails in a way retrying can fix makes the job retry later, for
 * that account only: the others are settled and skipped on the next attempt.
 */
export function postPublishJob(ctx: AppContext) {
  return defineJob({
    type: POST_PUBLISH,
    version: 1,
    schema: z.object({ postId: z.string(), version: z.number().int(), scheduledAt: z.number() }),
    maxAttempts: PUBLISH_MAX_ATTEMPTS,
    lookaheadMs: PUBLISH_LOOKAHEAD_MS,
    warm: (payloads) => readAhead(ctx, payloads.map((p) => p.postId)),
    async run(payload, job) {
      const { db } = ctx.store;
      const now = ctx.clock.now();
      // Read before its time and unchanged since, as far as that read knows: the claim checks it in the database.
      const early = takeReadAhead(ctx, payload.postId);
      if (early && early.post.version === payload.version && early.post.scheduled_at === payload.scheduledAt && early.post.status === 'scheduled' && early.post.paused_at == null) {
        if (await claimPost(ctx, payload.postId, payload.version, now)) return send(payload.postId, early.targets, job.attempt, now);
        // Refused: something changed since; read afresh to tell why.
      }
      const post = await publishLoaders(ctx).post(payload.postId);
      if (!post || post.version !== payload.version || post.scheduled_at !== payload.scheduledAt) return { skipped: 'stale' };
      if (post.status === 'draft' || post.status === 'in_review') {
        // Never published unapproved: the post waits and its history tells the author why.
        await recordPostEvent(db, post.id, PostEvent.waitingForApproval, { now });
        await tellAuthorWaiting(ctx, post);
        return { skipped: 'not_approved' };
      }
      if (post.status === 'scheduled') {
        if (post.paused_at !== null && post.paused_at !== undefined) {
          await recordPostEvent(db, post.id, PostEvent.heldPaused, { now });
          return { skipped: 'paused' };
        }
        const claimed = await claimPost(ctx, post.id, payload.version, now);
        if (!claimed) return { skipped: 'raced' };
      } else if (post.status !== 'publishing') {
        return { skipped: post.status };
      }
      // A post already "publishing" is a retry, or a restart after a crash: carry on with what is left.
      return send(post.id, await publishLoaders(ctx).pendingTargets(post.id), job.attempt, now);
    },
  });

  /** Sends to every account still pending at once; one that failed in a way retrying can fix makes the job retry. */
  async function send(postId: string, pending: PendingTarget[], attempt: number, now: number) {
    if (pending.length === 0) {
      await tellOutcomes(ctx, ctx.store.db, await finalizePost(ctx.store.db, postId, now), now);
      return { targets: 0 };
    }
    const lastAttempt = attempt >= PUBLISH_MAX_ATTEMPTS;
    const results = await Promise.allSettled(pending.map((t) => publishTarget(ctx, t, { lastAttempt, attempt })));
    logPublishOutcomes(ctx.log, attempt, pending, results);
    if (results.some((r) => r.status === 'rejected')) {
      await tellPaced(postId, results, now);
      throw retryFirst(results);
    }
    return { targets: pending.length };
  }

  /** The post's history says which network's budget it waits for, and until when. */
  async function tellPaced(postId: string, results: PromiseSettledResult<unknown>[], now: number) {
    const waits = new Map<string, PacedError>();
    for (const r of results) {
      if (r.status !== 'rejected' || !isPaced(r.reason)) continue;
      const known = waits.get(r.reason.network);
      if (!known || known.until < r.reason.until) waits.set(r.reason.network, r.reason);
    }
    // After the claim's "publishing" line (written at `now`), never beside it in the history.
    const at = Math.max(ctx.clock.now(), now + 1);
    for (const w of waits.values()) {
      await recordPostEvent(ctx.store.db, postId, PostEvent.waitingForBudget, { now: at, data: { network: w.network, until: new Date(w.until).toISOString(), reason: w.reason } });
    }
  }
}

/** The error the runner schedules the retry by: a rate limit's wait wins over a plain transient error. */
function retryFirst(results: PromiseSettledResult<unknown>[]): unknown {
  const all = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
  const paced = all.filter(isPaced);
  const errors = all.filter((e) => !isPaced(e));
  const latest = paced.reduce<PacedError | null>((a, b) => (a && a.retryAfterMs >= b.retryAfterMs ? a : b), null);
  // Only waiting: come back when the budget allows, without spending an attempt.
  if (errors.length === 0) return latest;
  // Real trouble too: it spends the attempt, and the retry is no sooner than the budget allows.
  const first = pickRetry(errors);
  if (!latest) return first;
  const after = Math.max(latest.retryAfterMs, (first as { retryAfterMs?: number }).retryAfterMs ?? 0);
  return new RetryLaterError(first instanceof Error ? first.message : String(first), after);
}

function pickRetry(errors: unknown[]): unknown {
  const limited = errors.filter((e) => isConnectorError(e) && e.retryAfterMs !== undefined);
  if (limited.length === 0) return errors[0];
  return limited.reduce((a, b) => ((a as { retryAfterMs: number }).retryAfterMs >= (b as { retryAfterMs: number }).retryAfterMs ? a : b));
}
