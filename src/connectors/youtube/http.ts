/**
 * Calls to the YouTube Data API with the channel's Google token, renewed with the refresh token past its hour
 * (Google does not rotate refresh tokens: the stored one stays) and handed to `onCredentialsChanged`.
 */
import type { ConnectorDeps } from '../types.js';
import { RenewedToken } from '../oauth2/user-token.js';
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

export class YouTubeApi {
  private readonly token: RenewedToken<YouTubeCredentials>;
  readonly now: () => number;

  constructor(deps: ConnectorDeps) {
    this.token = new RenewedToken(parseYouTubeCredentials(deps.credentials), deps, 'body',
      'The YouTube access expired and cannot be renewed: connect the channel again.');
    this.now = this.token.net.now;
  }

  get creds(): YouTubeCredentials {
    return this.token.creds;
  }

  /** The raw answer: uploads read the Location header and the 308 of an unfinished session. */
  async raw(path: string, req: YtRequest = {}): Promise<Response> {
    const res = await this.token.send((accessToken) => this.send(path, req, accessToken));
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

  private async send(path: string, req: YtRequest, accessToken: string): Promise<Response> {
    const url = req.absolute ? new URL(path) : new URL(path, this.creds.apiBase);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { authorization: `Bearer ${accessToken}`, accept: 'application/json', ...req.headers };
    let body: BodyInit | undefined;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json; charset=UTF-8';
      body = JSON.stringify(req.json);
    } else if (req.body) body = new Uint8Array(req.body);
    try {
      return await this.token.net.fetch(url, { method: req.method ?? 'GET', headers, body, redirect: 'manual', signal: AbortSignal.timeout(300_000) });
    } catch (cause) {
      throw new YtUnanswered('YouTube did not answer.', { cause });
    }
  }
}
