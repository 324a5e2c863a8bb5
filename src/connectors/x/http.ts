/**
 * Calls to api.x.com with the account's user token. An access token lasts two hours: past its expiry, or on a 401,
 * it is renewed once with the refresh token, and since X rotates refresh tokens the new pair is handed to
 * `onCredentialsChanged` before anything else happens (the old refresh token no longer works).
 */
import type { ConnectorDeps } from '../types.js';
import { RenewedToken } from '../oauth2/user-token.js';
import { parseXCredentials, type XCredentials } from './credentials.js';
import { xError } from './errors.js';

export interface XRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  form?: FormData;
}

/** A call whose answer never arrived: for a write, whether it happened is unknown. */
export class XUnanswered extends Error {}

export class XApi {
  private readonly token: RenewedToken<XCredentials>;
  readonly now: () => number;

  constructor(deps: ConnectorDeps) {
    this.token = new RenewedToken(parseXCredentials(deps.credentials), deps, 'basic',
      'The X access token expired and cannot be renewed: connect the account again.');
    this.now = this.token.net.now;
  }

  get creds(): XCredentials {
    return this.token.creds;
  }

  async call<T = Record<string, unknown>>(path: string, req: XRequest = {}): Promise<T> {
    const res = await this.token.send((accessToken) => this.send(path, req, accessToken));
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

  private async send(path: string, req: XRequest, accessToken: string): Promise<Response> {
    const url = new URL(path, this.creds.apiBase);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { authorization: `Bearer ${accessToken}`, accept: 'application/json' };
    let body: BodyInit | undefined;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.json);
    } else if (req.form) body = req.form;
    try {
      return await this.token.net.fetch(url, { method: req.method ?? 'GET', headers, body, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
    } catch (cause) {
      throw new XUnanswered('X did not answer.', { cause });
    }
  }
}
