/**
 * Counts from the status and account endpoints: favourites, boosts, replies and (Mastodon 4.4+) quotes; Mastodon
 * shows no views. Statuses are read one by one, a few at a time: `GET /api/v1/statuses?id[]=` exists only on
 * recent servers, and one request each keeps a deleted status (404) apart from the others.
 */
import { z } from 'zod';
import { isConnectorError } from '../errors.js';
import type { AccountInfo, OwnPost, OwnPostsOptions, Page, PostMetrics, PostRef } from '../types.js';
import type { MastodonHttp } from './http.js';
import { capChars, htmlToText } from './html-text.js';
import { toAuthor } from './mapping.js';
import { nextMaxId } from './paging.js';
import { Account, Listed, Status } from './schemas.js';

/** Requests in flight at once: well inside Mastodon's 300 calls per 5 minutes for a collection run. */
const CONCURRENCY = 4;
const MAX_PAGE = 40;
const OWN_TEXT_MAX = 1_000;

const metricsOf = (s: Status): PostMetrics => ({
  likes: s.favourites_count,
  reposts: s.reblogs_count,
  replies: s.replies_count,
  quotes: s.quotes_count ?? null,
  views: null,
});

/** Counts for each ref, in order; a status the server no longer has is null. Any other failure is thrown. */
export async function readStatusMetrics(http: MastodonHttp, refs: PostRef[]): Promise<(PostMetrics | null)[]> {
  const out: (PostMetrics | null)[] = new Array(refs.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < refs.length) {
      const i = next++;
      try {
        out[i] = metricsOf((await http.call(`/api/v1/statuses/${encodeURIComponent(refs[i].id)}`, Status)).data);
      } catch (err) {
        if (!isConnectorError(err) || err.kind !== 'gone') throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, refs.length) }, worker));
  return out;
}

const CountedAccount = Account.extend({
  following_count: z.number().int().nullish(),
  statuses_count: z.number().int().nullish(),
});

export async function readAccountCounts(http: MastodonHttp): Promise<AccountInfo> {
  const { data } = await http.call('/api/v1/accounts/verify_credentials', CountedAccount);
  return { ...toAuthor(data), followers: data.followers_count ?? null, following: data.following_count ?? null, posts: data.statuses_count ?? null };
}

const WithPreview = z.object({ media_attachments: z.array(z.object({ type: z.string(), preview_url: z.string().nullish() }).loose()).catch([]) }).loose();

function firstImage(raw: unknown): string | null {
  const parsed = WithPreview.safeParse(raw);
  const image = parsed.success ? parsed.data.media_attachments.find((m) => m.type === 'image' && m.preview_url) : undefined;
  return image?.preview_url && /^https?:\/\//i.test(image.preview_url) && image.preview_url.length <= 2_048 ? image.preview_url : null;
}

/**
 * One page of the account's own statuses, newest first, without boosts, replies or direct messages. Entries are
 * read one by one, so one odd status stops nothing. The cursor is the next page's max_id; null once the listing
 * ends, reaches `since`, or the server hands the same page again (it ignores max_id).
 */
export async function readOwnStatuses(http: MastodonHttp, accountId: string, cursor: string | null, opts: OwnPostsOptions): Promise<Page<OwnPost>> {
  const limit = Math.max(1, Math.min(MAX_PAGE, opts.limit));
  const { data, headers } = await http.call(`/api/v1/accounts/${encodeURIComponent(accountId)}/statuses`, z.array(z.unknown()), {
    query: { limit: String(limit), exclude_reblogs: 'true', exclude_replies: 'true', ...(cursor ? { max_id: cursor } : {}) },
  });
  const since = opts.since ? Date.parse(opts.since) : null;
  const items: OwnPost[] = [];
  let reachedSince = false;
  let lastId: string | null = null;
  for (const raw of data) {
    const listed = Listed.safeParse(raw);
    if (listed.success) lastId = listed.data.id;
    const parsed = Status.safeParse(raw);
    if (!parsed.success) continue;
    const s = parsed.data;
    if (s.reblog || s.in_reply_to_id || s.visibility === 'direct' || s.account.id !== accountId) continue;
    const at = Date.parse(s.created_at);
    if (!Number.isFinite(at)) continue;
    if (since !== null && at < since) {
      reachedSince = true;
      continue;
    }
    items.push({
      ref: { id: s.id },
      url: s.url ?? null,
      text: capChars(htmlToText(s.content), OWN_TEXT_MAX),
      createdAt: new Date(at).toISOString(),
      imageUrl: firstImage(raw),
      metrics: metricsOf(s),
    });
  }
  const next = nextMaxId(headers) ?? lastId;
  const ended = data.length === 0 || reachedSince || !next || next === cursor;
  return { items, cursor: ended ? null : next };
}
