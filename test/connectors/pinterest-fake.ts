/**
 * An HTTP fake of Pinterest API v5, on node:http at 127.0.0.1. No Pinterest server can run here, so this follows
 * developers.pinterest.com/docs/api/v5 (pins/create, pins/get, pins/delete, boards/list, boards/list_pins,
 * user_account/get, oauth/token) and docs/reference/rate-limits: bodies `{code, message}`, bookmark paging,
 * `x-ratelimit-limit / -remaining / -reset` headers and 429, OAuth token endpoint with HTTP Basic client auth.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startFakeServer, type FakeServer } from './fake-server.js';

export interface FakePin {
  id: string; board_id: string; owner: string; title: string | null; description: string; note: string | null; link: string | null;
  alt_text: string | null; created_at: string; deleted: boolean;
}
class ApiError extends Error {
  constructor(readonly status: number, readonly code: number, message: string) {
    super(message);
  }
}

export class PinterestFake {
  url = '';
  /** Requests per token per window (Pinterest's Standard access: per user per app). */
  rateLimit = 1000;
  rateWindowS = 60;
  users = new Map<string, { username: string; followers: number; boards: { id: string; name: string }[] }>();
  tokens = new Map<string, { username: string; scopes: string[]; expired: boolean }>();
  refreshTokens = new Map<string, string>();
  clients = new Map<string, string>();
  codes = new Map<string, string>();
  pins: FakePin[] = [];
  private hits = new Map<string, number>();
  private seq = 1_000_000_000_000;
  private server: FakeServer | undefined;

  async start(): Promise<this> {
    this.server = await startFakeServer((req, res) => void this.handle(req, res));
    this.url = this.server.url;
    return this;
  }

  async close(): Promise<void> {
    await this.server?.close();
  }

  get apiBase(): string {
    return `${this.url}/v5`;
  }

  createUser(username: string, boards: string[]): { token: string; boards: { id: string; name: string }[] } {
    const user = { username, followers: 7, boards: boards.map((name) => ({ id: String(++this.seq), name })) };
    this.users.set(username, user);
    return { token: this.issue(username, ['boards:read', 'pins:read', 'pins:write', 'user_accounts:read']), boards: user.boards };
  }

  issue(username: string, scopes: string[]): string {
    const token = `pina_${randomBytes(16).toString('hex')}`;
    this.tokens.set(token, { username, scopes, expired: false });
    return token;
  }

  /** What the authorize page's "Give access" does for `username`: a code for the redirect. */
  authorizeCode(username: string): string {
    const code = randomBytes(12).toString('hex');
    this.codes.set(code, username);
    return code;
  }

  exhaust(token: string): void {
    this.hits.set(token, this.rateLimit);
  }

  pinsOf(username: string): FakePin[] {
    return this.pins.filter((p) => p.owner === username && !p.deleted);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString();
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    try {
      if (url.pathname === '/v5/oauth/token' && req.method === 'POST') return this.token(req, new URLSearchParams(raw), res);
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const t = this.tokens.get(token);
      if (!t || t.expired) throw new ApiError(401, 2, 'Authentication failed.');
      const used = (this.hits.get(token) ?? 0) + 1;
      this.hits.set(token, used);
      Object.assign(headers, { 'x-ratelimit-limit': String(this.rateLimit), 'x-ratelimit-remaining': String(Math.max(0, this.rateLimit - used)), 'x-ratelimit-reset': String(this.rateWindowS) });
      if (used > this.rateLimit) throw new ApiError(429, 8, 'You have exceeded your rate limit. Try again later.');
      const answer = this.route(req.method ?? 'GET', url, t, raw ? JSON.parse(raw) : undefined);
      if (answer === null) return void res.writeHead(204, headers).end();
      res.writeHead(answer.status, headers).end(JSON.stringify(answer.body));
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(500, 500, 'Internal Server Error');
      res.writeHead(e.status, headers).end(JSON.stringify({ code: e.code, message: e.message }));
    }
  }

  private need(t: { scopes: string[] }, scope: string): void {
    if (!t.scopes.includes(scope)) throw new ApiError(403, 403, `Not authorized to access the resource. Missing scope: ${scope}`);
  }

  private route(method: string, url: URL, t: { username: string; scopes: string[] }, body: any): { status: number; body: unknown } | null {
    const user = this.users.get(t.username)!;
    const page = <T>(items: T[]) => {
      const size = Math.min(Number(url.searchParams.get('page_size') ?? 25), 250);
      const start = Number(url.searchParams.get('bookmark') ? Buffer.from(url.searchParams.get('bookmark')!, 'base64url').toString() : 0);
      const bookmark = start + size < items.length ? Buffer.from(String(start + size)).toString('base64url') : null;
      return { status: 200, body: { items: items.slice(start, start + size), bookmark } };
    };
    let m: RegExpExecArray | null;
    if (url.pathname === '/v5/user_account') {
      this.need(t, 'user_accounts:read');
      return { status: 200, body: { account_type: 'BUSINESS', username: user.username, business_name: user.username, follower_count: user.followers } };
    }
    if (url.pathname === '/v5/boards') {
      this.need(t, 'boards:read');
      return page(user.boards.map((b) => ({ ...b, privacy: 'PUBLIC', owner: { username: user.username } })));
    }
    if ((m = /^\/v5\/boards\/(\d+)\/pins$/.exec(url.pathname))) {
      this.need(t, 'pins:read');
      if (!user.boards.some((b) => b.id === m![1])) throw new ApiError(404, 404, 'Board not found.');
      return page(this.pins.filter((p) => p.board_id === m![1] && !p.deleted).reverse());
    }
    if (url.pathname === '/v5/pins' && method === 'POST') {
      this.need(t, 'pins:write');
      if (!user.boards.some((b) => b.id === body?.board_id)) throw new ApiError(404, 404, 'Board not found.');
      const src = body?.media_source;
      if (!src || !['image_base64', 'image_url'].includes(src.source_type) || (src.source_type === 'image_base64' && !src.data)) {
        throw new ApiError(400, 1, 'Invalid request: media_source is required.');
      }
      if ((body.title ?? '').length > 100) throw new ApiError(400, 1, 'Invalid request: title is too long (max 100).');
      if ((body.description ?? '').length > 500) throw new ApiError(400, 1, 'Invalid request: description is too long (max 500).');
      const pin: FakePin = {
        id: String(++this.seq), board_id: body.board_id, owner: user.username, title: body.title ?? null, description: body.description ?? '',
        note: body.note ?? null, link: body.link ?? null, alt_text: body.alt_text ?? null, created_at: new Date().toISOString(), deleted: false,
      };
      this.pins.push(pin);
      return { status: 201, body: this.render(pin) };
    }
    if ((m = /^\/v5\/pins\/(\d+)$/.exec(url.pathname))) {
      const pin = this.pins.find((p) => p.id === m![1] && !p.deleted && p.owner === user.username);
      this.need(t, method === 'DELETE' ? 'pins:write' : 'pins:read');
      if (!pin) throw new ApiError(404, 404, 'Pin not found.');
      if (method === 'DELETE') {
        pin.deleted = true;
        return null;
      }
      return { status: 200, body: this.render(pin) };
    }
    throw new ApiError(404, 404, 'Not found.');
  }

  private render(p: FakePin) {
    const { owner: _o, deleted: _d, ...rest } = p;
    return { ...rest, media: { media_type: 'image' } };
  }

  private token(req: IncomingMessage, form: URLSearchParams, res: ServerResponse): void {
    const fail = (status: number, code: number, message: string) => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ code, message }));
    const [id, secret] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString().split(':');
    if (!id || this.clients.get(id) !== secret) return fail(401, 2, 'Authentication failed.');
    let username: string | undefined;
    if (form.get('grant_type') === 'authorization_code') {
      username = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
    } else if (form.get('grant_type') === 'refresh_token') {
      username = this.refreshTokens.get(form.get('refresh_token') ?? '');
    }
    if (!username) return fail(400, 1, 'Invalid authorization code or refresh token.');
    const access = this.issue(username, ['boards:read', 'pins:read', 'pins:write', 'user_accounts:read']);
    const refresh = `pinr_${randomBytes(16).toString('hex')}`;
    this.refreshTokens.set(refresh, username);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
      access_token: access, refresh_token: refresh, response_type: form.get('grant_type'), token_type: 'bearer',
      expires_in: 2_592_000, refresh_token_expires_in: 31_536_000, scope: 'boards:read,pins:read,pins:write,user_accounts:read',
    }));
  }
}
