/**
 * A new topic's last days from `app.bsky.feed.searchPosts`, the one use of search Bluesky asks for outside
 * searches people make. Servers may close search to callers without a session, or not offer it: that is an
 * answer (`unavailable`), not an error, and listening goes on from the stream alone.
 */
import { AtUri, type AtpAgent } from '@atproto/api';
import { z } from 'zod';
import type { ListeningPost } from '../../../modules/listening/types.js';
import type { ConnectorError } from '../../errors.js';
import { toConnectorError } from '../errors.js';
import { POST_COLLECTION, toListeningPost } from './listening-post.js';

export type RecentSearch =
  | { status: 'ok'; posts: ListeningPost[]; /** False when the page limit was reached before `sinceMs`. */ complete: boolean }
  | { status: 'unavailable'; /** `closed`: the server refuses this search; `failed`: it may answer later. */ reason: 'closed' | 'failed'; error: ConnectorError };

export interface RecentSearchOptions {
  /** Pages of up to 100 posts read per term. */
  maxPages?: number;
  signal?: AbortSignal;
  now?: () => number;
}

const MAX_TERMS = 50;
const MAX_TERM = 256;
const PAGE = 100;

const Count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined);
const PostView = z.object({
  uri: z.string().max(2048),
  author: z.object({ did: z.string(), handle: z.string(), displayName: z.string().optional().catch(undefined), avatar: z.string().optional().catch(undefined) }).loose(),
  record: z.unknown(),
  indexedAt: z.string().max(64),
  likeCount: Count,
  repostCount: Count,
  replyCount: Count,
}).loose();
const SearchPage = z.object({ cursor: z.string().max(1024).optional(), posts: z.array(z.unknown()).max(1000) }).loose();

function toPost(raw: unknown, now: number): { post: ListeningPost | null; indexedAt: number } {
  const view = PostView.safeParse(raw);
  if (!view.success) return { post: null, indexedAt: NaN };
  const v = view.data;
  const indexedAt = Math.min(Date.parse(v.indexedAt), now);
  let at: AtUri;
  try {
    at = new AtUri(v.uri);
  } catch {
    return { post: null, indexedAt };
  }
  if (at.collection !== POST_COLLECTION || at.host !== v.author.did) return { post: null, indexedAt };
  const post = toListeningPost({
    did: at.host, rkey: at.rkey, record: v.record, seenAt: Number.isFinite(indexedAt) ? indexedAt : now,
    author: { handle: v.author.handle, displayName: v.author.displayName, avatarUrl: v.author.avatar },
    engagement: { likes: v.likeCount, reposts: v.repostCount, replies: v.replyCount },
  });
  return { post, indexedAt };
}

const CLOSED = new Set<ConnectorError['kind']>(['auth_expired', 'forbidden', 'rejected']);

/** Posts since `sinceMs` matching any of `terms` (each term searched as the server reads it), newest first. */
export async function searchRecentPosts(agent: AtpAgent, terms: string[], sinceMs: number, opts: RecentSearchOptions = {}): Promise<RecentSearch> {
  const now = (opts.now ?? Date.now)();
  const maxPages = opts.maxPages ?? 10;
  const found = new Map<string, ListeningPost>();
  let complete = true;
  const queries = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0 && t.length <= MAX_TERM))].slice(0, MAX_TERMS);
  try {
    for (const q of queries) {
      let cursor: string | undefined;
      for (let page = 0; ; page++) {
        if (page === maxPages) {
          complete = false;
          break;
        }
        const res = await agent.app.bsky.feed.searchPosts(
          { q, sort: 'latest', since: new Date(sinceMs).toISOString(), limit: PAGE, cursor },
          { signal: opts.signal },
        );
        const body = SearchPage.safeParse(res.data);
        if (!body.success) break;
        let older = false;
        for (const raw of body.data.posts) {
          const { post, indexedAt } = toPost(raw, now);
          if (indexedAt < sinceMs) older = true;
          if (post && Date.parse(String(post.createdAt)) >= sinceMs) found.set(post.uri, post);
        }
        // Servers that ignore `since` still answer newest first: a page reaching past it is the last one needed.
        if (older || !body.data.cursor || body.data.posts.length === 0 || body.data.cursor === cursor) break;
        cursor = body.data.cursor;
      }
    }
  } catch (err) {
    const error = toConnectorError(err);
    return { status: 'unavailable', reason: CLOSED.has(error.kind) ? 'closed' : 'failed', error };
  }
  const posts = [...found.values()].sort((a, b) => Date.parse(String(b.createdAt)) - Date.parse(String(a.createdAt)));
  return { status: 'ok', posts, complete };
}
