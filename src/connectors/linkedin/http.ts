/**
 * LinkedIn's versioned REST API (https://api.linkedin.com/rest, `LinkedIn-Version: YYYYMM`, Rest.li protocol 2.0.0).
 * Errors come as `{status, serviceErrorCode, code, message}` (learn.microsoft.com/linkedin/shared/api-guide/concepts/
 * error-handling); a 429 carries no rate headers: limits are per app and per member per day, reset at midnight UTC
 * (…/api-guide/concepts/rate-limits).
 */
import { ConnectorError, explainsFailure, kindForStatus } from '../errors.js';

/** The Marketing version this connector was written against (versions live a year before sunset). */
export const LINKEDIN_VERSION = '202611';

export interface LinkedInHttpOptions {
  apiBase: string;
  token: string;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface LinkedInRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Already Rest.li-encoded query (List(...) values and encoded URNs): passed as written. */
  query?: string;
  json?: unknown;
  /** Rest.li method for finders and batch reads. */
  restliMethod?: 'FINDER' | 'BATCH_GET';
}

export interface LinkedInAnswer {
  status: number;
  headers: Headers;
  json: unknown;
}

/** An URN as one path segment or one query value. */
export const encodeUrn = (urn: string): string => encodeURIComponent(urn);

const DAY_MS = 86_400_000;

export class LinkedInHttp {
  constructor(private readonly opts: LinkedInHttpOptions) {}

  async call(path: string, req: LinkedInRequest = {}): Promise<LinkedInAnswer> {
    const url = `${this.opts.apiBase.replace(/\/$/, '')}${path}${req.query ? `?${req.query}` : ''}`;
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.opts.token}`,
      'linkedin-version': LINKEDIN_VERSION,
      'x-restli-protocol-version': '2.0.0',
      accept: 'application/json',
    };
    if (req.restliMethod) headers['x-restli-method'] = req.restliMethod;
    if (req.json !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await (this.opts.fetch ?? fetch)(url, {
        method: req.method ?? 'GET',
        headers,
        body: req.json === undefined ? undefined : JSON.stringify(req.json),
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      });
    } catch (cause) {
      throw unanswered(cause);
    }
    let text: string;
    try {
      text = await res.text();
    } catch (cause) {
      throw unanswered(cause);
    }
    const json = parseJson(text);
    if (!res.ok) throw this.errorFor(res.status, json, (req.method ?? 'GET') !== 'GET');
    return { status: res.status, headers: res.headers, json };
  }

  /** Uploads bytes to the address initializeUpload gave (LinkedIn's media host takes the same bearer). */
  async upload(uploadUrl: string, bytes: Uint8Array, mimeType: string): Promise<void> {
    let res: Response;
    try {
      res = await (this.opts.fetch ?? fetch)(uploadUrl, {
        method: 'PUT',
        headers: { authorization: `Bearer ${this.opts.token}`, 'content-type': mimeType },
        body: new Blob([new Uint8Array(bytes)]),
        signal: AbortSignal.timeout(120_000),
      });
    } catch (cause) {
      throw unanswered(cause);
    }
    const text = await res.text().catch(() => '');
    if (!res.ok) throw this.errorFor(res.status, parseJson(text), true);
  }

  errorFor(status: number, json: unknown, write: boolean): ConnectorError {
    const body = (json && typeof json === 'object' ? json : {}) as { message?: unknown; code?: unknown; serviceErrorCode?: unknown };
    const said = typeof body.message === 'string' ? body.message.slice(0, 500) : '';
    const code = typeof body.code === 'string' ? body.code : typeof body.serviceErrorCode === 'number' ? String(body.serviceErrorCode) : undefined;
    const kind = kindForStatus(status, { write, explained: explainsFailure(said, status) });
    const words = said || `HTTP ${status}`;
    if (kind === 'auth_expired') {
      return new ConnectorError('linkedin', kind, `LinkedIn: ${words}. Reconnect the LinkedIn page in Ruche.`, { status, networkCode: code });
    }
    if (kind === 'forbidden') {
      return new ConnectorError('linkedin', kind,
        `LinkedIn: ${words}. Reconnect the page and accept every permission Ruche asks for (w_organization_social, r_organization_social), as an administrator or content administrator of the page.`,
        { status, networkCode: code });
    }
    if (kind === 'rate_limited') {
      const now = (this.opts.now ?? Date.now)();
      const midnight = Math.floor(now / DAY_MS) * DAY_MS + DAY_MS;
      return new ConnectorError('linkedin', kind,
        `LinkedIn: ${words}. LinkedIn's daily limits reset at midnight UTC (${new Date(midnight).toISOString()}).`,
        { status, networkCode: code, retryAfterMs: midnight - now });
    }
    return new ConnectorError('linkedin', kind, kind === 'transient' ? `LinkedIn: ${words} (HTTP ${status})` : `LinkedIn: ${words}`, { status, networkCode: code });
  }
}

function unanswered(cause: unknown): ConnectorError {
  const code = (cause as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  const neverSent = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
  return new ConnectorError('linkedin', 'transient', 'LinkedIn did not answer.', { networkCode: neverSent ? 'unreachable' : 'no_answer', cause });
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
