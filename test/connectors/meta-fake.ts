/**
 * An HTTP fake of Meta's Graph API v24.0 on node:http at 127.0.0.1 (no Meta server can run here). It follows:
 * - Facebook Login: "Manually Build a Login Flow" (dialog/oauth, GET /oauth/access_token, fb_exchange_token),
 * - Pages API: /me/accounts (access_token, tasks), /{page-id}/feed, /photos (published=false + attached_media),
 *   /published_posts (summary=total_count), /{object-id}/comments, /{comment-id} is_hidden, /{page-id}/blocked,
 *   /{page-id}/tagged, /{page-id}/conversations, Page/Post insights with the 2025 names (post_media_view, page_follows),
 * - Instagram Platform (Facebook Login): /{ig-user-id}/media (image_url fetched by the server, carousel children
 *   up to 10, STORIES, REELS), container `status_code` IN_PROGRESS then FINISHED or ERROR, /media_publish,
 *   /content_publishing_limit (100 per 24 h), /{ig-media-id}/comments, /{ig-comment-id}?hide, /replies, /tags, insights
 *   (views, reach, shares, saved, total_interactions),
 * - Graph "Multiple ID Read Requests" (GET /?ids=a,b&fields=…, at most 50, one unreadable id fails the request),
 * - Graph "Handling Errors" bodies {error:{message,type,code,error_subcode,fbtrace_id}} (190, 10/200, 4/17/32/613/80001,
 *   368, 506, 9007, 100/33), "Rate Limiting" headers X-App-Usage and X-Business-Use-Case-Usage, cursor paging,
 * - Webhooks ("Getting Started", Pages `feed`, Instagram `comments`/`mentions`, Messenger `messages`): signed deliveries
 *   to `webhookUrl`, payloads in meta-fake-webhooks.ts; Page subscriptions ("Page Subscribed Apps",
 *   /{page-id}/subscribed_apps) in meta-fake-subscriptions.ts.
 * Routes live in meta-fake-pages.ts and meta-fake-instagram.ts; the login pages in meta-fake-oauth.ts.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startFakeServer, type FakeServer } from './fake-server.js';
import { graphTime, MetaState, type FakeIgUser, type FakePage } from './meta-fake-state.js';
import { pageRoutes } from './meta-fake-pages.js';
import { instagramRoutes } from './meta-fake-instagram.js';
import { oauthRoutes } from './meta-fake-oauth.js';
import { deliverWebhook, type DeliveryOptions, type WebhookPayload } from './meta-fake-webhooks.js';
import { subscriptionRoutes, wouldDeliver } from './meta-fake-subscriptions.js';

export class GraphError extends Error {
  constructor(readonly status: number, message: string, readonly code: number, readonly subcode?: number, readonly type = 'OAuthException', readonly userMsg?: string) {
    super(message);
  }
}

export const notFound = (id: string) => new GraphError(400,
  `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, 100, 33, 'GraphMethodException');

export interface GraphRequest {
  method: string;
  /** Path segments after the version. */
  parts: string[];
  query: URLSearchParams;
  body: Map<string, string>;
  token: { kind: 'user' | 'page'; id: string } | null;
  page: FakePage | null;
}

export type Json = Record<string, unknown>;

/** The messages Graph sends with each throttling code ("Handling Errors"). */
const THROTTLE_MESSAGES = {
  4: '(#4) Application request limit reached',
  17: '(#17) User request limit reached',
  32: '(#32) Page request limit reached',
  613: '(#613) Calls to this api have exceeded the rate limit.',
} as const;
export type Handler = (req: GraphRequest) => Promise<Json | null> | Json | null;

export const VERSION = 'v24.0';

export class MetaFake {
  url = '';
  readonly state = new MetaState();
  /** Calls a Page token may make before Meta throttles it (business-use-case limit). */
  pageCallBudget = 10_000;
  private pageCalls = new Map<string, number>();
  /** Container status reads answered IN_PROGRESS before FINISHED. */
  processingPolls = 1;
  /** Containers created from now on end in status_code ERROR with this `status` text, instead of FINISHED. */
  processingError: string | null = null;
  /**
   * While set, calls answer this throttling code (Graph "Rate Limiting"): 4 and 17 with X-App-Usage at 100%, 32 and
   * 613 with X-Business-Use-Case-Usage saying when access comes back.
   */
  throttled: { code: 4 | 17 | 32 | 613; regainMinutes?: number } | null = null;
  /** Next write to this path answers 368 (the action is blocked as abusive). */
  blockNextWrite: string | null = null;
  /** Every request, for tests that count calls. */
  requests: { method: string; path: string }[] = [];
  private server: FakeServer | undefined;
  private readonly routes: Handler[] = [subscriptionRoutes(this), pageRoutes(this), instagramRoutes(this)];

  async start(): Promise<this> {
    this.server = await startFakeServer((req, res) => void this.handle(req, res));
    // Graph's front ends keep idle connections open longer than Node's 5 s default; a client reusing one must not see it closed.
    this.server.server.keepAliveTimeout = 120_000;
    this.url = this.server.url;
    return this;
  }

  get apiBase(): string {
    return `${this.url}/${VERSION}`;
  }

  async close(): Promise<void> {
    await this.server?.close();
  }

  /** A person with a Page (and an Instagram professional account linked to it, when asked). */
  createPage(name: string, opts: { instagram?: boolean; tasks?: string[] } = {}) {
    const s = this.state;
    const user = { id: s.id(), name: `${name} admin` };
    s.users.set(user.id, user);
    const userToken = `EAAU${randomBytes(12).toString('hex')}`;
    s.tokens.set(userToken, { kind: 'user', id: user.id, state: 'ok', longLived: false });
    const page: FakePage = {
      id: s.id(), name, username: name.toLowerCase().replace(/[^a-z0-9]/g, ''), token: `EAAP${randomBytes(12).toString('hex')}`,
      owner: user.id, tasks: opts.tasks ?? ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'], followers: 120,
      igUserId: null, blocked: new Set(), permissions: new Set(['pages_manage_metadata', 'pages_manage_posts', 'pages_read_engagement', 'pages_manage_engagement', 'pages_read_user_content', 'pages_messaging', 'instagram_content_publish', 'instagram_manage_comments', 'instagram_manage_messages']),
    };
    s.pages.set(page.id, page);
    s.tokens.set(page.token, { kind: 'page', id: page.id, state: 'ok', longLived: true });
    let ig: FakeIgUser | null = null;
    if (opts.instagram) {
      ig = { id: s.id(), username: `${page.username}.ig`, name, pageId: page.id, followers: 340, follows: 12 };
      s.igUsers.set(ig.id, ig);
      page.igUserId = ig.id;
    }
    return { user, userToken, page, ig };
  }

  expireToken(token: string): void {
    const t = this.state.tokens.get(token);
    if (t) t.state = 'expired';
  }

  revokeToken(token: string): void {
    const t = this.state.tokens.get(token);
    if (t) t.state = 'revoked';
  }

  /** Uses up the Page's business-use-case budget: its next calls answer 80001 with the time to regain access. */
  exhaustPage(pageId: string): void {
    this.pageCalls.set(pageId, this.pageCallBudget);
  }

  private usageHeaders(res: ServerResponse, page: FakePage | null): boolean {
    const calls = page ? (this.pageCalls.get(page.id) ?? 0) + 1 : 0;
    if (page) this.pageCalls.set(page.id, calls);
    const pct = page ? Math.min(100, Math.round((calls / this.pageCallBudget) * 100)) : 0;
    res.setHeader('x-app-usage', JSON.stringify({ call_count: pct >= 100 ? 28 : 1, total_cputime: 1, total_time: 1 }));
    if (page) {
      const throttled = calls > this.pageCallBudget;
      res.setHeader('x-business-use-case-usage', JSON.stringify({
        [page.id]: [{ type: 'pages', call_count: pct, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: throttled ? 17 : 0 }],
      }));
      return throttled;
    }
    return false;
  }

  private throttle(res: ServerResponse, page: FakePage | null, t: NonNullable<MetaFake['throttled']>): never {
    if (t.code === 4 || t.code === 17) {
      res.setHeader('x-app-usage', JSON.stringify({ call_count: 100, total_cputime: 35, total_time: 62 }));
    } else {
      res.setHeader('x-business-use-case-usage', JSON.stringify({
        [page?.id ?? this.app.id]: [{ type: 'pages', call_count: 100, total_cputime: 20, total_time: 31, estimated_time_to_regain_access: t.regainMinutes ?? 12 }],
      }));
    }
    throw new GraphError(400, THROTTLE_MESSAGES[t.code], t.code);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname });
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const raw = Buffer.concat(chunks);
      const handled = await oauthRoutes(this, req, res, url, raw);
      if (handled) return;
      const prefix = `/${VERSION}/`;
      if (!url.pathname.startsWith(prefix)) throw new GraphError(400, 'Unknown path components', 2500);
      const body = new Map<string, string>();
      const ct = req.headers['content-type'] ?? '';
      if (raw.length && (ct.includes('form') || ct.includes('multipart'))) {
        const form = await new Response(raw, { headers: { 'content-type': ct } }).formData();
        for (const [k, v] of form) body.set(k, typeof v === 'string' ? v : `file:${v.size}`);
      }
      const auth = req.headers.authorization?.replace(/^(Bearer|OAuth)\s+/i, '') ?? url.searchParams.get('access_token') ?? body.get('access_token');
      if (!auth) throw new GraphError(400, 'An active access token must be used to query information about the current user.', 2500);
      const token = this.state.tokens.get(auth);
      if (!token) throw new GraphError(400, 'Invalid OAuth access token - Cannot parse access token', 190);
      if (token.state === 'expired') throw new GraphError(400, `Error validating access token: Session has expired on ${new Date().toUTCString()}. The current time is ${new Date().toUTCString()}.`, 190, 463);
      if (token.state === 'revoked') throw new GraphError(400, 'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.', 190, 460);
      const page = token.kind === 'page' ? this.state.pages.get(token.id) ?? null : null;
      if (this.usageHeaders(res, page)) throw new GraphError(400, 'There have been too many calls to this Page account. Wait a bit and try again.', 80001);
      if (this.throttled) this.throttle(res, page, this.throttled);
      const method = (req.method ?? 'GET').toUpperCase();
      if (method !== 'GET' && this.blockNextWrite && url.pathname.includes(this.blockNextWrite)) {
        this.blockNextWrite = null;
        throw new GraphError(400, 'It looks like you were misusing this feature by going too fast. You’ve been temporarily blocked from using it.', 368, 1390008);
      }
      const greq: GraphRequest = { method, parts: url.pathname.slice(prefix.length).split('/').filter(Boolean), query: url.searchParams, body, token, page };
      if (method === 'GET' && greq.parts.length === 0 && url.searchParams.has('ids')) return this.send(res, 200, await this.readMany(greq, url.searchParams));
      for (const route of this.routes) {
        const out = await route(greq);
        if (out) return this.send(res, 200, filterFields(out, url.searchParams.get('fields')));
      }
      throw notFound(greq.parts[0] ?? '');
    } catch (err) {
      const e = err instanceof GraphError ? err : new GraphError(500, 'An unknown error occurred', 1, undefined, 'OAuthException');
      if (!(err instanceof GraphError)) console.error(err);
      this.send(res, e.status, { error: { message: e.message, type: e.type, code: e.code, error_subcode: e.subcode, error_user_msg: e.userMsg, fbtrace_id: randomBytes(8).toString('base64url') } });
    }
  }

  /**
   * "Multiple ID Read Requests": GET /?ids=a,b&fields=… answers {a: {...}, b: {...}}, each node read as on its own
   * path; one id that cannot be read fails the whole request with that id's error. At most 50 ids.
   */
  private async readMany(req: GraphRequest, q: URLSearchParams): Promise<Json> {
    const ids = (q.get('ids') ?? '').split(',').filter(Boolean);
    if (ids.length === 0) throw new GraphError(400, '(#100) The parameter ids is required', 100);
    if (ids.length > 50) throw new GraphError(400, '(#100) Too many IDs. Maximum: 50.', 100);
    const out: Json = {};
    for (const id of ids) {
      let found: Json | null = null;
      for (const route of this.routes) if ((found = await route({ ...req, parts: [id] }))) break;
      if (!found) throw notFound(id);
      out[id] = filterFields(found, q.get('fields'));
    }
    return out;
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
    res.end(JSON.stringify(body));
  }

  /** Graph's cursor paging over a list already in order. */
  paged<T>(items: T[], q: URLSearchParams, path: string, extra: Json = {}): Json {
    const limit = Math.min(Number(q.get('limit') ?? 25), 100);
    const start = q.get('after') ? Number(Buffer.from(q.get('after')!, 'base64url').toString()) : 0;
    const slice = limit === 0 ? [] : items.slice(start, start + limit);
    const end = start + slice.length;
    const cursors = { before: Buffer.from(String(start)).toString('base64url'), after: Buffer.from(String(end)).toString('base64url') };
    const next = end < items.length && limit > 0 ? `${this.apiBase}/${path}?limit=${limit}&after=${cursors.after}` : undefined;
    return { data: slice, paging: { cursors, ...(next ? { next } : {}) }, ...extra };
  }

  time = graphTime;
  /** The developer app the login flow accepts. */
  app = { id: "1234567890", secret: "fake-app-secret", name: "Ruche" };
  /** Whose Facebook session the login dialog has (the first user otherwise). */
  loginAs: string | null = null;
  /** The callback URL set in the App Dashboard's Webhooks product; null until a test sets it. */
  webhookUrl: string | null = null;

  /** Sends a webhook delivery to `webhookUrl`, signed with the app secret (see meta-fake-webhooks.ts for payloads). */
  deliver(payload: WebhookPayload | string, opts: DeliveryOptions = {}): Promise<Response> {
    if (!this.webhookUrl) throw new Error('set webhookUrl first');
    return deliverWebhook(this.webhookUrl, payload, opts.secret === undefined ? this.app.secret : opts.secret, { signature: opts.signature });
  }

  /** As Meta does: sends the payload only if its Pages subscribed the app to its fields (null when nothing is sent). */
  notify(payload: WebhookPayload): Promise<Response | null> {
    return wouldDeliver(this, payload) ? this.deliver(payload) : Promise.resolve(null);
  }
}

/** Keeps the top-level fields asked for (Graph answers only those, and `id`). */
function filterFields(out: Json, fields: string | null): Json {
  if (!fields || 'data' in out) return out;
  const names = new Set(['id']);
  let depth = 0;
  let cur = '';
  for (const ch of `${fields},`) {
    if (ch === '{' || ch === '(') depth++;
    if (ch === '}' || ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      names.add(cur.trim().split(/[.{(]/)[0]);
      cur = '';
    } else cur += ch;
  }
  return Object.fromEntries(Object.entries(out).filter(([k]) => names.has(k)));
}
