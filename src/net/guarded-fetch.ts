/**
 * The one HTTP client for addresses that a user, a feed or a network gave us. Each connection is checked
 * where it is made (guarded-dispatcher.ts); here each redirect hop is followed by hand so that its URL is
 * checked too and its connection goes through the same dispatcher, and answers are held to size and time
 * limits. The signature is fetch's, so SDKs (AtpAgent) and connectors take it as their `fetch`.
 */
import type { Dispatcher } from 'undici';
import { BlockedAddressError, blockedCause, outboundUrl } from './address-guard.js';
import { createGuardedDispatcher, type AddressPolicy } from './guarded-dispatcher.js';
import { isPublicAddress } from './public-address.js';
import { limitBody, OutboundLimitError } from './limited-body.js';
import { limitEventStream, type StreamLimits } from './event-stream-body.js';

export interface OutboundLimits {
  /** The largest response body read, in bytes. */
  maxBytes?: number;
  /** For the whole exchange: connecting, every redirect and reading the body. */
  timeoutMs?: number;
  /** Redirects followed when the request's `redirect` is `follow`, each hop checked like the first. */
  maxRedirects?: number;
  /**
   * An event stream (server-sent events), read for as long as the caller wants: `timeoutMs` then covers only
   * connecting and the answer's headers, `maxBytes` does not apply, and the body fails instead when it stays
   * silent for `idleTimeoutMs` or one event grows past `maxEventBytes`.
   */
  stream?: StreamLimits;
}

export interface GuardedFetchOptions extends OutboundLimits {
  /** Where connections are made; `null` turns the address check off (ALLOW_PRIVATE_NETWORKS). */
  dispatcher?: Dispatcher | null;
}

export interface GuardedFetch {
  (input: string | URL | Request, init?: RequestInit, limits?: OutboundLimits): Promise<Response>;
  /** Closes its connections, cutting calls still running: for shutdown, after the work that uses it stopped. */
  close(): Promise<void>;
}

export const DEFAULT_LIMITS: Required<Omit<OutboundLimits, 'stream'>> = { maxBytes: 10 * 1024 * 1024, timeoutMs: 30_000, maxRedirects: 5 };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

let publicOnly: Promise<Dispatcher> | undefined;

interface Hop {
  url: URL;
  method: string;
  headers: Headers;
  body: ArrayBuffer | ReadableStream<Uint8Array> | null;
}

export async function guardedFetch(input: string | URL | Request, init: RequestInit = {}, options: GuardedFetchOptions = {}): Promise<Response> {
  const { dispatcher: given, ...rest } = options;
  const limits = { ...DEFAULT_LIMITS, ...withoutUndefined(rest) };
  const dispatcher = given === undefined ? await (publicOnly ??= createGuardedDispatcher({ isAllowed: isPublicAddress })) : given;
  outboundUrl(input instanceof Request ? input.url : input);
  const request = new Request(input, init);
  // A stream's deadline covers only its start: `cut` ends it later, when it goes silent or sends too much.
  const cut = new AbortController();
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const signal = AbortSignal.any(limits.stream ? [request.signal, cut.signal] : [request.signal, deadline]);
  const started = limits.stream ? startedWithin(deadline, cut) : () => {};
  const mode = request.redirect;
  // A body is kept in memory only when a 307/308 may have to send it again.
  const body = request.body && mode === 'follow' ? await request.arrayBuffer() : request.body;
  let hop: Hop = { url: new URL(request.url), method: request.method, headers: new Headers(request.headers), body };
  for (let redirects = 0; ; redirects++) {
    const res = await send(hop, signal, dispatcher);
    const location = REDIRECTS.has(res.status) && mode !== 'manual' ? res.headers.get('location') : null;
    if (location === null && limits.stream) {
      started();
      return limitEventStream(res, limits.stream, hop.url, redirects > 0, signal, (e) => cut.abort(e));
    }
    if (location === null) return limitBody(res, limits.maxBytes, hop.url, redirects > 0);
    await res.body?.cancel();
    if (mode === 'error') throw new TypeError(`${hop.url.host} answered with a redirect, which this call does not follow.`);
    if (redirects >= limits.maxRedirects) throw new OutboundLimitError('too_many_redirects', `More than ${limits.maxRedirects} redirects.`);
    hop = nextHop(hop, res.status, outboundUrl(location, hop.url));
  }
}

/** Cuts the stream if `deadline` passes before the answer's headers came; the returned function says they came. */
function startedWithin(deadline: AbortSignal, cut: AbortController): () => void {
  const onDeadline = () => cut.abort(deadline.reason);
  deadline.addEventListener('abort', onDeadline, { once: true });
  return () => deadline.removeEventListener('abort', onDeadline);
}

/** A guarded fetch with one connection pool, as the app context holds it. */
export function createGuardedFetch(config: { allowPrivateNetworks: boolean; policy?: Partial<AddressPolicy>; limits?: OutboundLimits }): GuardedFetch {
  // Made by the first call, not with the server.
  let dispatcher: Promise<Dispatcher> | null = null;
  const fetchGuarded = async (input: string | URL | Request, init?: RequestInit, limits?: OutboundLimits) => {
    const checked = config.allowPrivateNetworks ? null : await (dispatcher ??= createGuardedDispatcher({ isAllowed: isPublicAddress, ...config.policy }));
    return guardedFetch(input, init, { ...config.limits, ...limits, dispatcher: checked });
  };
  return Object.assign(fetchGuarded, { close: async () => (await dispatcher)?.destroy() });
}

async function send(hop: Hop, signal: AbortSignal, dispatcher: Dispatcher | null): Promise<Response> {
  const init: RequestInit & { dispatcher?: Dispatcher; duplex?: 'half' } = {
    method: hop.method,
    headers: hop.headers,
    body: hop.body,
    redirect: 'manual',
    signal,
  };
  if (dispatcher) init.dispatcher = dispatcher;
  if (hop.body instanceof ReadableStream) init.duplex = 'half';
  try {
    return await fetch(hop.url, init);
  } catch (err) {
    throw blockedCause(err) ?? err;
  }
}

/** What fetch itself does on a redirect: 303 (and 301/302 after a POST) become a GET without body. */
function nextHop(hop: Hop, status: number, url: URL): Hop {
  const headers = new Headers(hop.headers);
  if (url.origin !== hop.url.origin) CREDENTIAL_HEADERS.forEach((h) => headers.delete(h));
  const toGet = (status === 303 && hop.method !== 'HEAD') || ((status === 301 || status === 302) && hop.method === 'POST');
  if (toGet) {
    BODY_HEADERS.forEach((h) => headers.delete(h));
    return { url, method: 'GET', headers, body: null };
  }
  if (hop.body instanceof ReadableStream) throw new TypeError('Cannot send a streamed body again after a redirect.');
  return { url, method: hop.method, headers, body: hop.body };
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export { BlockedAddressError, OutboundLimitError };
