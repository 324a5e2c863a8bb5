import type { Analyzer } from '../../analysis/index.js';
import type { AppContext } from '../../context.js';
import { createLeasedStreams, type LeasedStreams } from '../../jobs/leased-streams.js';
import { readHashtagTimeline, streamPublic } from '../../connectors/mastodon/listening/index.js';
import { pause } from '../../shared/pause.js';
import { ingestPosts, readIngest, storeIngest, type ReadIngest } from './ingest.js';
import type { MentionAnalysis } from './read-posts.js';
import { STREAM_KINDS, type SourceRow } from './sources.js';
import type { ListeningPost } from './types.js';

export const LISTENING_LIVE_LEASE = 'listening.live';

/** The streams this process runs, keyed by kind and address. */
export type ListeningLive = LeasedStreams;

const byContext = new WeakMap<AppContext, ListeningLive>();

/** Sources changed in this process: the streams follow at once rather than at the next refresh. */
export function restartStreams(ctx: AppContext): void {
  void byContext.get(ctx)?.refresh().catch((err) => ctx.log.warn({ event: 'listening.live_refresh_failed', err }, 'listening streams refresh failed'));
}

/** One stream serves every workspace that follows the same endpoint: read once, matched against each one's topics. */
const groupKey = (s: Pick<SourceRow, 'kind' | 'url' | 'tag'>) => `${s.kind}\n${s.url}\n${s.tag}`;

async function sourcesOf(ctx: AppContext, key: string): Promise<SourceRow[]> {
  const [kind, url, tag] = key.split('\n');
  return ctx.store.db.selectFrom('listening_sources').selectAll().where('kind', '=', kind as SourceRow['kind']).where('url', '=', url)
    .where('tag', '=', tag).where('status', '=', 'active').execute();
}

async function setHealth(ctx: AppContext, key: string, health: string, error: string | null) {
  const [kind, url, tag] = key.split('\n');
  const now = ctx.clock.now();
  await ctx.store.db.updateTable('listening_sources').set({ health, last_error: error?.slice(0, 500) ?? null, updated_at: now, ...(health === 'live' ? { last_ok_at: now, failures: 0 } : {}) })
    .where('kind', '=', kind as SourceRow['kind']).where('url', '=', url).where('tag', '=', tag).where('status', '=', 'active').execute();
}

/**
 * Hands a stream's batch to every workspace that follows it, each with its source's cursor moved in the same
 * transaction as its mentions; texts are analysed once for all of them.
 */
async function deliver(ctx: AppContext, key: string, posts: ListeningPost[], cursor: string | null) {
  const sources = await sourcesOf(ctx, key);
  const analyses = new WeakMap<Analyzer, Map<string, MentionAnalysis>>();
  for (const s of sources) {
    await ingestPosts(ctx, { workspaceId: s.workspace_id, sourceId: s.id }, posts, {
      analyses,
      advance: async (trx) => {
        if (cursor !== null) await trx.updateTable('listening_sources').set({ cursor, last_polled_at: ctx.clock.now() }).where('id', '=', s.id).execute();
      },
    });
  }
}

/**
 * The same in two steps, for a network stream: each workspace's share of the batch is read now (while the batch
 * before it may still be stored), and stored when the stream says so, each with its cursor. Posts of the batch ahead
 * are left out: that batch stores them, or fails, and then both are read again.
 */
function readForSources(ctx: AppContext, key: string) {
  // The uris of the batch being stored. The stream reads a batch only once the one before it is being stored.
  let storing: ReadonlySet<string> = new Set();
  return async (posts: ListeningPost[]) => {
    const skip = storing;
    const sources = await sourcesOf(ctx, key);
    const analyses = new WeakMap<Analyzer, Map<string, MentionAnalysis>>();
    const read: { source: SourceRow; batch: ReadIngest }[] = [];
    for (const s of sources) read.push({ source: s, batch: await readIngest(ctx, { workspaceId: s.workspace_id, sourceId: s.id }, posts, { analyses, skip }) });
    return async (cursor: string) => {
      const uris = new Set(read.flatMap(({ batch }) => batch.fresh.map((p) => p.uri)));
      storing = uris;
      try {
        for (const { source, batch } of read) {
          await storeIngest(ctx, batch, {
            advance: async (trx) => {
              await trx.updateTable('listening_sources').set({ cursor, last_polled_at: ctx.clock.now() }).where('id', '=', source.id).execute();
            },
          });
        }
      } finally {
        if (storing === uris) storing = new Set();
      }
    };
  };
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function runStream(ctx: AppContext, key: string, first: SourceRow, signal: AbortSignal) {
  const sources = await sourcesOf(ctx, key);
  // The group resumes from the furthest-behind cursor: a workspace that joined later simply sees some posts again.
  const cursors = sources.map((s) => s.cursor).filter((c): c is string => c !== null).sort((a, b) => (a.length - b.length) || a.localeCompare(b));
  const cursor = cursors[0] ?? null;
  const allowPrivateNetworks = ctx.config.allowPrivateNetworks;
  const onStatus = (s: { state: string; error?: unknown }) => {
    const health = s.state === 'live' ? 'live' : s.state === 'connecting' ? 'pending' : 'backoff';
    void setHealth(ctx, key, health, s.error ? message(s.error) : null).catch(() => {});
  };
  if (first.kind === 'bluesky_jetstream' || first.kind === 'bluesky_relay') {
    // The network's libraries (ws, @atproto/sync) are loaded by the first stream that needs them, not with the server.
    const { streamJetstream, streamRelayPosts } = await import('../../connectors/bluesky/network/index.js');
    const stream = first.kind === 'bluesky_jetstream' ? streamJetstream : streamRelayPosts;
    await stream({ url: first.url, cursor, allowPrivateNetworks, signal, onStatus, readPosts: readForSources(ctx, key) });
    return;
  }
  if (first.kind === 'mastodon_public') {
    const end = await streamPublic({
      instanceUrl: first.url, stream: first.tag ? { kind: 'hashtag', tag: first.tag } : { kind: 'public' }, signal,
      fetch: (input, init) => ctx.guardedFetch(input, init),
      onStatus: (s) => onStatus({ state: s.state === 'streaming' ? 'live' : s.state === 'connecting' ? 'connecting' : 'backoff', error: 'error' in s ? s.error : undefined }),
      onPosts: (posts) => deliver(ctx, key, posts, null),
    });
    if (end.outcome === 'poll' && first.tag && !signal.aborted) await pollHashtag(ctx, key, first, signal);
    else if (end.outcome === 'poll') await setHealth(ctx, key, 'error', `${end.error.kind}: ${end.error.message}`);
  }
}

/** How often a hashtag is read when its instance has no streaming: as a followed hashtag timeline is. */
const HASHTAG_POLL_MS = 2 * 60_000;

/**
 * An instance without the streaming API (or one that refuses it) still shows its hashtag timelines: the stream's
 * hashtag is then read from the timeline, from the cursor kept with the sources, until the stream is stopped.
 */
async function pollHashtag(ctx: AppContext, key: string, first: SourceRow, signal: AbortSignal) {
  while (!signal.aborted) {
    const sources = await sourcesOf(ctx, key);
    const cursor = sources.map((s) => s.cursor).find((c) => c !== null) ?? null;
    try {
      const page = await readHashtagTimeline({ instanceUrl: first.url, tag: first.tag, minId: cursor, fetch: (input, init) => ctx.guardedFetch(input, init) });
      await deliver(ctx, key, page.posts, page.minId);
      await setHealth(ctx, key, 'ok', null);
    } catch (err) {
      await setHealth(ctx, key, 'backoff', message(err));
    }
    await pause(HASHTAG_POLL_MS, signal);
  }
}

/**
 * Real time for listening: one process of the cluster (the lease holder) holds one stream per followed endpoint
 * (a Jetstream, a relay's firehose, a Mastodon instance's public stream), whoever follows it, and restarts those that
 * end. Sources added or removed are picked up at the next refresh, at once in the process that changed them.
 */
export function createListeningLive(ctx: AppContext, options: { refreshMs?: number; holderId?: string } = {}): ListeningLive {
  return createLeasedStreams<SourceRow>(ctx, {
    lease: LISTENING_LIVE_LEASE,
    refreshMs: options.refreshMs,
    holderId: options.holderId,
    refreshFailedEvent: 'listening.live_refresh_failed',
    registry: byContext,
    async wanted() {
      const rows = await ctx.store.db.selectFrom('listening_sources').selectAll().where('status', '=', 'active').where('kind', 'in', [...STREAM_KINDS]).execute();
      const wanted = new Map<string, SourceRow>();
      for (const r of rows) if (!wanted.has(groupKey(r))) wanted.set(groupKey(r), r);
      return wanted;
    },
    run: (key, first, signal) =>
      runStream(ctx, key, first, signal).catch(async (err: unknown) => {
        ctx.log.warn({ event: 'listening.stream_failed', kind: first.kind, err }, 'listening stream ended; the next refresh starts it again');
        await setHealth(ctx, key, 'error', message(err)).catch(() => {});
      }),
  });
}
