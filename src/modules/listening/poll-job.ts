import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob } from '../../jobs/index.js';
import { isConnectorError } from '../../connectors/errors.js';
import { readHashtagTimeline } from '../../connectors/mastodon/listening/index.js';
import { FeedError } from './feeds/feed-error.js';
import { ingestPosts } from './ingest.js';
import { LISTENING_POLL, LISTENING_POLL_DUE } from './job-names.js';
import { markSourceRead, POLLED_KINDS, type SourceRow } from './sources.js';

/** A hashtag timeline is read this often; Mastodon's rate limits (300 calls per 5 minutes) leave ample room. */
const HASHTAG_EVERY_MS = 2 * 60_000;
/** Due sources queued per pass: a huge OPML import is read over several minutes, not in one burst. */
const DUE_PER_PASS = 500;

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 300);

async function readFeedSource(ctx: AppContext, source: SourceRow) {
  const now = ctx.clock.now();
  // The feed readers (feedsmith, htmlparser2) are loaded by the first feed read, not with the server.
  const { fetchFeed } = await import('./feeds/fetch-feed.js');
  let result;
  try {
    result = await fetchFeed(source.url, { etag: source.etag, lastModified: source.last_modified }, { fetch: ctx.guardedFetch, now });
  } catch (err) {
    if (!(err instanceof FeedError)) throw err;
    await markSourceRead(ctx.store.db, source.id, now, { ok: false, error: `${err.reason}: ${err.message}`, transient: err.transient, retryAfterMs: err.pollAfterMs });
    return { error: err.reason };
  }
  const validators = { etag: result.etag, lastModified: result.lastModified };
  if (result.status === 'not_modified') {
    await markSourceRead(ctx.store.db, source.id, now, { ok: true, pollAfterMs: result.pollAfterMs, ...validators });
    return { notModified: true };
  }
  const done = await ingestPosts(ctx, { workspaceId: source.workspace_id, sourceId: source.id }, result.posts);
  await markSourceRead(ctx.store.db, source.id, now, { ok: true, pollAfterMs: result.pollAfterMs, ...validators });
  // A feed added without a name shows its site's address until it is read: then its own title.
  const title = result.feed.title?.trim().slice(0, 200);
  if (title && source.title === new URL(source.url).host) {
    await ctx.store.db.updateTable('listening_sources').set({ title }).where('id', '=', source.id).where('title', '=', source.title).execute();
  }
  return { entries: result.posts.length, matched: done.matched, stored: done.stored.length, setAside: done.setAside.length };
}

async function readHashtagSource(ctx: AppContext, source: SourceRow) {
  const now = ctx.clock.now();
  let page;
  try {
    page = await readHashtagTimeline({ instanceUrl: source.url, tag: source.tag, minId: source.cursor, fetch: (input, init) => ctx.guardedFetch(input, init) });
  } catch (err) {
    if (!isConnectorError(err)) throw err;
    const transient = err.kind === 'transient' || err.kind === 'rate_limited';
    await markSourceRead(ctx.store.db, source.id, now, { ok: false, error: `${err.kind}: ${err.message}`, transient, retryAfterMs: err.retryAfterMs ?? null });
    return { error: err.kind };
  }
  // The cursor moves with the mentions, in their transaction: a crash reads the page again, never skips it.
  const done = await ingestPosts(ctx, { workspaceId: source.workspace_id, sourceId: source.id }, page.posts, {
    advance: async (trx) => {
      await trx.updateTable('listening_sources').set({ cursor: page.minId }).where('id', '=', source.id).execute();
    },
  });
  await markSourceRead(ctx.store.db, source.id, now, { ok: true, pollAfterMs: HASHTAG_EVERY_MS });
  return { statuses: page.posts.length, matched: done.matched, stored: done.stored.length };
}

/** Reads one polled source once: a feed (conditionally) or a hashtag timeline (from its cursor). */
export function listeningPollJob(ctx: AppContext) {
  return defineJob({
    type: LISTENING_POLL,
    version: 1,
    schema: z.object({ sourceId: z.string().min(1) }),
    maxAttempts: 3,
    timeoutMs: 120_000,
    async run({ sourceId }) {
      const source = await ctx.store.db.selectFrom('listening_sources').selectAll().where('id', '=', sourceId).executeTakeFirst();
      if (!source || source.status !== 'active') return { skipped: source ? source.status : 'gone' };
      try {
        if (source.kind === 'feed') return await readFeedSource(ctx, source);
        if (source.kind === 'mastodon_tag') return await readHashtagSource(ctx, source);
        return { skipped: 'stream' };
      } catch (err) {
        // An unexpected failure (the database, a bug) is retried by the job; the source shows it meanwhile.
        await ctx.store.db.updateTable('listening_sources').set({ last_error: reasonOf(err), health: 'backoff', updated_at: ctx.clock.now() }).where('id', '=', sourceId).execute();
        throw err;
      }
    },
  });
}

/** Queues a read of every polled source whose time came; the key names the due time, so it is queued once. */
export function listeningPollDueJob(ctx: AppContext) {
  return defineJob({
    type: LISTENING_POLL_DUE,
    version: 1,
    schema: z.object({}),
    maxAttempts: 2,
    async run() {
      const now = ctx.clock.now();
      const due = await ctx.store.db.selectFrom('listening_sources').select(['id', 'workspace_id', 'next_poll_at'])
        .where('status', '=', 'active').where('kind', 'in', [...POLLED_KINDS]).where('next_poll_at', '<=', now)
        .orderBy('next_poll_at').limit(DUE_PER_PASS).execute();
      if (due.length > 0) {
        await ctx.jobs.queue.enqueueMany(due.map((s) => ({ type: LISTENING_POLL, payload: { sourceId: s.id }, idempotencyKey: `listening-poll:${s.id}:${s.next_poll_at}` })));
      }
      return { queued: due.length };
    },
  });
}

export const listeningPollTask = { name: 'listening-poll', everyMs: 60_000, type: LISTENING_POLL_DUE, payload: {} };
