/**
 * Graph API errors → ConnectorError kinds. Codes from "Graph API: Handling Errors" and "Rate Limiting"
 * (developers.facebook.com/docs/graph-api/guides/error-handling, /overview/rate-limiting, v24.0) and the
 * Instagram content-publishing error codes. The user is shown Meta's own message with what to do.
 */
import { ConnectorError, type ConnectorErrorKind } from '../errors.js';
import { retryAfterFromUsage } from './usage.js';

export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_msg?: string;
  fbtrace_id?: string;
}

// Application, user, page and business-use-case throttling; 80001–80014 are the per-use-case codes.
const RATE_CODES = new Set([4, 17, 32, 613, 80001, 80002, 80003, 80004, 80005, 80006, 80008, 80009, 80014]);

function kindOf(e: GraphErrorBody, status: number, write: boolean): ConnectorErrorKind {
  const code = e.code ?? 0;
  const sub = e.error_subcode ?? 0;
  if (code === 190 || code === 102 || code === 2500 || e.type === 'OAuthException' && status === 401) return 'auth_expired';
  if (RATE_CODES.has(code)) return 'rate_limited';
  // Instagram: "The account has reached its limit of API-published posts in 24 hours".
  if (sub === 2207042) return 'rate_limited';
  if (code === 10 || (code >= 200 && code <= 299)) return 'forbidden';
  if (code === 368) return 'forbidden';
  if (code === 506) return 'rejected';
  // Media not ready for publishing (Instagram's container still processing).
  if (code === 9007 || sub === 2207027) return 'transient';
  if (code === 100 && sub === 33) return 'gone';
  if (code === 803) return 'gone';
  if (code === 1 || code === 2) return write ? 'unknown_outcome' : 'transient';
  if (status >= 500) return write ? 'unknown_outcome' : 'transient';
  return 'rejected';
}

const ACTION: Partial<Record<ConnectorErrorKind, string>> = {
  auth_expired: 'Reconnect the account in Ruche to give it a new access token.',
  forbidden: 'Grant the missing permission when reconnecting the account (or ask a Page admin for the task).',
};

export function graphError(network: string, status: number, body: unknown, headers: Headers, now: number, write: boolean): ConnectorError {
  const e: GraphErrorBody = (body && typeof body === 'object' && 'error' in body ? (body as { error: GraphErrorBody }).error : null) ?? {};
  const kind = kindOf(e, status, write);
  const own = e.error_user_msg || e.message || `HTTP ${status}`;
  let message = ACTION[kind] ? `${own} — ${ACTION[kind]}` : own;
  let retryAfterMs: number | undefined;
  if (kind === 'rate_limited') {
    retryAfterMs = retryAfterFromUsage(headers) ?? 60 * 60_000;
    message = `${own} — Meta allows more calls again at ${new Date(now + retryAfterMs).toISOString()}.`;
  }
  if (kind === 'transient' && (e.code === 9007 || e.error_subcode === 2207027)) retryAfterMs = undefined;
  return new ConnectorError(network, kind, message, {
    status, retryAfterMs, networkCode: e.code === undefined ? undefined : `${e.code}${e.error_subcode ? `/${e.error_subcode}` : ''}`,
  });
}
