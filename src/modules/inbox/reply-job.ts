import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob, RetryLaterError } from '../../jobs/index.js';
import { isConnectorError, type ConnectorError } from '../../connectors/errors.js';
import { requireCapability } from '../../connectors/capabilities.js';
import type { Connector, OutgoingPost, PublishedPost } from '../../connectors/types.js';
import type { InboxReplyStatus } from '../../store/inbox-schema.js';
import { markHealthy, markReconnect, openConnector } from '../accounts/open-connector.js';
import { shownMessage } from '../publishing/retry-policy.js';
import { INBOX_REPLY } from './job-names.js';
import { announce } from './live.js';
import { recountInboxItems } from '../analytics/rollups/inbox-days.js';

export const REPLY_MAX_ATTEMPTS = 6;

/** A reply cannot have gone out before it was written; the margin covers the network's clock. */
const CLOCK_MARGIN_MS = 15 * 60_000;

/**
 * Sends one reply, like or repost. The reply's id is the connector's idempotency key; as for posts
 * (publishing/publish-target.ts), an attempt after a crash or a lost answer first asks the network whether the
 * reply is already there (findExisting) and only then writes, so the person answered gets it once.
 */
export function inboxReplyJob(ctx: AppContext) {
  return defineJob({
    type: INBOX_REPLY,
    version: 1,
    schema: z.object({ replyId: z.string() }),
    maxAttempts: REPLY_MAX_ATTEMPTS,
    async run(payload, job) {
      const { db } = ctx.store;
      const row = await db
        .selectFrom('inbox_replies as r')
        .innerJoin('inbox_items as i', 'i.id', 'r.item_id')
        .innerJoin('inbox_authors as a', 'a.id', 'i.author_id')
        .innerJoin('social_accounts as s', 's.id', 'r.account_id')
        .select([
          'r.id', 'r.kind', 'r.body', 'r.status', 'r.error_kind', 'r.created_at', 'r.workspace_id', 'r.item_id', 'r.account_id',
          'i.external_id', 'i.external_cid', 'i.root_external_id', 'i.root_cid', 'i.language',
          'a.external_id as author_external_id', 'a.handle as author_handle', 'a.display_name as author_name',
          's.network', 's.credentials', 's.handle', 's.status as account_status', 's.status_message', 's.last_ok_at',
        ])
        .where('r.id', '=', payload.replyId)
        .executeTakeFirst();
      if (!row || row.status === 'sent' || row.status === 'failed' || row.status === 'unknown') return { skipped: row?.status ?? 'gone' };
      // A reply left "sending", or a later attempt, may be out already: the crash or the lost answer came after the write.
      const check = row.status === 'sending' || job.attempt > 1 || row.error_kind !== null;
      await db.updateTable('inbox_replies').set({ status: 'sending' }).where('id', '=', row.id).execute();
      const settle = async (status: InboxReplyStatus, fields: { externalId?: string; url?: string | null; errorKind?: string; errorMessage?: string } = {}) => {
        const now = ctx.clock.now();
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('inbox_replies')
            .set({
              status, external_id: fields.externalId ?? null, external_url: fields.url ?? null, error_kind: fields.errorKind ?? null,
              error_message: fields.errorMessage ?? null, sent_at: status === 'sent' ? now : null,
            })
            .where('id', '=', row.id)
            .execute();
          // Time to first reply counts public replies only, not a like.
          if (status === 'sent' && row.kind === 'reply') {
            await trx.updateTable('inbox_items').set({ first_reply_at: now }).where('id', '=', row.item_id).where('first_reply_at', 'is', null).execute();
            await recountInboxItems(trx, [row.item_id]);
          }
        });
        await announce(ctx.store, row.workspace_id, [row.item_id]);
        return { status };
      };
      if (row.account_status === 'reconnect' || row.account_status === 'disconnected') {
        return settle('failed', { errorKind: 'auth_expired', errorMessage: row.status_message ?? `Reconnect ${row.handle} to answer.` });
      }
      const account = { id: row.account_id, network: row.network, credentials: row.credentials };
      const target = { id: row.external_id, cid: row.external_cid ?? undefined };
      try {
        const connector = openConnector(ctx, account);
        if (row.kind === 'like' || row.kind === 'repost') {
          const act = row.kind === 'like' ? requireCapability(connector, 'like', 'like') : requireCapability(connector, 'repost', 'repost');
          await act(target);
          return settle('sent');
        }
        const post: OutgoingPost = {
          idempotencyKey: row.id,
          text: row.body,
          languages: row.language && row.language !== 'und' && row.language !== 'other' ? [row.language] : undefined,
          replyTo: target,
          replyRoot: row.root_external_id ? { id: row.root_external_id, cid: row.root_cid ?? undefined } : target,
          replyToAuthor: { id: row.author_external_id, handle: row.author_handle, displayName: row.author_name },
        };
        const published = await replyOnce(connector, check ? new Date(Number(row.created_at) - CLOCK_MARGIN_MS).toISOString() : null, post);
        if ((row.last_ok_at ?? 0) < ctx.clock.now() - 5 * 60_000) await markHealthy(ctx, row.account_id);
        return settle('sent', { externalId: published.ref.id, url: published.url });
      } catch (err) {
        if (!isConnectorError(err)) throw err;
        return failed(ctx, err, row, job.attempt >= REPLY_MAX_ATTEMPTS, settle);
      }
    },
  });
}

async function replyOnce(connector: Connector, checkFrom: string | null, post: OutgoingPost): Promise<PublishedPost> {
  if (checkFrom) {
    const existing = await connector.findExisting(post.idempotencyKey, {
      text: post.text, replyTo: post.replyTo, replyRoot: post.replyRoot, replyToAuthor: post.replyToAuthor, notBefore: checkFrom, mediaCount: 0,
    });
    if (existing) return existing;
  }
  return connector.publish(post);
}

/**
 * A failed attempt: passing trouble and a lost answer are tried again (the next attempt checks first), with the
 * words kept on the reply meanwhile; a refusal fails with the network's words; an answer still unknown after the
 * check, or on the last attempt, is left "unknown" for a person to look at.
 */
async function failed(
  ctx: AppContext,
  err: ConnectorError,
  row: { id: string; account_id: string; status: string },
  lastAttempt: boolean,
  settle: (status: InboxReplyStatus, fields: { errorKind?: string; errorMessage?: string }) => Promise<unknown>,
) {
  if (err.kind === 'auth_expired') {
    await markReconnect(ctx, row.account_id, err.message);
    return settle('failed', { errorKind: err.kind, errorMessage: err.message });
  }
  const retry = err.retryable || err.kind === 'unknown_outcome';
  if (retry && !lastAttempt) {
    await ctx.store.db.updateTable('inbox_replies').set({ error_kind: err.kind, error_message: shownMessage(err) }).where('id', '=', row.id).execute();
    if (err.kind === 'unknown_outcome') throw new RetryLaterError(err.message, 1000);
    throw err;
  }
  return settle(err.kind === 'unknown_outcome' ? 'unknown' : 'failed', { errorKind: err.kind, errorMessage: shownMessage(err) });
}
