/** Routes of the Mastodon fake; each follows the documented method's parameters, answers and errors. */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FakeContext, MastodonFake, Params } from './mastodon-fake.js';
import { list, statusRoutes, str, type Out } from './mastodon-fake-statuses.js';

export async function route(
  fake: MastodonFake, ctx: FakeContext, method: string, path: string, p: Params, req: IncomingMessage,
): Promise<Out> {
  const { HttpError, state } = ctx;
  const notFound = () => new HttpError(404, 'Record not found');

  // --- OAuth and apps: no bearer token needed ---
  if (method === 'POST' && path === '/api/v1/apps') {
    if (!str(p, 'client_name') || !str(p, 'redirect_uris')) throw new HttpError(422, "Validation failed: Name can't be blank", 'validation');
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
    return { status: 200, body: { access_token: account.token, token_type: 'Bearer', scope: app.scopes, created_at: fake.quirks.tokenCreatedAtMs ? Date.now() : Math.floor(Date.now() / 1000) } };
  }
  if (method === 'GET' && path === '/api/v2/instance') {
    return { status: 200, body: { domain: state.domain, title: 'Fake', version: '4.3.0', source_url: 'https://github.com/mastodon/mastodon',
      configuration: {
        ...(fake.quirks.noStreaming ? {} : { urls: { streaming: fake.url.replace('http', 'ws') } }),
        accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
        statuses: { max_characters: ctx.MAX_CHARS, max_media_attachments: 4, characters_reserved_per_url: ctx.URL_CHARS },
        media_attachments: { supported_mime_types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
          ...(fake.quirks.noDescriptionLimit ? {} : { description_limit: 1500 }), image_size_limit: 16777216, image_matrix_limit: 33177600, video_size_limit: 103809024, video_frame_rate_limit: 120, video_matrix_limit: 8294400 },
        polls: { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2629746 },
        translation: { enabled: false },
      } } };
  }

  // --- Everything else needs a valid token, and counts against the rate limit ---
  const { account: me, headers } = ctx.authenticate(req);
  const ok = (body: unknown, status = 200): Out => ({ status, body, headers });

  if (method === 'GET' && path === '/api/v1/accounts/verify_credentials') {
    return ok({ ...state.renderAccount(me), source: { privacy: 'public', sensitive: false, language: '', note: '', fields: [] } });
  }
  if (method === 'POST' && path === '/api/v2/media') {
    const file = p.file;
    const invalid = () => new HttpError(422, 'Validation failed: File content type is invalid, File is invalid', 'validation');
    if (!(file instanceof File)) throw invalid();
    // Some servers hand the bytes to an image library that throws on anything else: an unhandled 500.
    if (!isImage(new Uint8Array(await file.arrayBuffer()))) throw fake.quirks.invalidInputAs500 ? new HttpError(500, '', 'crash') : invalid();
    const atOnce = fake.quirks.mediaAt200 === true;
    const m = { id: state.nextId(), ownerId: me.id, mime: file.type, size: file.size, description: str(p, 'description') ?? null, pendingPolls: atOnce ? 0 : 1, statusId: null };
    state.media.set(m.id, m);
    return ok(state.renderMedia(m), atOnce ? 200 : 202);
  }
  let match = /^\/api\/v1\/media\/([\w-]+)$/.exec(path);
  if (match && method === 'GET') {
    const m = state.media.get(match[1]);
    if (!m || m.ownerId !== me.id) throw notFound();
    const out = ok(state.renderMedia(m), m.pendingPolls > 0 ? 206 : 200);
    m.pendingPolls--;
    return out;
  }
  const listed = statusRoutes(fake, ctx, { method, path, p, req, me, ok });
  if (listed) return listed;
  match = /^\/api\/v1\/accounts\/([\w-]+)\/(block|mute|unblock|unmute|follow)$/.exec(path);
  if (match && method === 'POST') {
    if (!state.account(match[1])) throw notFound();
    const key = `${me.id}:${match[1]}`;
    if (match[2] === 'follow') state.notify(match[1], 'follow', me.id, null);
    else if (match[2].startsWith('un')) (match[2] === 'unblock' ? state.blocks : state.mutes).delete(key);
    else (match[2] === 'block' ? state.blocks : state.mutes).add(key);
    return ok(state.relationship(me.id, match[1]));
  }
  if (method === 'POST' && path === '/api/v1/reports') {
    const accountId = str(p, 'account_id');
    if (!accountId || !state.account(accountId)) throw new HttpError(422, "Validation failed: Target account can't be blank", 'validation');
    const report = { id: state.nextId(), by: me.id, accountId, statusIds: list(p, 'status_ids'), comment: str(p, 'comment') ?? '' };
    state.reports.push(report);
    return ok({ id: report.id, action_taken: false, action_taken_at: null, category: str(p, 'category') ?? 'other', comment: report.comment,
      forwarded: false, created_at: new Date().toISOString(), status_ids: report.statusIds, rule_ids: null,
      target_account: state.renderAccount(state.account(accountId)!) });
  }
  throw new HttpError(404, 'Record not found');
}

const MAGIC = [[0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff], [0x47, 0x49, 0x46, 0x38], [0x52, 0x49, 0x46, 0x46]];
const isImage = (bytes: Uint8Array) => MAGIC.some((m) => m.every((b, i) => bytes[i] === b));
