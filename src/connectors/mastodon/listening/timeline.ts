/**
 * GET /api/v1/timelines/tag/:hashtag, public on most instances, walked forward from a saved `min_id`: each page
 * holds the statuses just newer than the cursor, and the next cursor is the newest one read (the Link header's
 * "prev" page). `since_id` alone would give the newest page and skip whatever lies between. A server that
 * ignores `min_id` answers with its newest page, which then contains the cursor: only what lies above it is new.
 */
import { z } from 'zod';
import type { ListeningPost } from '../../../modules/listening/types.js';
import { ConnectorError, isConnectorError } from '../../errors.js';
import { MastodonHttp } from '../http.js';
import { Listed } from '../schemas.js';
import { dedupeByUri } from './dedupe.js';
import { toListeningPost } from './post.js';

export interface HashtagTimelineOptions {
  instanceUrl: string;
  /** With or without its '#'. */
  tag: string;
  /** The newest status id read last time on this instance; null the first time (the newest page is read). */
  minId: string | null;
  /** Needed only on instances that show their timelines to signed-in accounts alone. */
  accessToken?: string | null;
  fetch: typeof fetch;
  /** Statuses asked per page; Mastodon gives at most 40. */
  limit?: number;
  /** Pages read per call, so that a busy tag cannot hold the caller: the rest comes next time. */
  maxPages?: number;
  now?: () => number;
}

export interface HashtagTimelinePage {
  /** Oldest first, one per uri. */
  posts: ListeningPost[];
  /** The cursor to save: the newest status id seen (including statuses that were passed over). */
  minId: string | null;
}

/** More entries than any server sends on one page: the answer is refused rather than read. */
const MAX_PAGE_ENTRIES = 200;
const MAX_TAG_CHARS = 100;
const Page = z.array(z.unknown()).max(MAX_PAGE_ENTRIES);
const Head = Listed.pick({ id: true });

export async function readHashtagTimeline(opts: HashtagTimelineOptions): Promise<HashtagTimelinePage> {
  const tag = hashtagName(opts.tag);
  const http = new MastodonHttp({ baseUrl: opts.instanceUrl, token: opts.accessToken ?? undefined, fetch: opts.fetch, now: opts.now });
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 40), 1), 40);
  const maxPages = Math.max(1, opts.maxPages ?? 5);
  const posts: ListeningPost[] = [];
  let cursor = opts.minId;
  for (let page = 0; page < maxPages; page++) {
    const first = cursor === null;
    const { data, headers } = await read(http, tag, cursor, limit, Boolean(opts.accessToken));
    const ids = data.map((entry) => Head.safeParse(entry).data?.id ?? null);
    const at = cursor === null ? -1 : ids.indexOf(cursor);
    const fresh = at >= 0 ? data.slice(0, at) : data;
    for (const entry of [...fresh].reverse()) {
      const post = toListeningPost(entry, opts.instanceUrl);
      if (post) posts.push(post);
    }
    const newest = prevMinId(headers) ?? ids.slice(0, fresh.length).find((id) => id !== null) ?? null;
    if (newest === null || newest === cursor) break;
    cursor = newest;
    if (first || at >= 0 || data.length < limit) break;
  }
  return { posts: dedupeByUri(posts), minId: cursor };
}

async function read(http: MastodonHttp, tag: string, minId: string | null, limit: number, signedIn: boolean) {
  try {
    return await http.call(`/api/v1/timelines/tag/${encodeURIComponent(tag)}`, Page, {
      query: { limit: String(limit), min_id: minId ?? undefined },
    });
  } catch (err) {
    // Without a token, a 401 is the instance keeping its timelines to its members, not a token gone bad.
    if (isConnectorError(err) && err.kind === 'auth_expired' && !signedIn) {
      throw new ConnectorError('mastodon', 'forbidden', 'This instance shows its hashtag timelines only to signed-in accounts: connect an account of it to listen there.', {
        status: err.status, networkCode: 'auth_required', cause: err,
      });
    }
    throw err;
  }
}

/** `#Ruche` → `Ruche`; Mastodon matches tags without regard to case. */
export function hashtagName(tag: string): string {
  const name = tag.trim().replace(/^#/, '');
  if (!name || name.length > MAX_TAG_CHARS || /[\s#/?&]/.test(name)) {
    throw new ConnectorError('mastodon', 'rejected', `"${tag.slice(0, MAX_TAG_CHARS)}" is not a hashtag.`, { networkCode: 'invalid_hashtag' });
  }
  return name;
}

/** The `min_id` of the Link header's "prev" page: the newest status of the page just read. */
function prevMinId(headers: Headers): string | null {
  for (const part of (headers.get('link') ?? '').split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?prev"?/.exec(part);
    if (!m) continue;
    try {
      return new URL(m[1]).searchParams.get('min_id');
    } catch {
      return null;
    }
  }
  return null;
}
