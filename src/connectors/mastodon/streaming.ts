/**
 * Mastodon's streaming API read as server-sent events (GET /api/v1/streaming/user/notification, token in the
 * Authorization header), through the fetch the connector was given: the app's guarded fetch, asked for its
 * streaming mode (no overall time or size limit; an idle timeout that Mastodon's heartbeats keep at bay, and a
 * cap on each event). Dropped connections are opened again with a growing pause; a server without streaming,
 * or credentials that no longer work, end the subscription with the reason, and the caller polls.
 */
import { pause } from '../../shared/pause.js';
import { blockedCause } from '../../net/address-guard.js';
import type { OutboundLimits } from '../../net/guarded-fetch.js';
import { ConnectorError, isConnectorError } from '../errors.js';
import type { InboundStreamHandlers } from '../types.js';
import { Notification } from './schemas.js';
import { EventStreamParser } from './sse.js';

export interface StreamOptions {
  /** Mastodon sends a heartbeat every 15 s or so: this much silence means the connection is dead. */
  idleTimeoutMs: number;
  maxEventBytes: number;
  minDelayMs: number;
  maxDelayMs: number;
}

export const STREAM_DEFAULTS: StreamOptions = { idleTimeoutMs: 60_000, maxEventBytes: 1024 * 1024, minDelayMs: 1000, maxDelayMs: 5 * 60_000 };

/** A connection that stayed up this long was healthy: the next pause starts small again. */
const HEALTHY_MS = 60_000;

type StreamingFetch = (input: URL, init: RequestInit, limits: OutboundLimits) => Promise<Response>;

export interface NotificationStream {
  fetch: typeof fetch;
  token: string;
  /** Where the streaming API lives (http or https). */
  base(): Promise<string>;
  onNotification(n: Notification): Promise<void>;
  handlers: InboundStreamHandlers;
  signal: AbortSignal;
  options: StreamOptions;
}

const permanent = (err: unknown) => isConnectorError(err) && (err.kind === 'auth_expired' || err.kind === 'forbidden' || err.kind === 'rejected');

export async function runNotificationStream(s: NotificationStream): Promise<void> {
  let delay = s.options.minDelayMs;
  while (!s.signal.aborted) {
    const opened = Date.now();
    try {
      await readOnce(s);
      if (!s.signal.aborted) s.handlers.error?.(new ConnectorError('mastodon', 'transient', 'The Mastodon streaming connection was closed.'));
    } catch (err) {
      if (s.signal.aborted) return;
      if (permanent(err)) throw err;
      s.handlers.error?.(err);
    }
    if (Date.now() - opened >= HEALTHY_MS) delay = s.options.minDelayMs;
    await pause(delay, s.signal);
    delay = Math.min(delay * 2, s.options.maxDelayMs);
  }
}

async function readOnce(s: NotificationStream): Promise<void> {
  const url = new URL('/api/v1/streaming/user/notification', await s.base());
  let res: Response;
  try {
    const init: RequestInit = { headers: { authorization: `Bearer ${s.token}`, accept: 'text/event-stream' }, signal: s.signal };
    res = await (s.fetch as unknown as StreamingFetch)(url, init, {
      stream: { idleTimeoutMs: s.options.idleTimeoutMs, maxEventBytes: s.options.maxEventBytes },
    });
  } catch (cause) {
    throw unanswered(cause);
  }
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok || !type.startsWith('text/event-stream')) {
    await res.body?.cancel().catch(() => {});
    throw refusal(res);
  }
  await s.handlers.live?.('streaming');
  const parser = new EventStreamParser(s.options.maxEventBytes);
  const decoder = new TextDecoder();
  const reader = res.body!.getReader();
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (cause) {
        throw unanswered(cause);
      }
      if (chunk.done) return;
      let events;
      try {
        events = parser.push(decoder.decode(chunk.value, { stream: true }));
      } catch (cause) {
        throw new ConnectorError('mastodon', 'transient', 'The Mastodon streaming server sent an event too large to read.', { cause });
      }
      for (const e of events) await deliver(s, e.event, e.data);
    }
  } finally {
    reader.releaseLock();
    await res.body?.cancel().catch(() => {});
  }
}

/** One event: a notification is handed on; anything else (other events, unreadable data) is passed over. */
async function deliver(s: NotificationStream, event: string, data: string): Promise<void> {
  if (event !== 'notification') return;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return;
  }
  const n = Notification.safeParse(json);
  if (!n.success) return;
  try {
    await s.onNotification(n.data);
  } catch (err) {
    // Polling still reads it; the stream goes on.
    s.handlers.error?.(err);
  }
}

function refusal(res: Response): ConnectorError {
  const opts = { status: res.status };
  if (res.status === 401) return new ConnectorError('mastodon', 'auth_expired', 'Mastodon refused the access token for streaming; reconnect the account.', opts);
  if (res.status === 403) return new ConnectorError('mastodon', 'forbidden', 'Mastodon does not let this account use the streaming API.', opts);
  if (res.status === 429) return new ConnectorError('mastodon', 'rate_limited', 'Too many streaming connections to this Mastodon server.', opts);
  if (res.status >= 500) return new ConnectorError('mastodon', 'transient', `The Mastodon streaming server failed (HTTP ${res.status}).`, opts);
  return new ConnectorError('mastodon', 'rejected', 'This Mastodon server offers no streaming API: its inbox is polled.', { ...opts, networkCode: 'no_streaming' });
}

/** A connection that never answered: refused for good when the address guard said so, else worth trying again. */
export function unanswered(cause: unknown): ConnectorError {
  if (isConnectorError(cause)) return cause;
  const blocked = blockedCause(cause);
  if (blocked && !blocked.temporary) return new ConnectorError('mastodon', 'rejected', blocked.message, { networkCode: 'blocked_address', cause });
  return new ConnectorError('mastodon', 'transient', 'The Mastodon streaming connection failed.', { networkCode: 'no_answer', cause });
}

