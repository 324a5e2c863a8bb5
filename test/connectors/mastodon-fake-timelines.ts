/**
 * Public timelines on the Mastodon fake: GET /api/v1/timelines/tag/:hashtag, paged like every listing (max_id,
 * since_id, min_id, Link header), readable without a token unless `preview` is off (Mastodon's "public preview"
 * setting: then a 401), and rate-limited per address when anonymous, as Mastodon limits by IP. Only public
 * statuses are listed, never boosts. `addRaw` lists a status exactly as given, for what hostile servers send.
 */
import type { IncomingMessage } from 'node:http';
import type { FakeContext, MastodonFake, Params } from './mastodon-fake.js';
import type { FakeStatus } from './mastodon-fake-state.js';
import { listing, type Out } from './mastodon-fake-statuses.js';

const RATE_WINDOW_MS = 5 * 60_000;

export class FakeTimelines {
  /** false: timelines are shown to signed-in accounts only. */
  preview = true;
  private raw = new Map<string, { tag: string; body: Record<string, unknown> }>();
  private anonymous = { count: 0, resetAt: 0 };

  constructor(private readonly fake: MastodonFake) {}

  /**
   * Lists `body` (given this server's next id) in `tag`'s timeline after every status so far, whatever it holds.
   * A deleted placeholder keeps its place in the order the listings page by, and nothing else shows it.
   */
  addRaw(tag: string, body: Record<string, unknown>): string {
    const { state } = this.fake;
    const id = state.nextId();
    state.statuses.push({ id, accountId: '', text: '', spoilerText: '', visibility: 'public', language: null, inReplyToId: null,
      mediaIds: [], createdAt: new Date().toISOString(), deleted: true });
    this.raw.set(id, { tag: tag.toLowerCase(), body: { ...body, id } });
    return id;
  }

  /** Whether `s` shows in public timelines and streams, and under which tags. */
  tagsOf(s: FakeStatus): string[] | null {
    if (s.deleted || s.visibility !== 'public') return null;
    return this.fake.state.renderStatus(s).tags.map((t) => t.name);
  }

  route(ctx: FakeContext, method: string, path: string, p: Params, req: IncomingMessage): Out | null {
    const match = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(path);
    if (!match || method !== 'GET') return null;
    const tag = decodeURIComponent(match[1]).toLowerCase();
    const headers = this.admit(ctx, req);
    const { state } = this.fake;
    const entries = state.statuses.flatMap((s, rank) => {
      const raw = this.raw.get(s.id);
      if (raw) return raw.tag === tag ? [{ rank, key: s.id, value: raw.body as unknown }] : [];
      return this.tagsOf(s)?.includes(tag) ? [{ rank, key: s.id, value: state.renderStatus(s) as unknown }] : [];
    });
    return listing(this.fake, ctx, p, path, entries, (id) => state.rank(id), (v) => v, (body, status = 200) => ({ status, body, headers }));
  }

  /** A token, when sent, must be valid and counts as usual; without one, the anonymous window counts. */
  private admit(ctx: FakeContext, req: IncomingMessage): Record<string, string> {
    if (req.headers.authorization) return ctx.authenticate(req).headers;
    if (!this.preview) throw new ctx.HttpError(401, 'The access token is invalid');
    if (this.fake.quirks.noRateLimit) return {};
    const now = Date.now();
    if (this.anonymous.resetAt <= now) this.anonymous = { count: 0, resetAt: now + RATE_WINDOW_MS };
    this.anonymous.count++;
    const headers = {
      'X-RateLimit-Limit': String(this.fake.rateLimit),
      'X-RateLimit-Remaining': String(Math.max(0, this.fake.rateLimit - this.anonymous.count)),
      'X-RateLimit-Reset': new Date(this.anonymous.resetAt).toISOString(),
    };
    this.fake.lastRateHeaders = headers;
    if (this.anonymous.count > this.fake.rateLimit) throw new ctx.HttpError(429, 'Too many requests');
    return headers;
  }
}
