/**
 * Statuses and the listings built from them (an account's statuses, notifications, conversations) on the
 * Mastodon fake, with favourite and reblog.
 */
import type { IncomingMessage } from 'node:http';
import type { FakeContext, MastodonFake, Params } from './mastodon-fake.js';
import type { FakeAccount, FakeConversation, FakeNotification, FakeStatus } from './mastodon-fake-state.js';

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
    const quoteId = fake.quirks.noQuotes ? null : (str(p, 'quoted_status_id') ?? null);
    if (quoteId && !live(quoteId)) throw notFound();
    const s: FakeStatus = { id: state.nextId(), accountId: me.id, text, spoilerText: str(p, 'spoiler_text') ?? '', visibility: str(p, 'visibility') ?? 'public',
      language: str(p, 'language') ?? null, inReplyToId: inReplyTo, mediaIds, createdAt: new Date().toISOString(), deleted: false, quoteId };
    state.addStatus(s);
    for (const id of mediaIds) state.media.get(id)!.statusId = s.id;
    if (typeof key === 'string') ctx.idempotency.set(`${me.id}:${key}`, s.id);
    return ok(state.renderStatus(s));
  }
  let match = /^\/api\/v1\/statuses\/([\w-]+)\/(favourite|unfavourite|reblog|unreblog)$/.exec(path);
  if (match && method === 'POST') {
    const s = status(match[1]);
    const key = `${me.id}:${s.id}`;
    const set = match[2].endsWith('favourite') ? state.favourites : state.reblogs;
    const undo = match[2].startsWith('un');
    // Mastodon answers a second favourite or reblog with the same status, and notifies once.
    if (!undo && !set.has(key) && s.accountId !== me.id) state.notify(s.accountId, set === state.favourites ? 'favourite' : 'reblog', me.id, s.id);
    if (undo) set.delete(key);
    else set.add(key);
    return ok({ ...state.renderStatus(s), favourited: state.favourites.has(key), reblogged: state.reblogs.has(key) });
  }
  match = /^\/api\/v1\/statuses\/([\w-]+)(\/context|\/source)?$/.exec(path);
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
    const own = state.statuses.flatMap((s, rank) => (s.accountId === match![1] && !s.deleted ? [{ rank, key: s.id, value: s }] : []));
    return listing(fake, ctx, p, path, own, (id) => state.rank(id), (s) => state.renderStatus(s), ok);
  }
  if (method === 'GET' && path === '/api/v1/notifications') {
    const types = list(p, 'types');
    const excluded = list(p, 'exclude_types');
    const shown = (n: FakeNotification) => n.recipientId === me.id && (types.length === 0 || types.includes(n.type)) && !excluded.includes(n.type)
      && (n.statusId === null || live(n.statusId) !== undefined);
    const entries = state.notifications.flatMap((n, rank) => (shown(n) ? [{ rank, key: n.id, value: n }] : []));
    const rankOf = (id: string) => state.notifications.findIndex((n) => n.id === id);
    return listing(fake, ctx, p, path, entries, rankOf, (n) => state.renderNotification(n), ok);
  }
  if (method === 'GET' && path === '/api/v1/conversations') {
    // Mastodon orders and pages conversations by their last status, whose id the Link header carries.
    const entries = state.conversations.filter((c) => c.ownerId === me.id && live(c.lastStatusId))
      .map((c) => ({ rank: state.rank(c.lastStatusId), key: c.lastStatusId, value: c }))
      .sort((a, b) => a.rank - b.rank);
    return listing(fake, ctx, p, path, entries, (id) => state.rank(id), (c: FakeConversation) => state.renderConversation(c), ok);
  }
  return null;
}

/**
 * A listing, newest first, paged as Mastodon does: `max_id` (older than), `since_id` (newer than, newest first),
 * `min_id` (newer than, just after it), `limit` up to the server's maximum, and a Link header to the next and
 * previous pages. Positions in creation order stand for Mastodon's time-ordered numeric ids, so this holds for
 * UUIDs too; with the `ignoresSinceId` quirk, `since_id` and `min_id` do nothing.
 */
export function listing<T>(
  fake: MastodonFake, ctx: FakeContext, p: Params, path: string, entries: { rank: number; key: string; value: T }[],
  rankOf: (id: string) => number, render: (value: T) => unknown, ok: Req['ok'],
): Out {
  const at = (k: string) => {
    const id = str(p, k);
    return id === undefined ? undefined : rankOf(id);
  };
  const max = at('max_id');
  const honoured = !fake.quirks.ignoresSinceId;
  const since = honoured ? at('since_id') : undefined;
  const min = honoured ? at('min_id') : undefined;
  const limit = Math.min(Number(str(p, 'limit') ?? 20) || 20, ctx.maxLimit);
  const window = entries.filter(({ rank }) =>
    (max === undefined || rank < max) && (since === undefined || rank > since) && (min === undefined || rank > min));
  const picked = (min !== undefined ? window.slice(0, limit) : window.slice(-limit)).reverse();
  const out = ok(picked.map((e) => render(e.value)));
  if (picked.length > 0) {
    const base = `${fake.url}${path}`;
    out.headers = { ...out.headers, Link: `<${base}?max_id=${picked.at(-1)!.key}>; rel="next", <${base}?min_id=${picked[0].key}>; rel="prev"` };
  }
  return out;
}
