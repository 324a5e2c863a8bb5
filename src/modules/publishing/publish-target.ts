import type { AppContext } from '../../context.js';
import type { TargetStatus } from '../../store/schema.js';
import type { PendingTarget } from './loaders.js';
import { isConnectorError, type ConnectorError } from '../../connectors/errors.js';
import type { Connector, NetworkId, OutgoingPost, PostRef, PublishedPost } from '../../connectors/types.js';
import { markReconnect, openConnector } from '../accounts/open-connector.js';
import { markAccountWorked } from './account-health.js';
import { loadMediaInputs } from './outgoing-media.js';
import { optionsFor } from './network-options.js';
import type { TargetOutcome } from './targets.js';
import { settleTarget } from './batches.js';
import { outgoingTexts } from './outgoing.js';
import { failedBefore, mayHaveGoneOut, repeatsLastFailure, retryLater, shownMessage } from './retry-policy.js';
import { holdAccount, pacingOf, reserveSend } from './pacing/budget.js';
import { withAccountSlot } from './pacing/account-slots.js';
import { PacedError } from './pacing/paced.js';
import { PostEvent, recordPostEvent } from './events.js';
import { followProcessing } from './processing-job.js';

type Outcome = Extract<TargetStatus, 'published' | 'failed' | 'unknown'>;

/**
 * Sends one post to one account. The target id is the idempotency key: a retry after a crash or a lost
 * answer finds the post the first attempt made instead of making another. Errors that retrying can fix
 * are thrown for the job runner to retry; the others settle the target with the network's own words.
 */
export async function publishTarget(ctx: AppContext, row: PendingTarget, opts: { lastAttempt: boolean; attempt: number }): Promise<Outcome> {
  const targetId = row.id;
  const account = { id: row.account_id, network: row.network, credentials: row.credentials, handle: row.handle, status: row.account_status, status_message: row.status_message, last_ok_at: row.last_ok_at };
  const settle = async (status: Outcome, fields: Omit<TargetOutcome, 'status'>) => {
    await settleTarget(ctx, row, { status, ...fields }, ctx.clock.now());
    return status;
  };
  if (account.status === 'reconnect' || account.status === 'disconnected') {
    // The account's posts stop here until someone reconnects it; nothing is sent with dead credentials.
    return settle('failed', { errorKind: 'auth_expired', errorMessage: account.status_message ?? `Reconnect ${account.handle} to publish.` });
  }
  try {
    const connector = openConnector(ctx, account, { onRateLimit: (state) => holdWhenSpent(ctx, row, state) });
    const media = Number(row.media_count) > 0 ? await loadMediaInputs(ctx, row.post_id, row.network, (await connector.limits()).media) : undefined;
    const options = optionsFor(row.network_options, row.network);
    const { texts, languages } = await outgoingTexts(row);
    // A post tried before may be out already, past what the network's own idempotency remembers.
    const check = mayHaveGoneOut(row, opts.attempt) ? { notBefore: earliestOut(row.scheduled_at) } : null;
    // What the network did not do beside the post itself (a first comment refused): told on the post, not lost.
    const warnings: string[] = [];
    const sendAll = async () => {
      let first: { ref: PostRef; url: string | null } | null = null;
      let previous: PostRef | undefined;
      for (const [i, text] of texts.entries()) {
        // Each part of a thread has its own key, so a retry resumes the thread where it stopped.
        const published = await publishOnce(connector, check, {
          idempotencyKey: i === 0 ? targetId : `${targetId}-${i}`,
          text,
          media: i === 0 ? media : undefined,
          languages,
          replyTo: previous,
          options,
        });
        previous = published.ref;
        first ??= { ref: published.ref, url: published.url };
        warnings.push(...(published.warnings ?? []));
      }
      return first;
    };
    const network = row.network as NetworkId;
    const pacing = pacingOf(ctx, network);
    let first: { ref: PostRef; url: string | null } | null;
    if (pacing) {
      // Within the network's write budget, or back when it allows: never a burst the network answers with 429s.
      const now = ctx.clock.now();
      const { until, reason } = await reserveSend(ctx, { accountId: account.id, network, posts: texts.length, media: media?.length ?? 0, now });
      if (until !== null) throw new PacedError(network, until, now, reason);
      first = await withAccountSlot(account.id, pacing.concurrency, sendAll);
    } else {
      first = await sendAll();
    }
    await markAccountWorked(ctx, account);
    for (const warning of warnings) {
      await recordPostEvent(ctx.store.db, row.post_id, PostEvent.networkWarning, { now: ctx.clock.now(), body: warning.slice(0, 2000), data: { network, handle: row.handle } });
    }
    // Sent now or found out already by the lookup after a crash or a lost answer: either way, still processed.
    if (connector.processing) await followProcessing(ctx, row, first!.ref.id);
    return settle('published', { externalId: first!.ref.id, url: first!.url });
  } catch (err) {
    if (!isConnectorError(err)) throw err;
    return handleConnectorError(ctx, err, row, opts.lastAttempt, settle);
  }
}

/**
 * The instance's headers say its limit is spent: the account's next posts wait for the reset (from every worker)
 * instead of being refused. One call is kept in hand for the inbox and the post's own follow-up.
 */
function holdWhenSpent(ctx: AppContext, row: PendingTarget, state: { remaining: number; resetAt: number }) {
  if (state.remaining > 1 || state.resetAt <= ctx.clock.now()) return;
  holdAccount(ctx, { id: row.account_id, network: row.network as NetworkId }, state.resetAt, '').catch((err: unknown) =>
    ctx.log.warn({ err, accountId: row.account_id }, 'the account could not be held until its rate limit resets'),
  );
}

/** Earlier than its planned time a post cannot have gone out; the margin covers the network's clock. */
const CLOCK_MARGIN_MS = 15 * 60_000;
const earliestOut = (scheduledAt: number | null) =>
  scheduledAt === null ? undefined : new Date(scheduledAt - CLOCK_MARGIN_MS).toISOString();

/** Publishes, unless asked to check first and the network already has this post. */
async function publishOnce(connector: Connector, check: { notBefore?: string } | null, post: OutgoingPost): Promise<PublishedPost> {
  if (check) {
    const hint = { ...check, text: post.text, replyTo: post.replyTo, contentWarning: post.contentWarning, mediaCount: post.media?.length ?? 0 };
    const existing = await connector.findExisting(post.idempotencyKey, hint);
    if (existing) return existing;
  }
  return connector.publish(post);
}

/**
 * The outcome of a failed attempt, by what the network answered: a refusal fails with its words, a lost answer
 * is unknown, passing trouble is retried (its words kept on the target meanwhile), unless the server failed the
 * very same way as on the attempt before.
 */
async function handleConnectorError(
  ctx: AppContext,
  err: ConnectorError,
  row: PendingTarget,
  lastAttempt: boolean,
  settle: (status: Outcome, fields: Omit<TargetOutcome, 'status'>) => Promise<Outcome>,
): Promise<Outcome> {
  if (err.kind === 'auth_expired') {
    await markReconnect(ctx, row.account_id, err.message);
    return settle('failed', { errorKind: err.kind, errorMessage: err.message });
  }
  if (err.kind === 'unknown_outcome') return settle('unknown', { errorKind: err.kind, errorMessage: err.message });
  if (err.kind === 'rate_limited' && err.retryAfterMs !== undefined && err.retryAfterMs > 0) {
    // The others of a burst for this account wait for the same reset instead of each hearing the refusal.
    await holdAccount(ctx, { id: row.account_id, network: row.network as NetworkId }, ctx.clock.now() + err.retryAfterMs, shownMessage(err));
  }
  if (repeatsLastFailure(err, failedBefore(row))) return settle('failed', { errorKind: 'rejected', errorMessage: shownMessage(err) });
  if (err.retryable && !lastAttempt) {
    await retryLater(ctx, row.id, err);
    throw err;
  }
  return settle('failed', { errorKind: err.kind, errorMessage: shownMessage(err) });
}
