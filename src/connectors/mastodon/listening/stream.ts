/**
 * An instance's public streams as server-sent events: GET /api/v1/streaming/hashtag?tag= or /public, where the
 * instance's `configuration.urls.streaming` says (a token is sent only when given; most instances need none).
 * Only `update` events are read. Dropped or silent connections are opened again with a growing pause; an instance
 * without streaming, or one that refuses us, ends the stream with the reason, and the caller polls its timeline.
 */
import type { ListeningPost } from '../../../modules/listening/types.js';
import { ConnectorError, isConnectorError } from '../../errors.js';
import { readEventStream } from '../event-stream.js';
import { MastodonHttp } from '../http.js';
import { Instance } from '../schemas.js';
import { STREAM_DEFAULTS, type StreamOptions } from '../streaming.js';
import { pause } from '../../../shared/pause.js';
import { toListeningPost } from './post.js';
import { hashtagName } from './timeline.js';

export type PublicStream = { kind: 'hashtag'; tag: string } | { kind: 'public' };

export type PublicStreamStatus =
  | { state: 'connecting' }
  /** Connected: after a `reconnecting`, the caller may poll the timeline once to fill what passed meanwhile. */
  | { state: 'streaming' }
  | { state: 'reconnecting'; error: unknown; retryInMs: number }
  /** `onPosts` failed for these statuses; the stream goes on and polling can read them again. */
  | { state: 'undelivered'; error: unknown; statusIds: string[] };

/** Why the stream ended: asked to stop, or the caller must poll this instance instead (and why). */
export type PublicStreamEnd = { outcome: 'stopped' } | { outcome: 'poll'; error: ConnectorError };

export interface PublicStreamOptions {
  instanceUrl: string;
  stream: PublicStream;
  accessToken?: string | null;
  fetch: typeof fetch;
  /** The posts of one event (a boost gives the boosted post), with the instance's ids of the statuses read. */
  onPosts(posts: ListeningPost[], read: { statusIds: string[] }): Promise<void> | void;
  onStatus?(status: PublicStreamStatus): void;
  signal: AbortSignal;
  options?: StreamOptions;
}

/** A connection that stayed up this long was healthy: the next pause starts small again. */
const HEALTHY_MS = 60_000;

const final = (err: unknown): err is ConnectorError =>
  isConnectorError(err) && (err.kind === 'auth_expired' || err.kind === 'forbidden' || err.kind === 'rejected' || err.kind === 'gone');

export async function streamPublic(s: PublicStreamOptions): Promise<PublicStreamEnd> {
  const options = s.options ?? STREAM_DEFAULTS;
  const path = streamPath(s.stream);
  let delay = options.minDelayMs;
  let base: string | null = null;
  while (!s.signal.aborted) {
    const opened = Date.now();
    let wait = delay;
    try {
      s.onStatus?.({ state: 'connecting' });
      base ??= await streamingBase(s);
      await readOnce(s, new URL(path, base), options);
      throw new ConnectorError('mastodon', 'transient', 'The Mastodon streaming connection was closed.');
    } catch (err) {
      if (s.signal.aborted) break;
      if (final(err)) return { outcome: 'poll', error: err };
      if (isConnectorError(err) && err.kind === 'rate_limited') wait = Math.max(wait, err.retryAfterMs ?? 0);
      if (Date.now() - opened >= HEALTHY_MS) wait = delay = options.minDelayMs;
      s.onStatus?.({ state: 'reconnecting', error: err, retryInMs: wait });
    }
    await pause(wait, s.signal);
    delay = Math.min(delay * 2, options.maxDelayMs);
  }
  return { outcome: 'stopped' };
}

function streamPath(stream: PublicStream): string {
  if (stream.kind === 'public') return '/api/v1/streaming/public';
  return `/api/v1/streaming/hashtag?tag=${encodeURIComponent(hashtagName(stream.tag))}`;
}

/** The instance's streaming URL (ws: or wss:, as Mastodon gives it) as the http(s) address of its event streams. */
async function streamingBase(s: PublicStreamOptions): Promise<string> {
  const http = new MastodonHttp({ baseUrl: s.instanceUrl, fetch: s.fetch });
  let given: string | null | undefined;
  try {
    given = (await http.call('/api/v2/instance', Instance)).data.configuration?.urls?.streaming;
  } catch (err) {
    // Servers without /api/v2/instance may still stream at the instance's own address.
    if (!isConnectorError(err) || err.kind !== 'gone') throw err;
  }
  if (!given) return s.instanceUrl;
  try {
    const url = new URL(given);
    url.protocol = url.protocol === 'wss:' ? 'https:' : url.protocol === 'ws:' ? 'http:' : url.protocol;
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : s.instanceUrl;
  } catch {
    return s.instanceUrl;
  }
}

async function readOnce(s: PublicStreamOptions, url: URL, options: StreamOptions): Promise<void> {
  await readEventStream({
    url, token: s.accessToken, fetch: s.fetch, signal: s.signal,
    idleTimeoutMs: options.idleTimeoutMs, maxEventBytes: options.maxEventBytes,
    refused: (res) => refusal(res, Boolean(s.accessToken)),
    onOpen: () => s.onStatus?.({ state: 'streaming' }),
    onEvent: async (event, data) => {
      if (event === 'update') await deliver(s, data);
    },
  });
}

/** One `update`: a status that reads as a public post is handed on; anything else is passed over. */
async function deliver(s: PublicStreamOptions, data: string): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return;
  }
  const post = toListeningPost(json, s.instanceUrl);
  if (!post) return;
  const id = (json as { id?: unknown }).id;
  const statusIds = typeof id === 'string' || typeof id === 'number' ? [String(id)] : [];
  try {
    await s.onPosts([post], { statusIds });
  } catch (error) {
    s.onStatus?.({ state: 'undelivered', error, statusIds });
  }
}

function refusal(res: Response, signedIn: boolean): ConnectorError {
  const opts = { status: res.status };
  if (res.status === 401 && signedIn) return new ConnectorError('mastodon', 'auth_expired', 'Mastodon refused the access token for streaming; reconnect the account.', opts);
  if (res.status === 401 || res.status === 403) {
    return new ConnectorError('mastodon', 'forbidden', 'This instance streams its public timelines only to signed-in accounts: it is polled instead.', { ...opts, networkCode: 'auth_required' });
  }
  if (res.status === 429) {
    const reset = Date.parse(res.headers.get('x-ratelimit-reset') ?? '');
    return new ConnectorError('mastodon', 'rate_limited', 'Too many streaming connections to this Mastodon server.', {
      ...opts, retryAfterMs: Number.isFinite(reset) ? reset - Date.now() : undefined,
    });
  }
  if (res.status >= 500 && res.status !== 501) return new ConnectorError('mastodon', 'transient', `The Mastodon streaming server failed (HTTP ${res.status}).`, opts);
  return new ConnectorError('mastodon', 'rejected', 'This Mastodon server offers no streaming API: its timeline is polled.', { ...opts, networkCode: 'no_streaming' });
}

