/**
 * X API v2 errors (docs.x.com/x-api/fundamentals/response-codes-and-errors): problem JSON with `title`, `detail`
 * and `type`, sometimes an `errors` array; rate limits per endpoint and 15-minute window in x-rate-limit-* headers.
 * Each becomes a kind with X's own words and what the user can do.
 */
import { ConnectorError, kindForStatus } from '../errors.js';

export const DUPLICATE = 'duplicate_content';

interface Problem {
  title?: unknown;
  detail?: unknown;
  type?: unknown;
  errors?: Array<{ message?: unknown; detail?: unknown }>;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export function xError(status: number, body: unknown, headers: Headers, now: number): ConnectorError {
  const p = (body && typeof body === 'object' ? body : {}) as Problem;
  const first = Array.isArray(p.errors) ? p.errors[0] : undefined;
  const said = str(p.detail) ?? str(first?.message) ?? str(first?.detail) ?? str(p.title) ?? `HTTP ${status}`;
  const type = str(p.type);
  if (status === 429) {
    const reset = Number(headers.get('x-rate-limit-reset'));
    const at = Number.isFinite(reset) && reset > 0 ? reset * 1000 : now + 15 * 60_000;
    const limit = headers.get('x-rate-limit-limit');
    const window = limit ? ` (${limit} calls per 15-minute window)` : '';
    return new ConnectorError('x', 'rate_limited', `${said}: X's limit for this action is reached${window}; wait until ${new Date(at).toISOString().slice(11, 16)} UTC.`, {
      status, networkCode: 'rate_limited', retryAfterMs: Math.max(1000, at - now),
    });
  }
  if (status === 403 && /duplicate content/i.test(said)) {
    return new ConnectorError('x', 'rejected', `${said} X refuses the same text twice in a row: change it.`, { status, networkCode: DUPLICATE });
  }
  if (status === 401) {
    return new ConnectorError('x', 'auth_expired', `${said}: X no longer accepts this connection; connect the account again.`, { status, networkCode: type });
  }
  if (status === 403) {
    return new ConnectorError('x', 'forbidden', `${said} Connect the account again and grant Ruche every permission X asks for, or check the app's access level in the X developer console.`, {
      status, networkCode: type,
    });
  }
  return new ConnectorError('x', kindForStatus(status), status >= 500 ? `${said} (HTTP ${status})` : said, { status, networkCode: type });
}
