/**
 * An HTTP fake of a Mastodon server, on node:http at 127.0.0.1. No Mastodon server can be installed here, so this
 * follows Mastodon's documented API (docs.joinmastodon.org): entities, status codes, `{"error": "..."}` bodies,
 * the Idempotency-Key header on POST /api/v1/statuses, media answered 202 then polled, and X-RateLimit-* headers.
 * `quirks` switch on what real compatible servers do differently (mastodon-fake-quirks.ts).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeState, type FakeAccount } from './mastodon-fake-state.js';
import { HOLLO, type MastodonQuirks } from './mastodon-fake-quirks.js';
import { route } from './mastodon-fake-routes.js';

type Params = Record<string, string | string[] | File>;
/**
 * `validation`: Mastodon's 422 "Validation failed", which some servers send as a 400 with an object.
 * `crash`: an unhandled exception, answered as the bare text/plain 500 of the server's framework.
 */
class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly cause?: 'validation' | 'crash') {
    super(message);
  }
}

/** A failure injected before the request is handled: a status, with a JSON message or a bare text body. */
export interface InjectedFailure {
  count: number;
  status: number;
  /** Only requests whose path starts with this. */
  path?: string;
  /** `{"error": message}` when given; otherwise the bare reason phrase as text/plain. */
  message?: string;
  /** Matching requests let through, handled as usual, before the failures start. */
  after?: number;
}
const RATE_WINDOW_MS = 5 * 60_000;
const MAX_CHARS = 500;
const URL_CHARS = 23;
const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const countable = (text: string) =>
  [...seg.segment(text.replace(/https?:\/\/\S+/g, 'x'.repeat(URL_CHARS)).replace(/@(\w+)@[\w.-]+/g, '@$1'))].length;

export class MastodonFake {
  readonly quirks: MastodonQuirks;
  readonly state: FakeState;
  url = '';
  rateLimit = 300;
  /** The most items a listing returns, whatever `limit` asks (Mastodon: 40 statuses, 80 notifications). */
  maxLimit = 40;
  /** Answer the next matching requests with this status, before doing anything. */
  failNext: InjectedFailure = { count: 0, status: 503 };
  private server: Server | undefined;
  private hits = new Map<string, { count: number; resetAt: number }>();
  private idempotency = new Map<string, string>(); // `${accountId}:${key}` → status id
  private apps = new Map<string, { secret: string; redirectUri: string; scopes: string }>();
  private codes = new Map<string, { clientId: string; accountId: string }>();
  private authorizeAs: FakeAccount | undefined;
  requests: { method: string; path: string; idempotencyKey: string | undefined }[] = [];

  constructor(opts: { quirks?: MastodonQuirks | 'hollo' } = {}) {
    this.quirks = opts.quirks === 'hollo' ? HOLLO : (opts.quirks ?? {});
    this.state = new FakeState(() => this.url, this.quirks);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((ok) => this.server?.close(() => ok()));
  }

  createAccount(username: string): FakeAccount {
    const account = { id: this.state.nextId(), username, displayName: username, token: randomBytes(16).toString('hex') };
    this.state.accounts.push(account);
    this.authorizeAs ??= account;
    return account;
  }

  /** The account that "clicks Authorize" on the OAuth page. */
  signInAs(account: FakeAccount): void {
    this.authorizeAs = account;
  }

  /** Mastodon keeps an Idempotency-Key for an hour; this is that hour having passed. */
  forgetIdempotencyKeys(): void {
    this.idempotency.clear();
  }

  revoke(token: string): void {
    for (const a of this.state.accounts) if (a.token === token) a.token = `revoked-${randomBytes(8).toString('hex')}`;
  }

  /** Statuses an account has on the server now (not deleted). */
  statusesOf(accountId: string) {
    return this.state.statuses.filter((s) => s.accountId === accountId && !s.deleted);
  }

  postAs(account: FakeAccount, text: string, inReplyToId: string | null = null) {
    const s = { id: this.state.nextId(), accountId: account.id, text, spoilerText: '', visibility: 'public',
      language: 'en', inReplyToId, mediaIds: [], createdAt: new Date().toISOString(), deleted: false };
    this.state.statuses.push(s);
    return this.state.renderStatus(s);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const key = req.headers['idempotency-key'];
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, idempotencyKey: typeof key === 'string' ? key : undefined });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    const sendText = (status: number) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=UTF-8' });
      res.end(STATUS_TEXT[status] ?? 'Error');
    };
    const failure = this.failNext;
    const matches = failure.count > 0 && (!failure.path || url.pathname.startsWith(failure.path));
    if (matches && failure.after) failure.after--;
    else if (matches) {
      failure.count--;
      for await (const _ of req); // the request is read in full, as a server does before it fails
      if (failure.message === undefined) sendText(failure.status);
      else send(failure.status, { error: failure.message });
      return;
    }
    try {
      const params = await readParams(req, url);
      const out = await route(this, this.ctx(), req.method ?? 'GET', url.pathname, params, req);
      send(out.status, out.body, out.headers);
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      if (err.cause === 'crash' && this.quirks.invalidInputAs500) return sendText(500);
      if (err.cause === 'validation' && this.quirks.errorObjects) {
        // What a validator middleware answers: the validation error itself, serialised, under `error`.
        const issues = [{ code: 'custom', path: [], message: err.message }];
        return send(400, { success: false, error: { name: 'ZodError', message: JSON.stringify(issues), issues } });
      }
      send(err.status, { error: err.message }, err.status === 429 ? this.lastRateHeaders : {});
    }
  }

  lastRateHeaders: Record<string, string> = {};

  private ctx() {
    return {
      HttpError,
      state: this.state,
      apps: this.apps,
      codes: this.codes,
      idempotency: this.idempotency,
      authorizeAs: () => this.authorizeAs,
      countable,
      MAX_CHARS,
      URL_CHARS,
      /** Counts the request against the token's window; throws 429 past the limit. */
      maxLimit: this.maxLimit,
      authenticate: (req: IncomingMessage): { account: FakeAccount; headers: Record<string, string> } => {
        const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        const account = this.state.accounts.find((a) => a.token === token);
        if (!account) throw new HttpError(401, 'The access token is invalid');
        if (this.quirks.noRateLimit) return { account, headers: {} };
        const now = Date.now();
        let hit = this.hits.get(account.id);
        if (!hit || hit.resetAt <= now) this.hits.set(account.id, (hit = { count: 0, resetAt: now + RATE_WINDOW_MS }));
        hit.count++;
        const headers = {
          'X-RateLimit-Limit': String(this.rateLimit),
          'X-RateLimit-Remaining': String(Math.max(0, this.rateLimit - hit.count)),
          'X-RateLimit-Reset': new Date(hit.resetAt).toISOString(),
        };
        this.lastRateHeaders = headers;
        if (hit.count > this.rateLimit) throw new HttpError(429, 'Too many requests');
        return { account, headers };
      },
    };
  }
}
const STATUS_TEXT: Record<number, string> = {
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export type FakeContext = ReturnType<MastodonFake['ctx']>;
export { HttpError, type Params };

async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const params: Params = {};
  const add = (k: string, v: string | File) => {
    if (k.endsWith('[]')) ((params[k.slice(0, -2)] ??= []) as (string | File)[]).push(v);
    else params[k] = v;
  };
  url.searchParams.forEach((v, k) => add(k, v));
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  if (chunks.length === 0) return params;
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) {
    for (const [k, v] of Object.entries(JSON.parse(body.toString('utf8')) as Record<string, unknown>)) {
      if (Array.isArray(v)) params[k.replace(/\[\]$/, '')] = v.map(String);
      else if (v !== null && v !== undefined) params[k] = String(v);
    }
  } else {
    const form = await new Response(body, { headers: { 'content-type': type } }).formData();
    form.forEach((v, k) => add(k, v));
  }
  return params;
}
