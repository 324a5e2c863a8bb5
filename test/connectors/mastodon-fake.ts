/**
 * An HTTP fake of a Mastodon server, on node:http at 127.0.0.1. No Mastodon server can be installed here, so this
 * follows Mastodon's documented API (docs.joinmastodon.org): entities, status codes, `{"error": "..."}` bodies,
 * the Idempotency-Key header on POST /api/v1/statuses, media answered 202 then polled, X-RateLimit-* headers,
 * notifications (mention, favourite, reblog, follow, quote), conversations, and the streaming API as server-sent
 * events (/api/v1/streaming/user[/notification], heartbeats as `:thump` comments); hashtag timelines and the public
 * streams (mastodon-fake-timelines.ts), and statuses received from another fake by federation.
 * `quirks` switch on what real compatible servers do differently (mastodon-fake-quirks.ts).
 *
 * Test hooks, for acting as other accounts: `mentionAs`, `replyAs`, `dmAs`, `quoteAs`, `favouriteAs`, `reblogAs`,
 * `followAs` (and `postAs` for anything else); `federate` copies another fake's status here; `dropStreams` cuts the open event streams, `streamRaw` writes raw
 * bytes to them.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startFakeServer, type FakeServer } from './fake-server.js';
import { FakeState, type FakeAccount, type FakeNotification, type FakeStatus } from './mastodon-fake-state.js';
import { HOLLO, type MastodonQuirks } from './mastodon-fake-quirks.js';
import { route } from './mastodon-fake-routes.js';
import { FakeTimelines } from './mastodon-fake-timelines.js';

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
  /** Mastodon's window is 5 minutes; tests shorten it. */
  rateWindowMs = RATE_WINDOW_MS;
  /** The most items a listing returns, whatever `limit` asks (Mastodon: 40 statuses, 80 notifications). */
  maxLimit = 40;
  /** Answer the next matching requests with this status, before doing anything. */
  failNext: InjectedFailure = { count: 0, status: 503 };
  private server: FakeServer | undefined;
  private hits = new Map<string, { count: number; resetAt: number }>();
  private idempotency = new Map<string, string>(); // `${accountId}:${key}` → status id
  private apps = new Map<string, { secret: string; redirectUri: string; scopes: string }>();
  private codes = new Map<string, { clientId: string; accountId: string }>();
  private authorizeAs: FakeAccount | undefined;
  requests: { method: string; path: string; idempotencyKey: string | undefined }[] = [];
  /** How often an open event stream gets a `:thump` comment, as Mastodon's streaming server sends. */
  heartbeatMs = 15_000;
  private streams = new Set<ServerResponse>();
  readonly timelines: FakeTimelines;

  constructor(opts: { quirks?: MastodonQuirks | 'hollo' } = {}) {
    this.quirks = opts.quirks === 'hollo' ? HOLLO : (opts.quirks ?? {});
    this.state = new FakeState(() => this.url, this.quirks);
    this.timelines = new FakeTimelines(this);
  }

  async start(): Promise<this> {
    this.server = await startFakeServer((req, res) => void this.handle(req, res));
    this.url = this.server.url;
    return this;
  }

  async close(): Promise<void> {
    this.dropStreams();
    await this.server?.close();
  }

  createAccount(username: string, opts: { displayName?: string; followersCount?: number; createdAt?: string } = {}): FakeAccount {
    const account: FakeAccount = { id: this.state.nextId(), username, displayName: opts.displayName ?? username,
      token: randomBytes(16).toString('hex'), followersCount: opts.followersCount, createdAt: opts.createdAt };
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

  /**
   * A status written by `account`, as through POST /api/v1/statuses: it notifies whom it mentions.
   * `createdAt` backdates it (listings follow creation order, so write backdated ones oldest first).
   */
  postAs(account: FakeAccount, text: string, inReplyToId: string | null = null, opts: PostOptions = {}) {
    const s: FakeStatus = { id: this.state.nextId(), accountId: account.id, text, spoilerText: '', visibility: opts.visibility ?? 'public',
      language: opts.language === undefined ? 'en' : opts.language, inReplyToId, mediaIds: [], createdAt: opts.createdAt ?? new Date().toISOString(),
      deleted: false, quoteId: opts.quoteId ?? null };
    this.state.addStatus(s);
    return this.state.renderStatus(s);
  }

  /** `from` mentions `to` in a new post (not a reply). */
  mentionAs(from: FakeAccount, to: FakeAccount, text: string, opts: PostOptions = {}) {
    return this.postAs(from, `@${to.username} ${text}`, null, opts);
  }

  /**
   * `from` replies to status `statusId`, naming its author as Mastodon's composer does; `mention: false` leaves
   * the name out, and then the author is not notified.
   */
  replyAs(from: FakeAccount, statusId: string, text: string, opts: PostOptions & { mention?: boolean } = {}) {
    const parent = this.state.statuses.find((s) => s.id === statusId);
    const author = parent && this.state.account(parent.accountId);
    const named = opts.mention === false || !author || author.id === from.id ? text : `@${author.username} ${text}`;
    return this.postAs(from, named, statusId, { visibility: parent?.visibility === 'direct' ? 'direct' : undefined, ...opts });
  }

  /** A direct message from `from` to `to`; `inReplyToId` continues a conversation. */
  dmAs(from: FakeAccount, to: FakeAccount, text: string, inReplyToId: string | null = null, opts: PostOptions = {}) {
    return this.postAs(from, `@${to.username} ${text}`, inReplyToId, { ...opts, visibility: 'direct' });
  }

  /** `from` quotes status `statusId` (a quote notification on servers that have quotes). */
  quoteAs(from: FakeAccount, statusId: string, text: string, opts: PostOptions = {}) {
    return this.postAs(from, text, null, { ...opts, quoteId: statusId });
  }

  /**
   * `origin`'s status as this server receives it by federation: a copy under an id of this server, written by a
   * remote account (`user@origin-host`), keeping the uri and address it has at home.
   */
  federate(origin: MastodonFake, statusId: string) {
    const s = origin.state.status(statusId);
    if (!s) throw new Error(`No status ${statusId}`);
    const home = origin.state.account(s.accountId)!;
    const domain = new URL(origin.url).host;
    let author = this.state.accounts.find((a) => a.domain === domain && a.username === home.username);
    if (!author) {
      author = { id: this.state.nextId(), username: home.username, displayName: home.displayName, token: randomBytes(16).toString('hex'),
        followersCount: home.followersCount, domain, remoteUrl: origin.state.renderAccount(home).url };
      this.state.accounts.push(author);
    }
    const there = origin.state.renderStatus(s);
    const copy: FakeStatus = { ...s, id: this.state.nextId(), accountId: author.id, inReplyToId: null, mediaIds: [], quoteId: null,
      uri: String(there.uri), url: String(there.url) };
    this.state.addStatus(copy);
    return this.state.renderStatus(copy);
  }

  favouriteAs(from: FakeAccount, statusId: string): FakeNotification | null {
    return this.actAs(from, statusId, this.state.favourites, 'favourite');
  }

  reblogAs(from: FakeAccount, statusId: string): FakeNotification | null {
    return this.actAs(from, statusId, this.state.reblogs, 'reblog');
  }

  followAs(from: FakeAccount, target: FakeAccount): FakeNotification | null {
    return this.state.notify(target.id, 'follow', from.id, null);
  }

  private actAs(from: FakeAccount, statusId: string, set: Set<string>, type: 'favourite' | 'reblog') {
    const s = this.state.status(statusId);
    if (!s) throw new Error(`No status ${statusId}`);
    set.add(`${from.id}:${statusId}`);
    return this.state.notify(s.accountId, type, from.id, statusId);
  }

  /** Event streams open now. */
  get openStreams(): number {
    return this.streams.size;
  }

  /** Cuts every open event stream, as a restarting streaming server does. */
  dropStreams(): void {
    for (const res of this.streams) res.destroy();
    this.streams.clear();
  }

  /** Writes raw bytes to every open event stream. */
  streamRaw(text: string): void {
    for (const res of this.streams) res.write(text);
  }

  /**
   * GET /api/v1/streaming/user[/notification]: server-sent events with the token in the Authorization header or
   * `access_token`; a notification event per new notification of the account (`/user` sends more kinds on
   * Mastodon; here the same).
   */
  private stream(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? url.searchParams.get('access_token');
    const account = this.state.accounts.find((a) => a.token === token);
    if (!account) {
      res.writeHead(401, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error: 'Error: Invalid access token' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'transfer-encoding': 'chunked' });
    res.write(':)\n');
    const listener = (n: FakeNotification) => {
      if (n.recipientId !== account.id) return;
      res.write(`event: notification\ndata: ${JSON.stringify(this.state.renderNotification(n))}\n\n`);
    };
    const heartbeat = setInterval(() => res.write(':thump\n'), this.heartbeatMs);
    this.state.listeners.add(listener);
    this.streams.add(res);
    res.on('close', () => {
      clearInterval(heartbeat);
      this.state.listeners.delete(listener);
      this.streams.delete(res);
    });
  }

  /**
   * GET /api/v1/streaming/public and /api/v1/streaming/hashtag?tag=: an `update` event per new public status
   * (with the tag), no token needed; a token sent must be valid.
   */
  private publicStream(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const json = (status: number, error: string) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error }));
    };
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? url.searchParams.get('access_token');
    if (token && !this.state.accounts.some((a) => a.token === token)) return json(401, 'Error: Invalid access token');
    const tag = url.pathname.endsWith('/hashtag') ? url.searchParams.get('tag')?.toLowerCase() : null;
    if (tag === undefined || tag === '') return json(400, 'No tag for stream provided');
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'transfer-encoding': 'chunked' });
    res.write(':)\n');
    const listener = (s: FakeStatus) => {
      const tags = this.timelines.tagsOf(s);
      if (tags && (tag === null || tags.includes(tag))) res.write(`event: update\ndata: ${JSON.stringify(this.state.renderStatus(s))}\n\n`);
    };
    const heartbeat = setInterval(() => res.write(':thump\n'), this.heartbeatMs);
    this.state.statusListeners.add(listener);
    this.streams.add(res);
    res.on('close', () => {
      clearInterval(heartbeat);
      this.state.statusListeners.delete(listener);
      this.streams.delete(res);
    });
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
    const streaming = url.pathname === '/api/v1/streaming/user/notification' || url.pathname === '/api/v1/streaming/user';
    if (req.method === 'GET' && streaming && !this.quirks.noStreaming) return this.stream(req, res, url);
    if (req.method === 'GET' && (url.pathname === '/api/v1/streaming/public' || url.pathname === '/api/v1/streaming/hashtag')) {
      return this.quirks.noStreaming ? send(404, { error: 'Record not found' }) : this.publicStream(req, res, url);
    }
    try {
      const params = await readParams(req, url);
      const ctx = this.ctx();
      const out = this.timelines.route(ctx, req.method ?? 'GET', url.pathname, params, req)
        ?? await route(this, ctx, req.method ?? 'GET', url.pathname, params, req);
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
        // A window longer than the one set now (a test shortened it after the first requests) starts again, as on an
        // instance whose limits were changed.
        if (!hit || hit.resetAt <= now || hit.resetAt > now + this.rateWindowMs) this.hits.set(account.id, (hit = { count: 0, resetAt: now + this.rateWindowMs }));
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

export interface PostOptions {
  visibility?: 'public' | 'unlisted' | 'private' | 'direct';
  /** null: no language given. */
  language?: string | null;
  createdAt?: string;
  quoteId?: string;
}
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
