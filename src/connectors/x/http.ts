/**
 * Calls to api.x.com with the account's user token. An access token lasts two hours: past its expiry, or on a 401,
 * it is renewed once with the refresh token, and since X rotates refresh tokens the new pair is handed to
 * `onCredentialsChanged` before anything else happens (the old refresh token no longer works).
 */
import { ConnectorError } from '../errors.js';
import type { ConnectorDeps } from '../types.js';
import { parseXCredentials, type XCredentials } from './credentials.js';
import { xError } from './errors.js';
import { tokenCall } from '../oauth2/token-call.js';

export interface XRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  form?: FormData;
}

/** A call whose answer never arrived: for a write, whether it happened is unknown. */
export class XUnanswered extends Error {}

// Renewed this long before the stated expiry, so that a call never starts on a token about to die.
const EARLY_MS = 60_000;

export class XApi {
  creds: XCredentials;
  private readonly fetchFn: typeof fetch;
  readonly now: () => number;

  constructor(private readonly deps: ConnectorDeps) {
    this.creds = parseXCredentials(deps.credentials);
    this.fetchFn = deps.fetch ?? fetch;
    this.now = deps.now ?? Date.now;
  }

  async call<T = Record<string, unknown>>(path: string, req: XRequest = {}): Promise<T> {
    if (this.creds.expiresAt !== null && this.creds.expiresAt - EARLY_MS <= this.now()) await this.refresh();
    let res = await this.send(path, req);
    if (res.status === 401 && this.creds.refreshToken) {
      await res.body?.cancel();
      await this.refresh();
      res = await this.send(path, req);
    }
    let body: unknown = null;
    try {
      const text = await res.text();
      body = text ? JSON.parse(text) : null;
    } catch (cause) {
      if (res.ok) throw new XUnanswered('X did not finish its answer.', { cause });
    }
    if (!res.ok) throw xError(res.status, body, res.headers, this.now());
    return body as T;
  }

  private async send(path: string, req: XRequest): Promise<Response> {
    const url = new URL(path, this.creds.apiBase);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { authorization: `Bearer ${this.creds.accessToken}`, accept: 'application/json' };
    let body: BodyInit | undefined;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.json);
    } else if (req.form) body = req.form;
    try {
      return await this.fetchFn(url, { method: req.method ?? 'GET', headers, body, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
    } catch (cause) {
      throw new XUnanswered('X did not answer.', { cause });
    }
  }

  private async refresh(): Promise<void> {
    const c = this.creds;
    if (!c.refreshToken) throw new ConnectorError('x', 'auth_expired', 'The X access token expired and cannot be renewed: connect the account again.');
    const token = await tokenCall('x', c.tokenUrl, { grant_type: 'refresh_token', refresh_token: c.refreshToken }, {
      clientId: c.clientId, clientSecret: c.clientSecret ?? '',
    }, 'basic', { fetch: this.fetchFn, now: this.now });
    this.creds = { ...c, accessToken: token.accessToken, refreshToken: token.refreshToken ?? c.refreshToken, expiresAt: token.expiresAt };
    await this.deps.onCredentialsChanged?.(this.creds);
  }
}
