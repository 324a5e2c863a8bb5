/** Routes of the Mastodon fake; each follows the documented method's parameters, answers and errors. */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FakeContext, MastodonFake, Params } from './mastodon-fake.js';

interface Out {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}
const str = (p: Params, k: string): string | undefined => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
const list = (p: Params, k: string): string[] => (Array.isArray(p[k]) ? (p[k] as string[]) : p[k] ? [String(p[k])] : []);

export async function route(
  fake: MastodonFake, ctx: FakeContext, method: string, path: string, p: Params, req: IncomingMessage,
): Promise<Out> {
  const { HttpError, state } = ctx;
  const notFound = () => new HttpError(404, 'Record not found');

  // --- OAuth and apps: no bearer token needed ---
  if (method === 'POST' && path === '/api/v1/apps') {
    if (!str(p, 'client_name') || !str(p, 'redirect_uris')) throw new HttpError(422, "Validation failed: Name can't be blank");
    const clientId = randomBytes(12).toString('hex');
    const app = { secret: randomBytes(16).toString('hex'), redirectUri: str(p, 'redirect_uris')!, scopes: str(p, 'scopes') ?? 'read' };
    ctx.apps.set(clientId, app);
    return { status: 200, body: { id: state.nextId(), name: str(p, 'client_name'), website: str(p, 'website') ?? null,
      scopes: app.scopes.split(' '), redirect_uri: app.redirectUri, redirect_uris: [app.redirectUri],
      client_id: clientId, client_secret: app.secret, vapid_key: 'BFake' } };
  }
  if (method === 'GET' && path === '/oauth/authorize') {
    // The user approves at once: the server redirects to the app with a code, as after a click on "Authorize".
    const app = ctx.apps.get(str(p, 'client_id') ?? '');
    if (!app || str(p, 'redirect_uri') !== app.redirectUri || str(p, 'response_type') !== 'code') throw new HttpError(400, 'invalid_request');
    const code = randomBytes(12).toString('hex');
    ctx.codes.set(code, { clientId: str(p, 'client_id')!, accountId: ctx.authorizeAs()!.id });
    const to = new URL(app.redirectUri);
    to.searchParams.set('code', code);
    if (str(p, 'state')) to.searchParams.set('state', str(p, 'state')!);
    return { status: 302, body: {}, headers: { location: to.toString() } };
  }
  if (method === 'POST' && path === '/oauth/token') {
    const grant = ctx.codes.get(str(p, 'code') ?? '');
    const app = ctx.apps.get(str(p, 'client_id') ?? '');
    if (!grant || !app || grant.clientId !== str(p, 'client_id') || app.secret !== str(p, 'client_secret') || str(p, 'redirect_uri') !== app.redirectUri) {
      return { status: 400, body: { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.' } };
    }
    ctx.codes.delete(str(p, 'code')!);
    const account = state.account(grant.accountId)!;
    return { status: 200, body: { access_token: account.token, token_type: 'Bearer', scope: app.scopes, created_at: Math.floor(Date.now() / 1000) } };
  }
  if (method === 'GET' && path === '/api/v2/instance') {
    return { status: 200, body: { domain: state.domain, title: 'Fake', version: '4.3.0', source_url: 'https://github.com/mastodon/mastodon',
      configuration: {
        urls: { streaming: fake.url.replace('http', 'ws') },
        accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
        statuses: { max_characters: ctx.MAX_CHARS, max_media_attachments: 4, characters_reserved_per_url: ctx.URL_CHARS },
        media_attachments: { supported_mime_types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'], description_limit: 1500,
          image_size_limit: 16777216, image_matrix_limit: 33177600, video_size_limit: 103809024, video_frame_rate_limit: 120, video_matrix_limit: 8294400 },
        polls: { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2629746 },
        translation: { enabled: false },
      } } };
  }

  // --- Everything else needs a valid token, and counts against the rate limit ---
  const { account: me, headers } = ctx.authenticate(req);
  const ok = (body: unknown, status = 200): Out => ({ status, body, headers });
  const status = (id: string) => {
    const s = state.statuses.find((x) => x.id === id && !x.deleted);
    if (!s) throw notFound();
    return s;
  };

  if (method === 'GET' && path === '/api/v1/accounts/verify_credentials') {
    return ok({ ...state.renderAccount(me), source: { privacy: 'public', sensitive: false, language: '', note: '', fields: [] } });
  }
  if (method === 'POST' && path === '/api/v2/media') {
    const file = p.file;
    if (!(file instanceof File)) throw new HttpError(422, 'Validation failed: File content type is invalid, File is invalid');
    const m = { id: state.nextId(), ownerId: me.id, mime: file.type, size: file.size, description: str(p, 'description') ?? null, pendingPolls: 1, statusId: null };
    state.media.set(m.id, m);
    return ok(state.renderMedia(m), 202);
  }
  let match = /^\/api\/v1\/media\/(\w+)$/.exec(path);
  if (match && method === 'GET') {
    const m = state.media.get(match[1]);
    if (!m || m.ownerId !== me.id) throw notFound();
    const out = ok(state.renderMedia(m), m.pendingPolls > 0 ? 206 : 200);
    m.pendingPolls--;
    return out;
  }
  if (method === 'POST' && path === '/api/v1/statuses') {
    const key = req.headers['idempotency-key'];
    const seen = typeof key === 'string' ? ctx.idempotency.get(`${me.id}:${key}`) : undefined;
    if (seen) return ok(state.renderStatus(state.statuses.find((s) => s.id === seen)!));
    const text = str(p, 'status') ?? '';
    const mediaIds = list(p, 'media_ids');
    if (!text && mediaIds.length === 0) throw new HttpError(422, "Validation failed: Text can't be blank");
    if (ctx.countable(text) + ctx.countable(str(p, 'spoiler_text') ?? '') > ctx.MAX_CHARS) {
      throw new HttpError(422, `Validation failed: Text character limit of ${ctx.MAX_CHARS} exceeded`);
    }
    if (mediaIds.length > 4) throw new HttpError(422, 'Validation failed: Cannot attach more than 4 files');
    for (const id of mediaIds) {
      const m = state.media.get(id);
      if (!m || m.ownerId !== me.id) throw new HttpError(422, 'Validation failed: Media attachments is invalid');
      if (m.pendingPolls > 0) throw new HttpError(422, 'Cannot attach files that have not finished processing. Try again in a moment!');
    }
    const inReplyTo = str(p, 'in_reply_to_id') ?? null;
    if (inReplyTo) status(inReplyTo);
    const s = { id: state.nextId(), accountId: me.id, text, spoilerText: str(p, 'spoiler_text') ?? '', visibility: str(p, 'visibility') ?? 'public',
      language: str(p, 'language') ?? null, inReplyToId: inReplyTo, mediaIds, createdAt: new Date().toISOString(), deleted: false };
    state.statuses.push(s);
    if (typeof key === 'string') ctx.idempotency.set(`${me.id}:${key}`, s.id);
    return ok(state.renderStatus(s));
  }
  match = /^\/api\/v1\/statuses\/(\w+)(\/context)?$/.exec(path);
  if (match && method === 'GET' && !match[2]) return ok(state.renderStatus(status(match[1])));
  if (match && method === 'GET' && match[2]) {
    const root = status(match[1]);
    const ancestors = [];
    for (let up = root.inReplyToId; up; ) {
      const s = state.statuses.find((x) => x.id === up && !x.deleted);
      if (!s) break;
      ancestors.unshift(state.renderStatus(s));
      up = s.inReplyToId;
    }
    const descendants: ReturnType<typeof state.renderStatus>[] = [];
    const walk = (id: string) => state.statuses.filter((x) => x.inReplyToId === id && !x.deleted).forEach((x) => {
      descendants.push(state.renderStatus(x));
      walk(x.id);
    });
    walk(root.id);
    return ok({ ancestors, descendants });
  }
  if (match && method === 'DELETE' && !match[2]) {
    const s = status(match[1]);
    if (s.accountId !== me.id) throw notFound();
    s.deleted = true;
    return ok({ ...state.renderStatus(s), text: s.text });
  }
  match = /^\/api\/v1\/accounts\/(\w+)\/(statuses|block|mute)$/.exec(path);
  if (match) {
    if (!state.account(match[1])) throw notFound();
    if (method === 'GET' && match[2] === 'statuses') {
      return ok(fake.statusesOf(match[1]).slice().reverse().slice(0, Number(str(p, 'limit') ?? 20)).map((s) => state.renderStatus(s)));
    }
    if (method === 'POST' && match[2] !== 'statuses') {
      (match[2] === 'block' ? state.blocks : state.mutes).add(`${me.id}:${match[1]}`);
      return ok(state.relationship(me.id, match[1]));
    }
  }
  if (method === 'GET' && path === '/api/v1/notifications') {
    const types = list(p, 'types');
    const since = Number(str(p, 'since_id') ?? 0);
    const items = state.statuses
      .filter((s) => !s.deleted && s.accountId !== me.id && Number(s.id) > since)
      .filter((s) => new RegExp(`(^|\\s)@${me.username}(\\b|@)`).test(s.text))
      .filter(() => types.length === 0 || types.includes('mention'))
      .reverse()
      .map((s) => ({ id: s.id, type: 'mention', created_at: s.createdAt, group_key: `ungrouped-${s.id}`,
        account: state.renderAccount(state.account(s.accountId)!), status: state.renderStatus(s) }));
    const link: Record<string, string> = items.length ? { Link: `<${fake.url}/api/v1/notifications?min_id=${items[0].id}>; rel="prev"` } : {};
    return { status: 200, body: items, headers: { ...headers, ...link } };
  }
  if (method === 'POST' && path === '/api/v1/reports') {
    const accountId = str(p, 'account_id');
    if (!accountId || !state.account(accountId)) throw new HttpError(422, "Validation failed: Target account can't be blank");
    const report = { id: state.nextId(), by: me.id, accountId, statusIds: list(p, 'status_ids'), comment: str(p, 'comment') ?? '' };
    state.reports.push(report);
    return ok({ id: report.id, action_taken: false, action_taken_at: null, category: str(p, 'category') ?? 'other', comment: report.comment,
      forwarded: false, created_at: new Date().toISOString(), status_ids: report.statusIds, rule_ids: null,
      target_account: state.renderAccount(state.account(accountId)!) });
  }
  throw new HttpError(404, 'Record not found');
}
