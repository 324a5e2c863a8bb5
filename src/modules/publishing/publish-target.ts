import type { AppContext } from '../../context.js';
import type { TargetStatus } from '../../store/schema.js';
import { isConnectorError, type ConnectorError } from '../../connectors/errors.js';
import type { MediaInput, MediaLimits, PostRef } from '../../connectors/types.js';
import { markHealthy, markReconnect, openConnector } from '../accounts/open-connector.js';
import { readMediaFile } from '../media/storage.js';
import { fitImage } from '../media/images.js';
import { settleTarget, finalizePost } from './targets.js';

type Outcome = Extract<TargetStatus, 'published' | 'failed' | 'unknown'>;

/**
 * Sends one post to one account. The target id is the idempotency key: a retry after a crash or a lost
 * answer finds the post the first attempt made instead of making another. Errors that retrying can fix
 * are thrown for the job runner to retry; the others settle the target with the network's own words.
 */
export async function publishTarget(ctx: AppContext, targetId: string, opts: { lastAttempt: boolean }): Promise<Outcome | 'already'> {
  const { db } = ctx.store;
  const target = await db.selectFrom('post_targets').selectAll().where('id', '=', targetId).executeTakeFirst();
  if (!target) return 'already';
  if (target.status === 'published' || target.status === 'failed' || target.status === 'unknown') return 'already';
  const post = await db.selectFrom('posts').selectAll().where('id', '=', target.post_id).executeTakeFirstOrThrow();
  const account = await db.selectFrom('social_accounts').selectAll().where('id', '=', target.account_id).executeTakeFirstOrThrow();
  const settle = async (status: Outcome, fields: { externalId?: string; url?: string | null; errorKind?: string; errorMessage?: string }) => {
    const now = ctx.clock.now();
    await settleTarget(db, targetId, { status, ...fields }, now);
    await finalizePost(db, post.id, now);
    return status;
  };
  if (account.status === 'reconnect' || account.status === 'disconnected') {
    // The account's posts stop here until someone reconnects it; nothing is sent with dead credentials.
    return settle('failed', { errorKind: 'auth_expired', errorMessage: account.status_message ?? `Reconnect ${account.handle} to publish.` });
  }
  await db
    .updateTable('post_targets')
    .set({ status: 'publishing', attempts: target.attempts + 1, updated_at: ctx.clock.now() })
    .where('id', '=', targetId)
    .execute();
  try {
    const connector = openConnector(ctx, account);
    const media = await loadMediaInputs(ctx, post.id, (await connector.limits()).media);
    const texts = [target.body ?? post.body, ...(JSON.parse(post.thread) as string[])];
    const languages = post.language ? [post.language] : undefined;
    let first: { ref: PostRef; url: string | null } | null = null;
    let previous: PostRef | undefined;
    for (const [i, text] of texts.entries()) {
      // Each part of a thread has its own key, so a retry resumes the thread where it stopped.
      const published = await connector.publish({
        idempotencyKey: i === 0 ? targetId : `${targetId}-${i}`,
        text,
        media: i === 0 ? media : undefined,
        languages,
        replyTo: previous,
      });
      previous = published.ref;
      first ??= { ref: published.ref, url: published.url };
    }
    await markHealthy(ctx, account.id);
    return settle('published', { externalId: first!.ref.id, url: first!.url });
  } catch (err) {
    if (!isConnectorError(err)) throw err;
    return handleConnectorError(ctx, err, account.id, opts.lastAttempt, settle);
  }
}

async function handleConnectorError(
  ctx: AppContext,
  err: ConnectorError,
  accountId: string,
  lastAttempt: boolean,
  settle: (status: Outcome, fields: { errorKind?: string; errorMessage?: string }) => Promise<Outcome>,
): Promise<Outcome> {
  if (err.kind === 'auth_expired') {
    await markReconnect(ctx, accountId, err.message);
    return settle('failed', { errorKind: err.kind, errorMessage: err.message });
  }
  if (err.kind === 'unknown_outcome') return settle('unknown', { errorKind: err.kind, errorMessage: err.message });
  if (err.retryable && !lastAttempt) throw err;
  return settle('failed', { errorKind: err.kind, errorMessage: err.message });
}

/** The post's images, each made to fit this network's size and type limits. */
async function loadMediaInputs(ctx: AppContext, postId: string, limits: MediaLimits): Promise<MediaInput[] | undefined> {
  const rows = await ctx.store.db
    .selectFrom('post_media')
    .innerJoin('media', 'media.id', 'post_media.media_id')
    .select(['media.storage_key', 'media.mime', 'media.alt'])
    .where('post_media.post_id', '=', postId)
    .orderBy('post_media.position')
    .execute();
  if (rows.length === 0) return undefined;
  return Promise.all(
    rows.slice(0, limits.maxCount).map(async (r) => {
      const fitted = await fitImage(await readMediaFile(ctx.config.dataDir, r.storage_key), r.mime, limits);
      return { bytes: fitted.bytes, mimeType: fitted.mime, alt: limits.altText ? r.alt.slice(0, limits.maxAltLength) : undefined };
    }),
  );
}
