/**
 * Pinterest API v5 (https://api.pinterest.com/v5): errors `{code, message}`, `x-ratelimit-limit / -remaining /
 * -reset` headers and 429 (developers.pinterest.com/docs/reference/rate-limits and /docs/api/v5).
 */
import { ConnectorError, explainsFailure, kindForStatus } from '../errors.js';

export class PinterestHttp {
  constructor(private readonly opts: { apiBase: string; token: string; fetch?: typeof fetch; now?: () => number }) {}

  async call(path: string, req: { method?: 'GET' | 'POST' | 'DELETE'; query?: Record<string, string>; json?: unknown } = {}): Promise<{ status: number; json: unknown }> {
    const url = new URL(`${this.opts.apiBase.replace(/\/$/, '')}${path}`);
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
    let res: Response;
    let text: string;
    try {
      res = await (this.opts.fetch ?? fetch)(url, {
        method: req.method ?? 'GET',
        headers: { authorization: `Bearer ${this.opts.token}`, accept: 'application/json', ...(req.json !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: req.json === undefined ? undefined : JSON.stringify(req.json),
        redirect: 'manual',
        signal: AbortSignal.timeout(60_000),
      });
      text = await res.text();
    } catch (cause) {
      throw new ConnectorError('pinterest', 'transient', 'Pinterest did not answer.', { networkCode: 'no_answer', cause });
    }
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch { /* a proxy's page: no words of Pinterest's */ }
    if (!res.ok) throw this.errorFor(res, json, (req.method ?? 'GET') !== 'GET');
    return { status: res.status, json };
  }

  private errorFor(res: Response, json: unknown, write: boolean): ConnectorError {
    const body = (json && typeof json === 'object' ? json : {}) as { code?: unknown; message?: unknown };
    const words = typeof body.message === 'string' && body.message ? body.message.slice(0, 500) : `HTTP ${res.status}`;
    const networkCode = body.code === undefined ? undefined : String(body.code);
    const kind = kindForStatus(res.status, { write, explained: explainsFailure(words, res.status) });
    const opts = { status: res.status, networkCode };
    if (kind === 'auth_expired') return new ConnectorError('pinterest', kind, `Pinterest: ${words} Reconnect the Pinterest account in Ruche.`, opts);
    if (kind === 'forbidden') {
      return new ConnectorError('pinterest', kind, `Pinterest: ${words} Reconnect and accept the permissions Ruche asks for (boards:read, pins:read, pins:write, user_accounts:read).`, opts);
    }
    if (kind === 'rate_limited') {
      // x-ratelimit-reset: seconds until the window resets.
      const reset = Number(res.headers.get('x-ratelimit-reset'));
      const retryAfterMs = Number.isFinite(reset) && reset > 0 ? reset * 1000 : 60_000;
      return new ConnectorError('pinterest', kind, `Pinterest: ${words} Ruche tries again in ${Math.ceil(retryAfterMs / 1000)} s.`, { ...opts, retryAfterMs });
    }
    return new ConnectorError('pinterest', kind, `Pinterest: ${words}`, opts);
  }
}
