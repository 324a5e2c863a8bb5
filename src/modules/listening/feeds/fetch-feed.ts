/**
 * Reads one feed: a conditional request through the guarded client (every hop checked against private networks,
 * held to a size and a time limit, the limit counting bytes after decompression so a gzip bomb stops there), then
 * its entries as listening posts. Nothing is stored here: the caller keeps the validators and `pollAfterMs` for
 * the next call, and sets the feed aside or backs off on a `FeedError`.
 */
import { guardedFetch, OutboundLimitError, type OutboundLimits } from '../../../net/guarded-fetch.js';
import { blockedCause } from '../../../net/address-guard.js';
import type { ListeningPost } from '../types.js';
import { decodeFeedBody } from './decode-body.js';
import { FeedError } from './feed-error.js';
import { feedContext, feedPost } from './feed-post.js';
import { maxAgeMs, pollAfterMs, retryAfterMs, withinBounds } from './poll-interval.js';
import { readFeed } from './read-feed.js';

export const FEED_MAX_BYTES = 5 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 20_000;
/** Entries taken from one answer: a feed listing thousands is an archive, not news. */
export const FEED_MAX_ENTRIES = 500;
const MAX_VALIDATOR_CHARS = 1_024;

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/** The guarded client's signature (`ctx.guardedFetch`), or any fetch that takes its limits. */
export type FeedFetch = (input: string | URL | Request, init?: RequestInit, limits?: OutboundLimits) => Promise<Response>;

/** The validators kept from the last answer, sent back so an unchanged feed costs a 304. */
export interface FeedValidators {
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchFeedOptions {
  /** Defaults to the guarded client that allows public addresses only. */
  fetch?: FeedFetch;
  maxBytes?: number;
  timeoutMs?: number;
  maxEntries?: number;
  /** The clock, for entries without a date and for a Retry-After given as a date. */
  now?: number;
}

export interface FeedInfo {
  title: string | null;
  siteUrl: string | null;
  language: string | null;
}

interface Answered {
  etag: string | null;
  lastModified: string | null;
  /** Where the feed was finally read, after redirects. */
  finalUrl: string;
  /** When to ask again: the feed's own interval, within 5 minutes and 24 hours. */
  pollAfterMs: number;
}

export type FetchFeedResult =
  | ({ status: 'not_modified' } & Answered)
  | ({ status: 'ok'; feed: FeedInfo; posts: ListeningPost[] } & Answered);

export async function fetchFeed(url: string, previous: FeedValidators, opts: FetchFeedOptions = {}): Promise<FetchFeedResult> {
  const now = opts.now ?? Date.now();
  const maxBytes = opts.maxBytes ?? FEED_MAX_BYTES;
  const fetch = opts.fetch ?? guardedFetch;
  const headers = new Headers({ accept: ACCEPT, 'user-agent': 'Ruche feed reader' });
  if (previous.etag) headers.set('if-none-match', previous.etag);
  if (previous.lastModified) headers.set('if-modified-since', previous.lastModified);

  let res: Response;
  let bytes: Uint8Array;
  try {
    res = await fetch(url, { headers, redirect: 'follow' }, { maxBytes, timeoutMs: opts.timeoutMs ?? FEED_TIMEOUT_MS });
    if (res.status !== 304 && (res.status < 200 || res.status > 299)) throw httpError(res, now);
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (err) {
    throw failure(err, maxBytes);
  }

  const answered: Answered = {
    etag: validator(res.headers.get('etag')) ?? (res.status === 304 ? (previous.etag ?? null) : null),
    lastModified: validator(res.headers.get('last-modified')) ?? (res.status === 304 ? (previous.lastModified ?? null) : null),
    finalUrl: res.url || url,
    pollAfterMs: pollAfterMs([maxAgeMs(res.headers.get('cache-control'))]),
  };
  if (res.status === 304) return { status: 'not_modified', ...answered };

  const finalUrl = new URL(answered.finalUrl);
  const doc = readFeed(decodeFeedBody(bytes, res.headers.get('content-type')), opts.maxEntries ?? FEED_MAX_ENTRIES);
  const context = feedContext(doc, finalUrl, now);
  const seen = new Set<string>();
  const posts: ListeningPost[] = [];
  for (const entry of doc.entries) {
    const post = feedPost(entry, context);
    if (post === null || seen.has(post.uri)) continue;
    seen.add(post.uri);
    posts.push(post);
  }
  return {
    status: 'ok',
    feed: { title: context.title, siteUrl: context.siteUrl, language: context.languages[0] ?? null },
    posts,
    ...answered,
    pollAfterMs: pollAfterMs([maxAgeMs(res.headers.get('cache-control')), doc.declaredIntervalMs]),
  };
}

function httpError(res: Response, now: number): FeedError {
  void res.body?.cancel().catch(() => {});
  const status = res.status;
  const wait = status === 429 || status === 503 ? retryAfterMs(res.headers.get('retry-after'), now) : null;
  return new FeedError('http_status', `The server answered ${status}${res.statusText ? ` ${res.statusText.slice(0, 60)}` : ''}.`, {
    status,
    transient: status === 408 || status === 425 || status === 429 || status >= 500,
    pollAfterMs: wait === null ? null : withinBounds(wait),
  });
}

/** Any failure of the exchange as a FeedError: the guard's refusals, the limits, the clock and the network. */
function failure(err: unknown, maxBytes: number): FeedError {
  if (err instanceof FeedError) return err;
  const blocked = blockedCause(err);
  if (blocked) return new FeedError('blocked_address', blocked.message, { transient: blocked.temporary, cause: err });
  const limit = causeOf(err, (e) => e instanceof OutboundLimitError) as OutboundLimitError | null;
  if (limit?.code === 'too_many_redirects') {
    return new FeedError('too_many_redirects', 'The feed redirects too many times.', { transient: false, cause: err });
  }
  if (limit) {
    return new FeedError('too_large', `The feed is larger than ${Math.round(maxBytes / 1024)} KB.`, { transient: false, cause: err });
  }
  if (causeOf(err, (e) => e.name === 'TimeoutError' || /TIMEOUT/.test(String((e as { code?: unknown }).code)))) {
    return new FeedError('timeout', 'The feed took too long to answer.', { transient: true, cause: err });
  }
  return new FeedError('unreachable', 'The feed could not be reached.', { transient: true, cause: err });
}

function causeOf(err: unknown, test: (e: Error) => boolean): Error | null {
  for (let e = err, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (test(e)) return e;
  }
  return null;
}

/** A validator to send back as it came, unless it is too long to be one. */
function validator(value: string | null): string | null {
  return value && value.length <= MAX_VALIDATOR_CHARS ? value : null;
}
