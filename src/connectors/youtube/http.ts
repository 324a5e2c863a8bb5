/**
 * Calls to the YouTube Data API with the channel's Google token, renewed with the refresh token past its hour
 * (Google does not rotate refresh tokens: the stored one stays) and handed to `onCredentialsChanged`.
 */
import { ConnectorError } from '../errors.js';
import type { ConnectorDeps } from '../types.js';
import { tokenCall } from '../oauth2/token-call.js';
import { parseYouTubeCredentials, type YouTubeCredentials } from './credentials.js';
import { youtubeError } from './errors.js';

export interface YtRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  body?: Uint8Array;
  headers?: Record<string, string>;
  /** An absolute URL (a resumable upload session) instead of a path on the API base. */
  absolute?: boolean;
}

export class YtUnanswered extends Error {}

const EARLY_MS = 60_000;

export class YouTubeApi {
  creds: YouTubeCredentials;
  readonly fetchFn: typeof fetch;
  readonly now: () => number;

  constructor(private readonly deps: ConnectorDeps) {
    this.creds = parseYouTubeCredentials(deps.credentials);
    this.fetchFn = deps.fetch ?? fetch;
    this.now = deps.now ?? Date.now;
  }

  /** The raw answer: uploads read the Location header and the 308 of an unfinished session. */
  async raw(path: string, req: YtRequest = {}): Promise<Response> {
    if (this.creds.expiresAt !== null && this.creds.expiresAt - EARLY_MS <= this.now()) await this.refresh();
    let res = await this.send(path, req);
    if (res.status === 401 && this.creds.refreshToken) {
      await res.body?.cancel();
      await this.refresh();
      res = await this.send(path, req);
    }
    if (res.status >= 400) {
      const body = await res.json().catch(() => null);
      throw youtubeError(res.status, body, this.now());
    }
    return res;
  }

  async call<T = Record<string, unknown>>(path: string, req: YtRequest = {}): Promise<T> {
    const res = await this.raw(path, req);
    try {
      const text = await res.text();
      return (text ? JSON.parse(text) : {}) as T;
    } catch (cause) {
      throw new YtUnanswered('YouTube did not finish its answer.', { cause });
    }
  }

  private async send(path: string, req: YtRequest): Promise<Response> {
    const url = req.absolute ? new URL(path) : new URL(path, this.creds.apiBase);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { authorization: `Bearer ${this.creds.accessToken}`, accept: 'application/json', ...req.headers };
    let body: BodyInit | undefined;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json; charset=UTF-8';
      body = JSON.stringify(req.json);
    } else if (req.body) body = new Uint8Array(req.body);
    try {
      return await this.fetchFn(url, { method: req.method ?? 'GET', headers, body, redirect: 'manual', signal: AbortSignal.timeout(300_000) });
    } catch (cause) {
      throw new YtUnanswered('YouTube did not answer.', { cause });
    }
  }

  private async refresh(): Promise<void> {
    const c = this.creds;
    if (!c.refreshToken) throw new ConnectorError('youtube', 'auth_expired', 'The YouTube access expired and cannot be renewed: connect the channel again.');
    const token = await tokenCall('youtube', c.tokenUrl, { grant_type: 'refresh_token', refresh_token: c.refreshToken }, {
      clientId: c.clientId, clientSecret: c.clientSecret ?? '',
    }, 'body', { fetch: this.fetchFn, now: this.now });
    this.creds = { ...c, accessToken: token.accessToken, refreshToken: token.refreshToken ?? c.refreshToken, expiresAt: token.expiresAt };
    await this.deps.onCredentialsChanged?.(this.creds);
  }
}
