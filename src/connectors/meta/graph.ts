/**
 * A Graph API client (v24.0): the Page access token as a Bearer header, form-encoded writes, Graph error bodies
 * mapped to ConnectorError kinds, and cursor paging (`paging.cursors.after`, present while `paging.next` is).
 */
import { ConnectorError } from '../errors.js';
import { graphError } from './errors.js';

export const GRAPH_VERSION = 'v24.0';
export const GRAPH_API_BASE = `https://graph.facebook.com/${GRAPH_VERSION}`;

export type Params = Record<string, string | number | boolean | undefined>;

export interface GraphPage<T> {
  data: T[];
  paging?: { cursors?: { before?: string; after?: string }; next?: string };
}

export class Graph {
  constructor(
    readonly network: string,
    readonly apiBase: string,
    private readonly token: string,
    private readonly fetchFn: typeof fetch,
    private readonly now: () => number,
  ) {}

  private url(path: string, params: Params = {}): string {
    const u = new URL(`${this.apiBase.replace(/\/$/, '')}/${path.replace(/^\//, '')}`);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, String(v));
    return u.toString();
  }

  get<T>(path: string, params: Params = {}): Promise<T> {
    return this.send<T>('GET', this.url(path, params), undefined, false);
  }

  /** A write; `body` is form fields or multipart. A lost answer is an unknown outcome. */
  post<T>(path: string, body: Params | FormData, write = true): Promise<T> {
    const payload = body instanceof FormData ? body : new URLSearchParams(
      Object.entries(body).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]),
    );
    return this.send<T>('POST', this.url(path), payload, write);
  }

  delete<T>(path: string): Promise<T> {
    return this.send<T>('DELETE', this.url(path), undefined, true);
  }

  /** Follows `after` cursors, at most `maxPages` pages. */
  async page<T>(path: string, params: Params, after?: string | null): Promise<{ items: T[]; after: string | null }> {
    const res = await this.get<GraphPage<T>>(path, { ...params, after: after ?? undefined });
    const next = res.paging?.next ? (res.paging.cursors?.after ?? null) : null;
    return { items: res.data ?? [], after: next };
  }

  private async send<T>(method: string, url: string, body: BodyInit | undefined, write: boolean): Promise<T> {
    let res: Response;
    try {
      res = await this.fetchFn(url, { method, body, headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' } });
    } catch (cause) {
      const kind = write ? 'unknown_outcome' : 'transient';
      throw new ConnectorError(this.network, kind, write
        ? 'The answer from Meta was lost: the post may or may not exist.'
        : 'Meta could not be reached.', { cause });
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!res.ok || (json && typeof json === 'object' && 'error' in json)) {
      throw graphError(this.network, res.status, json, res.headers, this.now(), write);
    }
    return json as T;
  }
}
