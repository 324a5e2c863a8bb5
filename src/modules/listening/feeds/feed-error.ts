/**
 * Why a feed could not be read: a stable `reason` the interface translates, a short English message for logs,
 * and whether trying again later may help, so that the poller backs off on a passing trouble and sets the feed
 * aside, with the reason shown, on the others.
 */
export const FEED_ERROR_REASONS = [
  'blocked_address', // the address, or a redirect's, leads to a private network or is not a web address
  'too_large', // the body (after decompression) passed the size limit
  'timeout', // the whole exchange took longer than the time limit
  'too_many_redirects',
  'http_status', // the server answered with an error status, kept in `status`
  'not_a_feed', // a web page or another kind of document
  'malformed', // a feed, but broken XML or JSON
  'unreachable', // no answer: refused, reset, name trouble
] as const;
export type FeedErrorReason = (typeof FEED_ERROR_REASONS)[number];

export interface FeedErrorOptions {
  transient: boolean;
  /** The HTTP status, for `http_status`. */
  status?: number | null;
  /** When the server said when to come back (Retry-After), already held within the polling bounds. */
  pollAfterMs?: number | null;
  cause?: unknown;
}

export class FeedError extends Error {
  readonly code = 'feed_error';
  readonly transient: boolean;
  readonly status: number | null;
  readonly pollAfterMs: number | null;

  constructor(
    readonly reason: FeedErrorReason,
    message: string,
    options: FeedErrorOptions,
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FeedError';
    this.transient = options.transient;
    this.status = options.status ?? null;
    this.pollAfterMs = options.pollAfterMs ?? null;
  }
}
