/**
 * An HTTP fake of X API v2 on 127.0.0.1, written from docs.x.com as of 2025 (X API v2): Manage Posts (POST and
 * DELETE /2/tweets), Posts lookup (GET /2/tweets, /2/tweets/:id: a missing Tweet is a 200 with an `errors` entry of
 * type resource-not-found), User timelines and mentions (pagination_token, since_id, start_time, exclude), Recent
 * search (`conversation_id:`, 7 days), Hide replies, Mutes, Likes, Retweets, Users lookup (/2/users/me), Media upload
 * v2 (POST /2/media/upload, /initialize, /:id/append, /:id/finalize, STATUS command, /2/media/metadata) with
 * `processing_info`, metrics fields, and the documented errors: problem JSON (`title`, `detail`, `type`), 401
 * Unauthorized, 403 "You are not permitted to perform this action." for a missing scope, 403 duplicate content,
 * 429 with x-rate-limit-limit / -remaining / -reset per endpoint, user and 15-minute window. OAuth in x-fake-oauth.ts.
 *
 * Test hooks: createUser, postAs, likeAs, retweetAs, expireTokens, revoke, exhaust, signInAs, requests.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startFakeServer, type FakeServer } from './fake-server.js';
import { ALL_X_SCOPES, FakeXOAuth } from './x-fake-oauth.js';
import { FakeXState, type FakeTweet, type FakeXUser } from './x-fake-state.js';

const WINDOW_MS = 15 * 60_000;
const SEARCH_DAYS_MS = 7 * 24 * 3600_000;
const ORGANIC_MS = 30 * 24 * 3600_000;

type Json = Record<string, unknown>;
interface Ctx {
  method: string;
  url: URL;
  user: FakeXUser;
  json: Json;
  form: FormData | null;
  params: string[];
}
interface Answer {
  status?: number;
  body: unknown;
}
interface Route {
  method: string;
  path: RegExp;
  /** The endpoint as X's rate-limit table names it. */
  key: string;
  limit: number;
  scopes: string[];
  handle(ctx: Ctx): Answer;
}

const problem = (status: number, title: string, detail: string, type = 'about:blank'): Answer => ({ status, body: { title, detail, type, status } });
const invalid = (message: string): Answer => ({
  status: 400,
  body: { errors: [{ message }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' },
});
const notFound = (id: string) => ({
  value: id, detail: `Could not find tweet with id: [${id}].`, title: 'Not Found Error', resource_type: 'tweet', parameter: 'id', resource_id: id,
  type: 'https://api.twitter.com/2/problems/resource-not-found',
});

export class XFake {
  readonly state = new FakeXState();
  readonly oauth = new FakeXOAuth();
  url = '';
  /** STATUS answers `in_progress` this many times before `succeeded`. */
  mediaPolls = 2;
  requests: { method: string; path: string }[] = [];
  private windows = new Map<string, { used: number; resetAt: number }>();
  private server: FakeServer | undefined;
  private readonly routes: Route[] = this.buildRoutes();

  async start(): Promise<this> {
    this.server = await startFakeServer((req, res) => void this.handle(req, res).catch((err) => {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ title: 'Internal Server Error', detail: String(err), type: 'about:blank', status: 500 }));
    }));
    this.url = this.server.url;
    return this;
  }

  async close(): Promise<void> {
    await this.server?.close();
  }

  createUser(username: string, scopes: string[] = ALL_X_SCOPES) {
    const user = this.state.createUser(username);
    return { user, token: this.oauth.issue({ userId: user.id, scopes, clientId: this.oauth.client.id }) };
  }

  signInAs(user: FakeXUser): void {
    this.oauth.signedIn = user.id;
  }

  postAs(user: FakeXUser, text: string, replyTo: string | null = null): FakeTweet {
    return this.state.post(user.id, text, replyTo);
  }

  likeAs(user: FakeXUser, id: string): void {
    this.state.live(id)!.likes.add(user.id);
  }

  retweetAs(user: FakeXUser, id: string): void {
    this.state.live(id)!.retweets.add(user.id);
  }

  /** Every access token of the user passes its two hours; refresh tokens still work. */
  expireTokens(userId: string): void {
    for (const g of this.oauth.access.values()) if (g.userId === userId) g.expiresAt = Date.now() - 1;
  }

  /** The user revokes the app: access and refresh tokens die. */
  revoke(userId: string): void {
    this.oauth.revokeUser(userId);
  }

  /** The user's window on this endpoint (e.g. "POST /2/tweets") is used up. */
  exhaust(userId: string, key: string): void {
    const route = this.routes.find((r) => r.key === key)!;
    this.windows.set(`${key}|${userId}`, { used: route.limit, resetAt: Date.now() + WINDOW_MS });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const type = req.headers['content-type'] ?? '';
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body === undefined ? '' : JSON.stringify(body));
    };

    if (method === 'GET' && url.pathname === '/i/oauth2/authorize') {
      const a = this.oauth.authorize(url.searchParams);
      if (a.location) res.writeHead(302, { location: a.location }).end();
      else res.writeHead(a.status, { 'content-type': 'text/html' }).end(`<p>${a.body}</p>`);
      return;
    }
    if (method === 'POST' && url.pathname === '/2/oauth2/token') {
      const a = this.oauth.token(new URLSearchParams(raw.toString()), req.headers.authorization);
      return send(a.status, a.body);
    }

    const route = this.routes.find((r) => r.method === method && r.path.test(url.pathname));
    if (!route) return send(404, { title: 'Not Found', type: 'about:blank', status: 404, detail: 'Not Found' });
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    const grant = this.oauth.access.get(token);
    if (!grant || grant.expiresAt <= Date.now()) return send(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
    const user = this.state.users.get(grant.userId)!;

    const wkey = `${route.key}|${user.id}`;
    let w = this.windows.get(wkey);
    if (!w || w.resetAt <= Date.now()) this.windows.set(wkey, (w = { used: 0, resetAt: Date.now() + WINDOW_MS }));
    const rate = (remaining: number) => ({
      'x-rate-limit-limit': String(route.limit), 'x-rate-limit-remaining': String(Math.max(0, remaining)), 'x-rate-limit-reset': String(Math.ceil(w!.resetAt / 1000)),
    });
    if (w.used >= route.limit) return send(429, { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 }, rate(0));
    w.used++;
    if (!route.scopes.every((s) => grant.scopes.includes(s))) {
      const p = problem(403, 'Forbidden', 'You are not permitted to perform this action.');
      return send(p.status!, p.body, rate(route.limit - w.used));
    }
    let json: Json = {};
    let form: FormData | null = null;
    if (type.startsWith('application/json') && raw.length) json = JSON.parse(raw.toString()) as Json;
    if (type.startsWith('multipart/form-data')) form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const params = route.path.exec(url.pathname)!.slice(1);
    const a = route.handle({ method, url, user, json, form, params });
    send(a.status ?? 200, a.body, rate(route.limit - w.used));
  }

  private fields(url: URL): Set<string> {
    return new Set((url.searchParams.get('tweet.fields') ?? '').split(',').filter(Boolean));
  }

  /** A page of Tweets, newest first, with X's meta and includes. */
  private list(ctx: Ctx, tweets: FakeTweet[]): Answer {
    const q = ctx.url.searchParams;
    const max = Number(q.get('max_results') ?? 10);
    if (!(max >= 5 && max <= 100)) return invalid(`The \`max_results\` query parameter value [${max}] is not between 5 and 100`);
    const sorted = [...tweets].sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
    const start = Number(q.get('pagination_token') ?? 0);
    const page = sorted.slice(start, start + max);
    const fields = this.fields(ctx.url);
    const meta: Json = { result_count: page.length };
    if (page.length) Object.assign(meta, { newest_id: page[0].id, oldest_id: page.at(-1)!.id });
    if (start + max < sorted.length) meta.next_token = String(start + max);
    const body: Json = { meta };
    if (page.length) body.data = page.map((t) => this.state.render(t, fields, ctx.user.id));
    if (page.length && q.get('expansions')?.includes('author_id')) {
      const ids = [...new Set(page.map((t) => t.authorId))];
      body.includes = { users: ids.map((id) => this.state.renderUser(this.state.users.get(id)!, new Set())) };
    }
    return { body };
  }

  private buildRoutes(): Route[] {
    const s = this.state;
    const read = ['tweet.read', 'users.read'];
    const selfOnly = (ctx: Ctx): Answer | null => (ctx.params[0] === ctx.user.id ? null : problem(403, 'Forbidden', 'You are not permitted to perform this action.'));
    const live = (ts: FakeTweet[]) => ts.filter((t) => !t.deleted);
    const since = (ctx: Ctx, ts: FakeTweet[]) => {
      const startTime = ctx.url.searchParams.get('start_time');
      const sinceId = ctx.url.searchParams.get('since_id');
      return ts.filter((t) => (!startTime || t.createdAt >= Date.parse(startTime)) && (!sinceId || BigInt(t.id) > BigInt(sinceId)));
    };
    return [
      { method: 'GET', path: /^\/2\/users\/me$/, key: 'GET /2/users/me', limit: 75, scopes: read, handle: (ctx) => ({ body: { data: s.renderUser(ctx.user, new Set((ctx.url.searchParams.get('user.fields') ?? '').split(','))) } }) },
      {
        method: 'POST', path: /^\/2\/tweets$/, key: 'POST /2/tweets', limit: 100, scopes: ['tweet.read', 'tweet.write', 'users.read'],
        handle: (ctx) => {
          const text = String(ctx.json.text ?? '');
          const replyTo = (ctx.json.reply as Json | undefined)?.in_reply_to_tweet_id as string | undefined;
          const mediaIds = ((ctx.json.media as Json | undefined)?.media_ids as string[] | undefined) ?? [];
          if (replyTo && !s.live(replyTo)) return invalid('Invalid Request: The `reply.in_reply_to_tweet_id` query parameter value [' + replyTo + '] does not exist');
          for (const id of mediaIds) {
            const m = s.media.get(id);
            if (!m || m.ownerId !== ctx.user.id || !m.finalized || m.pollsLeft > 0) return invalid('Your media IDs are invalid.');
          }
          const day = Date.now() - 24 * 3600_000;
          if (live(s.tweets).some((t) => t.authorId === ctx.user.id && t.text === text && t.createdAt > day)) {
            return problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
          }
          const t = s.post(ctx.user.id, text, replyTo ?? null, mediaIds);
          const r = s.render(t, new Set(), ctx.user.id);
          return { status: 201, body: { data: { id: r.id, text: r.text, edit_history_tweet_ids: r.edit_history_tweet_ids } } };
        },
      },
      {
        method: 'DELETE', path: /^\/2\/tweets\/(\d+)$/, key: 'DELETE /2/tweets/:id', limit: 50, scopes: ['tweet.read', 'tweet.write', 'users.read'],
        handle: (ctx) => {
          const t = s.live(ctx.params[0]);
          if (!t) return { status: 404, body: { errors: [notFound(ctx.params[0])], title: 'Not Found Error', detail: `Could not find tweet with id: [${ctx.params[0]}].`, type: 'https://api.twitter.com/2/problems/resource-not-found' } };
          if (t.authorId !== ctx.user.id) return problem(403, 'Forbidden', 'You are not allowed to delete this Tweet.');
          t.deleted = true;
          return { body: { data: { deleted: true } } };
        },
      },
      {
        method: 'GET', path: /^\/2\/tweets\/(\d+)$/, key: 'GET /2/tweets/:id', limit: 900, scopes: read,
        handle: (ctx) => {
          const t = s.live(ctx.params[0]);
          return { body: t ? { data: s.render(t, this.fields(ctx.url), ctx.user.id) } : { errors: [notFound(ctx.params[0])] } };
        },
      },
      {
        method: 'GET', path: /^\/2\/tweets$/, key: 'GET /2/tweets', limit: 900, scopes: read,
        handle: (ctx) => {
          const ids = (ctx.url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
          const fields = this.fields(ctx.url);
          const found = ids.map((id) => s.live(id)).filter((t): t is FakeTweet => !!t);
          if (fields.has('organic_metrics') && found.some((t) => t.authorId !== ctx.user.id || Date.now() - t.createdAt > ORGANIC_MS)) {
            return invalid('organic_metrics are only available for your own Posts of the last 30 days.');
          }
          const body: Json = {};
          if (found.length) body.data = found.map((t) => s.render(t, fields, ctx.user.id));
          const missing = ids.filter((id) => !s.live(id));
          if (missing.length) body.errors = missing.map(notFound);
          return { body };
        },
      },
      {
        method: 'GET', path: /^\/2\/users\/(\d+)\/tweets$/, key: 'GET /2/users/:id/tweets', limit: 900, scopes: read,
        handle: (ctx) => {
          const exclude = (ctx.url.searchParams.get('exclude') ?? '').split(',');
          const mine = live(s.tweets).filter((t) => t.authorId === ctx.params[0] && !(exclude.includes('replies') && t.inReplyTo));
          return this.list(ctx, since(ctx, mine));
        },
      },
      {
        method: 'GET', path: /^\/2\/users\/(\d+)\/mentions$/, key: 'GET /2/users/:id/mentions', limit: 300, scopes: read,
        handle: (ctx) => {
          const u = s.users.get(ctx.params[0]);
          if (!u) return invalid('Could not find user');
          const about = live(s.tweets).filter((t) => t.authorId !== u.id && s.mentions(t).some((m) => m.toLowerCase() === u.username.toLowerCase()));
          return this.list(ctx, since(ctx, about));
        },
      },
      {
        method: 'GET', path: /^\/2\/tweets\/search\/recent$/, key: 'GET /2/tweets/search/recent', limit: 300, scopes: read,
        handle: (ctx) => {
          const m = /conversation_id:(\d+)/.exec(ctx.url.searchParams.get('query') ?? '');
          if (!m) return invalid('There were errors processing your request: the query is not supported by this fake');
          const week = Date.now() - SEARCH_DAYS_MS;
          return this.list(ctx, live(s.tweets).filter((t) => t.conversationId === m[1] && t.id !== m[1] && t.createdAt >= week));
        },
      },
      {
        method: 'PUT', path: /^\/2\/tweets\/(\d+)\/hidden$/, key: 'PUT /2/tweets/:id/hidden', limit: 50, scopes: ['tweet.read', 'users.read', 'tweet.moderate.write'],
        handle: (ctx) => {
          const t = s.live(ctx.params[0]);
          if (!t) return { status: 404, body: { errors: [notFound(ctx.params[0])], title: 'Not Found Error', type: 'https://api.twitter.com/2/problems/resource-not-found' } };
          if (s.live(t.conversationId)?.authorId !== ctx.user.id || t.id === t.conversationId) return problem(403, 'Forbidden', 'You can only hide or unhide replies to conversations you authored.');
          t.hidden = ctx.json.hidden === true;
          return { body: { data: { hidden: t.hidden } } };
        },
      },
      {
        method: 'POST', path: /^\/2\/users\/(\d+)\/muting$/, key: 'POST /2/users/:id/muting', limit: 50, scopes: ['tweet.read', 'users.read', 'mute.write'],
        handle: (ctx) => selfOnly(ctx) ?? (s.mutes.add(`${ctx.user.id}>${String(ctx.json.target_user_id)}`), { body: { data: { muting: true } } }),
      },
      {
        method: 'DELETE', path: /^\/2\/users\/(\d+)\/muting\/(\d+)$/, key: 'DELETE /2/users/:id/muting/:target', limit: 50, scopes: ['tweet.read', 'users.read', 'mute.write'],
        handle: (ctx) => selfOnly(ctx) ?? (s.mutes.delete(`${ctx.user.id}>${ctx.params[1]}`), { body: { data: { muting: false } } }),
      },
      {
        method: 'POST', path: /^\/2\/users\/(\d+)\/likes$/, key: 'POST /2/users/:id/likes', limit: 50, scopes: ['tweet.read', 'users.read', 'like.write'],
        handle: (ctx) => selfOnly(ctx) ?? (s.live(String(ctx.json.tweet_id))?.likes.add(ctx.user.id), { body: { data: { liked: true } } }),
      },
      {
        method: 'POST', path: /^\/2\/users\/(\d+)\/retweets$/, key: 'POST /2/users/:id/retweets', limit: 50, scopes: ['tweet.read', 'users.read', 'tweet.write'],
        handle: (ctx) => selfOnly(ctx) ?? (s.live(String(ctx.json.tweet_id))?.retweets.add(ctx.user.id), { body: { data: { retweeted: true } } }),
      },
      ...this.mediaRoutes(),
    ];
  }

  private mediaRoutes(): Route[] {
    const s = this.state;
    const scopes = ['media.write'];
    const owned = (ctx: Ctx, id: string) => {
      const m = s.media.get(id);
      return m && m.ownerId === ctx.user.id ? m : undefined;
    };
    const status = (id: string) => {
      const m = s.media.get(id)!;
      if (!m.finalized || !/^video|gif/.test(m.type)) return undefined;
      return m.pollsLeft > 0
        ? { state: m.pollsLeft === this.mediaPolls ? 'pending' : 'in_progress', check_after_secs: 1, progress_percent: 50 }
        : { state: 'succeeded', progress_percent: 100 };
    };
    return [
      {
        method: 'POST', path: /^\/2\/media\/upload$/, key: 'POST /2/media/upload', limit: 500, scopes,
        handle: (ctx) => {
          const file = ctx.form?.get('media');
          if (!(file instanceof Blob)) return invalid('The `media` field is required.');
          const id = s.newId();
          s.media.set(id, { id, ownerId: ctx.user.id, type: file.type || 'image/png', totalBytes: file.size, received: file.size, finalized: true, pollsLeft: 0, alt: null });
          return { body: { data: { id, media_key: `3_${id}`, size: file.size, expires_after_secs: 86400, image: { image_type: file.type, w: 1, h: 1 } } } };
        },
      },
      {
        method: 'GET', path: /^\/2\/media\/upload$/, key: 'GET /2/media/upload', limit: 500, scopes,
        handle: (ctx) => {
          const id = ctx.url.searchParams.get('media_id') ?? '';
          const m = owned(ctx, id);
          if (ctx.url.searchParams.get('command') !== 'STATUS' || !m) return invalid('Invalid media_id or command.');
          if (m.pollsLeft > 0) m.pollsLeft--;
          return { body: { data: { id, media_key: `7_${id}`, processing_info: status(id) } } };
        },
      },
      {
        method: 'POST', path: /^\/2\/media\/upload\/initialize$/, key: 'POST /2/media/upload/initialize', limit: 180, scopes,
        handle: (ctx) => {
          const id = s.newId();
          s.media.set(id, {
            id, ownerId: ctx.user.id, type: String(ctx.json.media_type), totalBytes: Number(ctx.json.total_bytes), received: 0, finalized: false, pollsLeft: this.mediaPolls, alt: null,
          });
          return { body: { data: { id, media_key: `7_${id}`, expires_after_secs: 86400 } } };
        },
      },
      {
        method: 'POST', path: /^\/2\/media\/upload\/(\d+)\/append$/, key: 'POST /2/media/upload/:id/append', limit: 1000, scopes,
        handle: (ctx) => {
          const m = owned(ctx, ctx.params[0]);
          const chunk = ctx.form?.get('media');
          if (!m || !(chunk instanceof Blob) || ctx.form?.get('segment_index') === null) return invalid('Invalid media_id, segment_index or media.');
          m.received += chunk.size;
          return { body: { data: { expires_at: Math.floor(Date.now() / 1000) + 86400 } } };
        },
      },
      {
        method: 'POST', path: /^\/2\/media\/upload\/(\d+)\/finalize$/, key: 'POST /2/media/upload/:id/finalize', limit: 180, scopes,
        handle: (ctx) => {
          const m = owned(ctx, ctx.params[0]);
          if (!m) return invalid('Invalid media_id.');
          if (m.received !== m.totalBytes) return invalid(`File size mismatch: received ${m.received} of ${m.totalBytes} bytes.`);
          m.finalized = true;
          return { body: { data: { id: m.id, media_key: `7_${m.id}`, size: m.totalBytes, expires_after_secs: 86400, processing_info: status(m.id) } } };
        },
      },
      {
        method: 'POST', path: /^\/2\/media\/metadata$/, key: 'POST /2/media/metadata', limit: 500, scopes,
        handle: (ctx) => {
          const m = owned(ctx, String(ctx.json.id));
          if (!m) return invalid('Invalid media id.');
          m.alt = String(((ctx.json.metadata as Json)?.alt_text as Json)?.text ?? '');
          return { body: { data: { id: m.id, associated_metadata: { alt_text: { text: m.alt } } } } };
        },
      },
    ];
  }
}
