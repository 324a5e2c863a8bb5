/**
 * The whole public network's posts from a Jetstream endpoint (the JSON firehose, `wantedCollections=
 * app.bsky.feed.post`). Each socket starts a few seconds before the last position handed over, as Jetstream
 * advises for a gapless resume; a lost socket is opened again with a growing pause. A handler that falls behind
 * makes the socket close (a server would otherwise buffer for us, or drop us) until it has caught up.
 */
import WebSocket from 'ws';
import { toConnectorError } from '../errors.js';
import { checkSocketHost, guardedLookup } from '../socket-guard.js';
import { backoffDelay, pause, settleWithin } from './backoff.js';
import { PostBatcher } from './batcher.js';
import { HandleCache } from './handles.js';
import { JetstreamCommit, JetstreamEvent, TimeOnly } from './jetstream-event.js';
import { handleOf, POST_COLLECTION, toListeningPost } from './listening-post.js';
import { BACKOFF_DEFAULTS, BATCH_DEFAULTS, type NetworkStreamOptions, type StreamStats, type StreamStatus } from './types.js';

export interface JetstreamOptions extends NetworkStreamOptions {
  /** Only these authors (Jetstream's `wantedDids`), e.g. to follow a handful of accounts. */
  wantedDids?: string[];
  /** How far before the saved position a socket starts. */
  rewindMs?: number;
}

const REWIND_MS = 5_000;
/** Jetstream's events are a few kilobytes; a post record is at most a few. */
const MAX_MESSAGE_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 30_000;
const HANDSHAKE_MS = 30_000;
const STATUS_MS = 5_000;
const STOP_WAIT_MS = 5_000;

export function jetstreamUrl(base: string, wantedDids: string[] = []): URL {
  const url = new URL(base);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  if (url.pathname === '/') url.pathname = '/subscribe';
  url.searchParams.set('wantedCollections', POST_COLLECTION);
  for (const did of wantedDids) url.searchParams.append('wantedDids', did);
  return url;
}

const cursorOf = (cursor: string | null) => (cursor && /^\d{1,16}$/.test(cursor) ? Number(cursor) : null);

interface Outcome {
  overflow: boolean;
  failure: unknown;
  error: string | null;
  progressed: boolean;
}

/** Runs until `signal` aborts, then resolves with what it did. A host the address guard refuses fails at once. */
export async function streamJetstream(opts: JetstreamOptions): Promise<StreamStats> {
  const base = jetstreamUrl(opts.url, opts.wantedDids);
  try {
    await checkSocketHost(base, opts.allowPrivateNetworks);
  } catch (err) {
    throw toConnectorError(err);
  }
  const now = opts.now ?? Date.now;
  const limits = { ...BATCH_DEFAULTS, ...opts.batch };
  const backoff = { ...BACKOFF_DEFAULTS, ...opts.backoff };
  const rewindUs = (opts.rewindMs ?? REWIND_MS) * 1000;
  const stats: StreamStats = { posts: 0, skipped: 0, backpressureDrops: 0, reconnects: 0 };
  const handles = new HandleCache();
  const start = cursorOf(opts.cursor);
  // With no saved position a socket lost before the first batch resumes from when listening began, not from now.
  const origin = start ?? now() * 1000;
  let lastEventUs: number | null = null;
  let lastStatusAt = 0;
  const status = (s: StreamStatus) => {
    try {
      opts.onStatus?.({ ...s, skipped: stats.skipped });
    } catch {
      // The caller's report must not stop the stream.
    }
  };

  let close: ((why: 'overflow' | 'failure', err?: unknown) => void) | null = null;
  let handedThisSocket = false;
  let handlerError: unknown;
  const batcher = new PostBatcher(start, opts.onPosts, limits, {
    overflow: () => close?.('overflow'),
    failed: (err) => {
      handlerError = err;
      close?.('failure', err);
    },
    handed: () => {
      handedThisSocket = true;
      if (lastEventUs !== null && now() - lastStatusAt >= STATUS_MS) {
        lastStatusAt = now();
        status({ state: 'live', lagMs: Math.max(0, now() - lastEventUs / 1000) });
      }
    },
  }, now);

  const onMessage = (raw: string) => {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      stats.skipped++;
      return;
    }
    const evt = JetstreamEvent.safeParse(json);
    if (!evt.success) {
      stats.skipped++;
      const time = TimeOnly.safeParse(json);
      if (time.success) batcher.advance(time.data.time_us);
      return;
    }
    const { did, time_us: timeUs, kind } = evt.data;
    lastEventUs = timeUs;
    if (kind === 'identity' && evt.data.identity?.did === did) handles.set(did, handleOf(evt.data.identity.handle));
    else if (kind === 'commit') {
      const commit = JetstreamCommit.safeParse(evt.data.commit);
      if (!commit.success) stats.skipped++;
      else if (commit.data.operation === 'create' && commit.data.collection === POST_COLLECTION) {
        const post = toListeningPost({ did, rkey: commit.data.rkey, record: commit.data.record, seenAt: timeUs / 1000, author: { handle: handles.get(did) } });
        if (post) {
          stats.posts++;
          batcher.add(post);
        } else stats.skipped++;
      }
    }
    batcher.advance(timeUs);
  };

  const readOnce = (from: number) =>
    new Promise<Outcome>((resolve) => {
      const url = new URL(base);
      url.searchParams.set('cursor', String(Math.max(0, from)));
      const outcome: Outcome = { overflow: false, failure: undefined, error: null, progressed: false };
      const ws = new WebSocket(url, { lookup: guardedLookup(opts.allowPrivateNetworks), maxPayload: MAX_MESSAGE_BYTES, handshakeTimeout: HANDSHAKE_MS });
      let reading = true;
      let alive = true;
      handedThisSocket = false;
      const stop = () => {
        reading = false;
        ws.terminate();
      };
      close = (why, err) => {
        if (why === 'overflow') outcome.overflow = true;
        else outcome.failure = err;
        stop();
      };
      const abort = () => stop();
      opts.signal.addEventListener('abort', abort, { once: true });
      const heartbeat = setInterval(() => {
        // No pong since the last ping: the connection is dead without having said so.
        if (!alive) return stop();
        alive = false;
        if (ws.readyState === WebSocket.OPEN) ws.ping();
      }, HEARTBEAT_MS);
      ws.on('pong', () => void (alive = true));
      ws.on('open', () => status({ state: 'live' }));
      ws.on('message', (data, isBinary) => {
        alive = true;
        if (!reading) return;
        if (isBinary) {
          stats.skipped++;
          return;
        }
        onMessage(data.toString());
      });
      ws.on('error', (err) => void (outcome.error ??= err.message));
      ws.on('close', () => {
        clearInterval(heartbeat);
        opts.signal.removeEventListener('abort', abort);
        close = null;
        outcome.progressed = handedThisSocket;
        resolve(outcome);
      });
    });

  let attempt = 0;
  while (!opts.signal.aborted) {
    status({ state: 'connecting' });
    const outcome = await readOnce((batcher.acked ?? origin) - rewindUs);
    if (opts.signal.aborted) break;
    if (outcome.progressed) attempt = 0;
    handlerError = undefined;
    const drained = outcome.failure === undefined && (await batcher.drain());
    if (!drained) batcher.discard();
    stats.reconnects++;
    if (outcome.overflow && drained) {
      stats.backpressureDrops++;
      continue;
    }
    const failure = outcome.failure ?? handlerError;
    const error = failure !== undefined ? `The listening handler failed: ${failure instanceof Error ? failure.message : String(failure)}` : (outcome.error ?? 'The Jetstream connection was closed.');
    status({ state: 'backoff', error });
    await pause(backoffDelay(attempt++, backoff), opts.signal);
  }
  await settleWithin(batcher.stop(), STOP_WAIT_MS);
  return stats;
}
