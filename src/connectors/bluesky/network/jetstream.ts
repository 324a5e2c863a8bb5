/**
 * The whole public network's posts from a Jetstream endpoint (the JSON firehose, `wantedCollections=
 * app.bsky.feed.post`). Each socket starts a few seconds before the last position handed over, as Jetstream
 * advises for a gapless resume; a lost socket is opened again with a growing pause. A handler that falls behind
 * makes the socket close (a server would otherwise buffer for us, or drop us) until it has caught up.
 */
import WebSocket from 'ws';
import { toConnectorError } from '../errors.js';
import { checkSocketHost, guardedLookup } from '../socket-guard.js';
import { HandleCache } from './handles.js';
import { JetstreamCommit, JetstreamEvent, TimeOnly } from './jetstream-event.js';
import { handleOf, POST_COLLECTION, toListeningPost } from './listening-post.js';
import { StreamRun, type ConnectionEnd } from './stream-run.js';
import type { NetworkStreamOptions, StreamStats } from './types.js';

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

/** Runs until `signal` aborts, then resolves with what it did. A host the address guard refuses fails at once. */
export async function streamJetstream(opts: JetstreamOptions): Promise<StreamStats> {
  const base = jetstreamUrl(opts.url, opts.wantedDids);
  try {
    await checkSocketHost(base, opts.allowPrivateNetworks);
  } catch (err) {
    throw toConnectorError(err);
  }
  const start = cursorOf(opts.cursor);
  const run = new StreamRun(opts, start);
  const { stats, batcher } = run;
  const rewindUs = (opts.rewindMs ?? REWIND_MS) * 1000;
  // With no saved position a socket lost before the first batch resumes from when listening began, not from now.
  const origin = start ?? run.now() * 1000;
  const handles = new HandleCache();

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
    run.lastEventMs = timeUs / 1000;
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

  return run.run((acked, onClose) =>
    new Promise<ConnectionEnd>((resolve) => {
      const url = new URL(base);
      url.searchParams.set('cursor', String(Math.max(0, (acked ?? origin) - rewindUs)));
      const ws = new WebSocket(url, { lookup: guardedLookup(opts.allowPrivateNetworks), maxPayload: MAX_MESSAGE_BYTES, handshakeTimeout: HANDSHAKE_MS });
      const end: ConnectionEnd = { error: null };
      let reading = true;
      let alive = true;
      const stop = () => {
        reading = false;
        ws.terminate();
      };
      onClose(stop);
      opts.signal.addEventListener('abort', stop, { once: true });
      const heartbeat = setInterval(() => {
        // No pong since the last ping: the connection is dead without having said so.
        if (!alive) return stop();
        alive = false;
        if (ws.readyState === WebSocket.OPEN) ws.ping();
      }, HEARTBEAT_MS);
      ws.on('pong', () => void (alive = true));
      ws.on('open', () => run.status({ state: 'live' }));
      ws.on('message', (data, isBinary) => {
        alive = true;
        if (!reading) return;
        if (isBinary) stats.skipped++;
        else onMessage(data.toString());
      });
      ws.on('error', (err) => void (end.error ??= err.message));
      ws.on('close', () => {
        clearInterval(heartbeat);
        opts.signal.removeEventListener('abort', stop);
        resolve(end);
      });
    }));
}
