import { XRPCError } from '@atproto/api';
import { blockedCause } from '../../net/address-guard.js';
import { ConnectorError, kindForStatus, type ConnectorErrorKind } from '../errors.js';

const AUTH = new Set(['ExpiredToken', 'InvalidToken', 'AuthMissing', 'AuthenticationRequired']);
const GONE = new Set(['RecordNotFound', 'RepoNotFound', 'AccountNotFound', 'NotFound']);
const FORBIDDEN = new Set(['AccountTakedown', 'AccountDeactivated', 'RepoTakendown', 'RepoDeactivated']);

/** A call that never left this server, so nothing can have been written. */
export const neverSent = (err: ConnectorError) => err.networkCode === 'blocked_address' || err.networkCode === 'unreachable';

/** An SDK or PDS error → our one error kind, keeping the PDS's own message for the user. */
export function toConnectorError(err: unknown, now: () => number = Date.now): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const refusal = blockedCause(err);
  if (refusal) {
    // Refused before anything was sent: final in the guard's words, unless the resolver only failed for now.
    if (!refusal.temporary) return new ConnectorError('bluesky', 'rejected', refusal.message, { networkCode: 'blocked_address', cause: err });
    return new ConnectorError('bluesky', 'transient', 'The Bluesky server could not be reached.', { networkCode: 'unreachable', cause: err });
  }
  if (!(err instanceof XRPCError)) {
    return new ConnectorError('bluesky', 'transient', 'The Bluesky server did not answer.', { networkCode: 'no_answer', cause: err });
  }
  const name = err.error;
  let kind: ConnectorErrorKind;
  if (err.status === 1) kind = 'transient'; // no answer at all: the request may have been processed
  else if (err.status === 2) kind = 'transient'; // an answer that was not valid XRPC
  else if (AUTH.has(name)) kind = 'auth_expired';
  else if (GONE.has(name) || /could not locate record/i.test(err.message)) kind = 'gone';
  else if (FORBIDDEN.has(name)) kind = 'forbidden';
  else if (err.status === 404) kind = 'rejected'; // in XRPC a 404 is an unknown method, not a missing record
  else kind = kindForStatus(err.status);
  const reset = Number(err.headers?.['ratelimit-reset']);
  return new ConnectorError('bluesky', kind, err.message || name, {
    status: err.status > 99 ? err.status : undefined,
    networkCode: err.status === 1 ? 'no_answer' : name,
    retryAfterMs: kind === 'rate_limited' && Number.isFinite(reset) ? reset * 1000 - now() : undefined,
    cause: err,
  });
}
