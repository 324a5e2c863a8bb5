/**
 * The one error every connector throws. Its `kind` decides what the caller does:
 * retry later, refresh or reconnect the account, fix the post, or check before trying again.
 */
export const CONNECTOR_ERROR_KINDS = [
  'auth_expired', // credentials no longer work: ask the user to reconnect
  'forbidden', // the account may not do this (scope, suspension, blocked by the author)
  'rejected', // the network refused the content or request as it is: retrying the same thing fails again
  'rate_limited', // wait retryAfterMs, then retry
  'transient', // network or server trouble: retry with backoff
  'gone', // the target (post, comment, account) no longer exists
  'unknown_outcome', // a write may or may not have happened: check (findExisting) before any retry
] as const;
export type ConnectorErrorKind = (typeof CONNECTOR_ERROR_KINDS)[number];

export type ConnectorAction = 'retry' | 'reconnect' | 'fix' | 'check' | 'drop';

const ACTION: Record<ConnectorErrorKind, ConnectorAction> = {
  auth_expired: 'reconnect',
  forbidden: 'fix',
  rejected: 'fix',
  rate_limited: 'retry',
  transient: 'retry',
  gone: 'drop',
  unknown_outcome: 'check',
};

export interface ConnectorErrorOptions {
  /** Milliseconds to wait before trying again; only for rate_limited. */
  retryAfterMs?: number;
  /** The network's HTTP status, when there was an answer. */
  status?: number;
  /** The network's own error name (e.g. `ExpiredToken`), for logs. */
  networkCode?: string;
  cause?: unknown;
}

export class ConnectorError extends Error {
  readonly code = 'connector_error';
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;
  readonly networkCode: string | undefined;

  /** `message` is the network's own wording when it gave one: it is what the user is shown. */
  constructor(
    readonly network: string,
    readonly kind: ConnectorErrorKind,
    message: string,
    opts: ConnectorErrorOptions = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'ConnectorError';
    this.retryAfterMs = kind === 'rate_limited' ? Math.max(0, opts.retryAfterMs ?? 60_000) : undefined;
    this.status = opts.status;
    this.networkCode = opts.networkCode;
  }

  /** Read by the job runner: only these kinds may be retried as they are. */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'transient';
  }

  get action(): ConnectorAction {
    return ACTION[this.kind];
  }
}

export const isConnectorError = (err: unknown): err is ConnectorError => err instanceof ConnectorError;

/** For a `.catch` on a delete: what is already gone needs no deleting. */
export function ignoreGone(err: unknown): void {
  if (err instanceof ConnectorError && err.kind === 'gone') return;
  throw err;
}

/** A read of something that may have been deleted since: null rather than an error. */
export async function nullIfGone<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof ConnectorError && err.kind === 'gone') return null;
    throw err;
  }
}

/** A proxy or the server itself saying it is unavailable for now (restarting, overloaded), whatever the body says. */
export const isUnavailableStatus = (status: number): boolean => status === 502 || status === 503 || status === 504;

// Bodies that only repeat the status line, or a framework's catch-all: no reason is given.
const GENERIC = new Set(['internalservererror', 'servererror', 'error', 'unknownerror', 'anerroroccurred',
  'anunexpectederroroccurred', 'unexpectederror', 'internalerror', 'somethingwentwrong']);

/** Whether a network's error message gives a reason, rather than "Internal Server Error" or the bare status. */
export function explainsFailure(message: string | null | undefined, status: number): boolean {
  const words = (message ?? '').toLowerCase().replace(/[^a-z]/g, '');
  if (!words) return false;
  const statusLine = (STATUS_TEXT[status] ?? '').toLowerCase().replace(/[^a-z]/g, '');
  return words !== statusLine && words !== 'http' && !GENERIC.has(words);
}

const STATUS_TEXT: Record<number, string> = {
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout', 507: 'Insufficient Storage',
};

/**
 * HTTP status → kind, for networks whose errors are plain HTTP (the connector refines where it knows more).
 * A server error to a write that comes with a reason ("the parent does not exist") is the server refusing
 * what was sent, even as a 500: sending it again fails again. Without a reason, it may be passing trouble.
 */
export function kindForStatus(status: number, answer: { write?: boolean; explained?: boolean } = {}): ConnectorErrorKind {
  if (status === 401) return 'auth_expired';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'gone';
  if (status === 429) return 'rate_limited';
  if (status === 408 || isUnavailableStatus(status)) return 'transient';
  if (status >= 500) return answer.write && answer.explained ? 'rejected' : 'transient';
  return 'rejected';
}
