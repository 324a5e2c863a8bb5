/** Statuses and the listings built from them (an account's statuses, notifications) on the Mastodon fake. */
import type { IncomingMessage } from 'node:http';
import type { FakeContext, MastodonFake, Params } from './mastodon-fake.js';
import type { FakeAccount, FakeStatus } from './mastodon-fake-state.js';

export interface Out {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}
export const str = (p: Params, k: string): string | undefined => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
export const list = (p: Params, k: string): string[] => (Array.isArray(p[k]) ? (p[k] as string[]) : p[k] ? [String(p[k])] : []);

interface Req {
  method: string;
  path: string;
  p: Params;
  req: IncomingMessage;
  me: FakeAccount;
  ok: (body: unknown, status?: number) => Out;
}

export function statusRoutes(fake: MastodonFake, ctx: FakeContext, { method, path, p, req, me, ok }: Req): Out | null {
  const { HttpError, state } = ctx;
  const notFound = () => new HttpError(404, 'Record not found');
  const invalid = (message: string) => new HttpError(422, message, 'validation');
  const live = (id: string) => state.statuses.find((x) => x.id === id && !x.deleted);
  const status = (id: string) => live(id) ?? (() => { throw notFound(); })();

  if (method === 'POST' && path === '/api/v1/statuses') {
    const key = req.headers['idempotency-key'];
    const seen = typeof key === 'string' ? ctx.idempotency.get(`${me.id}:${key}`) : undefined;
    if (seen) return ok(state.renderStatus(state.statuses.find((s) => s.id === seen)!));
    const text = str(p, 'status') ?? '';
    const mediaIds = list(p, 'media_ids');
    if (!text && mediaIds.length === 0) throw invalid("Validation failed: Text can't be blank");
    if (ctx.countable(text) + ctx.countable(str(p, 'spoiler_text') ?? '') > ctx.MAX_CHARS) {
      throw invalid(`Validation failed: Text character limit of ${ctx.MAX_CHARS} exceeded`);
    }
    if (mediaIds.length > 4) throw invalid('Validation failed: Cannot attach more than 4 files');
    for (const id of mediaIds) {
      const m = state.media.get(id);
      if (!m || m.ownerId !== me.id) throw invalid('Validation failed: Media attachments is invalid');
      if (m.pendingPolls > 0) throw new HttpError(422, 'Cannot attach files that have not finished processing. Try again in a moment!');
    }
    const inReplyTo = str(p, 'in_reply_to_id') ?? null;
    // Mastodon looks the parent up (404); some servers insert first and crash on the foreign key (bare 500).
    if (inReplyTo && !live(inReplyTo)) throw fake.quirks.invalidInputAs500 ? new HttpError(500, '', 'crash') : notFound();
    const s: FakeStatus = { id: state.nextId(), accountId: me.id, text, spoilerText: str(p, 'spoiler_text') ?? '', visibility: str(p, 'visibility') ?? 'public',
      language: str(p, 'language') ?? null, inReplyToId: inReplyTo, mediaIds, createdAt: new Date().toISOString(), deleted: false };
    state.statuses.push(s);
    for (const id of mediaIds) state.media.get(id)!.statusId = s.id;
    if (typeof key === 'string') ctx.idempotency.set(`${me.id}:${key}`, s.id);
    return ok(state.renderStatus(s));
  }
  let match = /^\/api\/v1\/statuses\/([\w-]+)(\/context|\/source)?$/.exec(path);
  if (match && method === 'GET' && !match[2]) return ok(state.renderStatus(status(match[1])));
  if (match && method === 'GET' && match[2] === '/source') {
    const s = status(match[1]);
    return ok({ id: s.id, text: s.text, spoiler_text: s.spoilerText });
  }
  if (match && method === 'GET' && match[2] === '/context') {
    const root = status(match[1]);
    const ancestors = [];
    for (let up = root.inReplyToId; up; ) {
      const s = live(up);
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
  match = /^\/api\/v1\/accounts\/([\w-]+)\/statuses$/.exec(path);
  if (match && method === 'GET') {
    if (!state.account(match[1])) throw notFound();
    const own = (s: FakeStatus) => s.accountId === match![1];
    return listing(fake, ctx, p, path, own, (s) => state.renderStatus(s), ok);
  }
  if (method === 'GET' && path === '/api/v1/notifications') {
    const types = list(p, 'types');
    const mentionsMe = (s: FakeStatus) =>
      s.accountId !== me.id && new RegExp(`(^|\\s)@${me.username}(\\b|@)`).test(s.text) && (types.length === 0 || types.includes('mention'));
    // One notification per mention, with the status's id: enough for cursors, as ids are only compared for equality.
    return listing(fake, ctx, p, path, mentionsMe, (s) => ({ id: s.id, type: 'mention', created_at: s.createdAt,
      group_key: `ungrouped-${s.id}`, account: state.renderAccount(state.account(s.accountId)!), status: state.renderStatus(s) }), ok);
  }
  return null;
}

/**
 * A listing, newest first, paged as Mastodon does: `max_id` (older than), `since_id` (newer than, newest first),
 * `min_id` (newer than, just after it), `limit` up to the server's maximum, and a Link header to the next and
 * previous pages. Positions in creation order stand for Mastodon's time-ordered numeric ids, so this holds for
 * UUIDs too; with the `ignoresSinceId` quirk, `since_id` and `min_id` do nothing.
 */
function listing(
  fake: MastodonFake, ctx: FakeContext, p: Params, path: string, keep: (s: FakeStatus) => boolean,
  render: (s: FakeStatus) => { id: string }, ok: Req['ok'],
): Out {
  const { state } = ctx;
  const rankOf = (k: string) => {
    const id = str(p, k);
    return id === undefined ? undefined : state.rank(id);
  };
  const max = rankOf('max_id');
  const honoured = !fake.quirks.ignoresSinceId;
  const since = honoured ? rankOf('since_id') : undefined;
  const min = honoured ? rankOf('min_id') : undefined;
  const limit = Math.min(Number(str(p, 'limit') ?? 20) || 20, ctx.maxLimit);
  const window = state.statuses.filter((s, rank) =>
    !s.deleted && keep(s) && (max === undefined || rank < max) && (since === undefined || rank > since) && (min === undefined || rank > min));
  const page = (min !== undefined ? window.slice(0, limit) : window.slice(-limit)).reverse().map(render);
  const out = ok(page);
  if (page.length > 0) {
    const base = `${fake.url}${path}`;
    out.headers = { ...out.headers, Link: `<${base}?max_id=${page.at(-1)!.id}>; rel="next", <${base}?min_id=${page[0].id}>; rel="prev"` };
  }
  return out;
}
