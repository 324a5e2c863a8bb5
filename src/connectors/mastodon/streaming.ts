/**
 * The account's notifications from Mastodon's streaming API (GET /api/v1/streaming/user/notification, token in the
 * Authorization header; each connection read by `event-stream.ts`). Dropped connections are opened again with a
 * growing pause; a server without streaming, or credentials that no longer work, end the subscription with the
 * reason, and the caller polls.
 */
import { pause } from '../../shared/pause.js';
import { ConnectorError, isConnectorError } from '../errors.js';
import type { InboundStreamHandlers } from '../types.js';
import { readEventStream } from './event-stream.js';
import { Notification } from './schemas.js';

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
  await readEventStream({
    url: new URL('/api/v1/streaming/user/notification', await s.base()),
    token: s.token, fetch: s.fetch, signal: s.signal,
    idleTimeoutMs: s.options.idleTimeoutMs, maxEventBytes: s.options.maxEventBytes,
    refused: refusal,
    onOpen: () => s.handlers.live?.('streaming'),
    onEvent: (event, data) => deliver(s, event, data),
  });
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
