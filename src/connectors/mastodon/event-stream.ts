/**
 * One connection to a Mastodon streaming endpoint, read as server-sent events through the fetch the connector was
 * given: the app's guarded fetch, asked for its streaming mode (no overall time or size limit; an idle timeout that
 * Mastodon's heartbeats keep at bay, and a cap on each event). It returns when the server closes the connection and
 * throws a ConnectorError when the connection cannot be opened, is refused or breaks. Reconnecting, and what each
 * event means, belong to the caller (the inbox's notifications, listening's public timelines).
 */
import { blockedCause } from '../../net/address-guard.js';
import type { OutboundLimits } from '../../net/guarded-fetch.js';
import { ConnectorError, isConnectorError } from '../errors.js';
import { EventStreamParser } from './sse.js';

type StreamingFetch = (input: URL, init: RequestInit, limits: OutboundLimits) => Promise<Response>;

export interface EventStreamRequest {
  url: URL;
  /** Sent as a bearer token when given (public timelines mostly stream without one). */
  token?: string | null;
  fetch: typeof fetch;
  signal: AbortSignal;
  /** Silence that means the connection is dead, and the largest event read. */
  idleTimeoutMs: number;
  maxEventBytes: number;
  /** An answer that is not an event stream, as the caller words it: what to do about it depends on the stream. */
  refused(res: Response): ConnectorError;
  /** The server accepted: events follow. */
  onOpen(): Promise<void> | void;
  onEvent(event: string, data: string): Promise<void>;
}

export async function readEventStream(r: EventStreamRequest): Promise<void> {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (r.token) headers.authorization = `Bearer ${r.token}`;
  let res: Response;
  try {
    res = await (r.fetch as unknown as StreamingFetch)(r.url, { headers, signal: r.signal }, {
      stream: { idleTimeoutMs: r.idleTimeoutMs, maxEventBytes: r.maxEventBytes },
    });
  } catch (cause) {
    throw unanswered(cause);
  }
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok || !type.startsWith('text/event-stream')) {
    await res.body?.cancel().catch(() => {});
    throw r.refused(res);
  }
  await r.onOpen();
  const parser = new EventStreamParser(r.maxEventBytes);
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
      for (const e of events) await r.onEvent(e.event, e.data);
    }
  } finally {
    reader.releaseLock();
    await res.body?.cancel().catch(() => {});
  }
}

/** A connection that never answered: refused for good when the address guard said so, else worth trying again. */
function unanswered(cause: unknown): ConnectorError {
  if (isConnectorError(cause)) return cause;
  const blocked = blockedCause(cause);
  if (blocked && !blocked.temporary) return new ConnectorError('mastodon', 'rejected', blocked.message, { networkCode: 'blocked_address', cause });
  return new ConnectorError('mastodon', 'transient', 'The Mastodon streaming connection failed.', { networkCode: 'no_answer', cause });
}
