/**
 * Counts read from the AppView the PDS proxies to: a post's likes, reposts, replies and quotes (Bluesky shows no
 * views), an account's followers, follows and posts, and the account's own posts newest first. What the AppView
 * sends is checked field by field: one odd post is skipped, never the page.
 */
import { AtUri, type AtpAgent } from '@atproto/api';
import { z } from 'zod';
import type { AccountInfo, OwnPost, OwnPostsOptions, Page, PostMetrics, PostRef } from '../types.js';
import { cap, capHandle, capName, isoDate, webUrl } from './hostile.js';

/** app.bsky.feed.getPosts takes at most 25 URIs a call. */
const GET_POSTS_BATCH = 25;
/** getAuthorFeed gives at most 100 a page. */
const MAX_PAGE = 100;
/** What an own post's text is cut to: analytics shows a few lines of it. */
const OWN_TEXT_MAX = 1_000;

const Count = z.number().int().nonnegative().catch(0);

const PostView = z
  .object({
    uri: z.string().startsWith('at://').max(2_048),
    cid: z.string().min(1).max(200),
    author: z.object({ did: z.string() }).loose(),
    record: z.object({ text: z.string().catch(''), createdAt: z.string().optional(), reply: z.unknown().optional() }).loose(),
    embed: z.unknown().optional(),
    likeCount: Count.optional(),
    repostCount: Count.optional(),
    replyCount: Count.optional(),
    quoteCount: Count.optional(),
    indexedAt: z.string().optional(),
  })
  .loose();
type PostView = z.infer<typeof PostView>;

const FeedItem = z.object({ post: z.unknown(), reason: z.unknown().optional(), reply: z.unknown().optional() }).loose();

const metricsOf = (p: PostView): PostMetrics => ({
  likes: p.likeCount ?? 0,
  reposts: p.repostCount ?? 0,
  replies: p.replyCount ?? 0,
  quotes: p.quoteCount ?? 0,
  views: null,
});

const Images = z.object({ images: z.array(z.object({ thumb: z.string() }).loose()).min(1) }).loose();

/** The first image's thumbnail: plain images, or the media beside a quoted record. */
function firstImage(embed: unknown): string | null {
  const plain = Images.safeParse(embed);
  if (plain.success) return webUrl(plain.data.images[0].thumb);
  const withMedia = z.object({ media: Images }).loose().safeParse(embed);
  return withMedia.success ? webUrl(withMedia.data.media.images[0].thumb) : null;
}

export const postWebUrl = (uri: string) => {
  const at = new AtUri(uri);
  return `https://bsky.app/profile/${at.host}/post/${at.rkey}`;
};

/** Counts for each ref, in order; a post the AppView no longer has (deleted, or its author gone) is null. */
export async function readPostMetrics(agent: AtpAgent, refs: PostRef[]): Promise<(PostMetrics | null)[]> {
  const found = new Map<string, PostMetrics>();
  const uris = [...new Set(refs.map((r) => r.id))];
  for (let i = 0; i < uris.length; i += GET_POSTS_BATCH) {
    const { data } = await agent.app.bsky.feed.getPosts({ uris: uris.slice(i, i + GET_POSTS_BATCH) });
    for (const raw of data.posts as unknown[]) {
      const p = PostView.safeParse(raw);
      if (p.success) found.set(p.data.uri, metricsOf(p.data));
    }
  }
  return refs.map((r) => found.get(r.id) ?? null);
}

const Profile = z
  .object({
    did: z.string(),
    handle: z.string(),
    displayName: z.string().optional(),
    followersCount: z.number().int().nonnegative().optional(),
    followsCount: z.number().int().nonnegative().optional(),
    postsCount: z.number().int().nonnegative().optional(),
  })
  .loose();

export async function readAccountMetrics(agent: AtpAgent, did: string): Promise<AccountInfo> {
  const { data } = await agent.app.bsky.actor.getProfile({ actor: did });
  const p = Profile.parse(data);
  return {
    id: p.did,
    handle: capHandle(p.handle),
    displayName: capName(p.displayName),
    followers: p.followersCount ?? null,
    following: p.followsCount ?? null,
    posts: p.postsCount ?? null,
  };
}

/**
 * One page of the account's own posts, newest first: replies and reposts are left out (the feed's filter drops
 * replies; reposts and pinned posts come with a reason and are skipped). The cursor is the AppView's; null once
 * the listing ends or reaches `since`.
 */
export async function readOwnPosts(agent: AtpAgent, did: string, cursor: string | null, opts: OwnPostsOptions): Promise<Page<OwnPost>> {
  const limit = Math.max(1, Math.min(MAX_PAGE, opts.limit));
  const { data } = await agent.app.bsky.feed.getAuthorFeed({ actor: did, limit, filter: 'posts_no_replies', ...(cursor ? { cursor } : {}) });
  const since = opts.since ? Date.parse(opts.since) : null;
  const items: OwnPost[] = [];
  let reachedSince = false;
  for (const raw of data.feed as unknown[]) {
    const entry = FeedItem.safeParse(raw);
    if (!entry.success || entry.data.reason !== undefined) continue;
    const p = PostView.safeParse(entry.data.post);
    if (!p.success || p.data.author.did !== did || p.data.record.reply !== undefined) continue;
    const createdAt = isoDate(p.data.record.createdAt) ?? isoDate(p.data.indexedAt);
    if (!createdAt) continue;
    if (since !== null && Date.parse(createdAt) < since) {
      reachedSince = true;
      continue;
    }
    items.push({
      ref: { id: p.data.uri, cid: p.data.cid },
      url: postWebUrl(p.data.uri),
      text: cap(p.data.record.text, OWN_TEXT_MAX),
      createdAt,
      imageUrl: firstImage(p.data.embed),
      metrics: metricsOf(p.data),
    });
  }
  const next = typeof data.cursor === 'string' && data.cursor && data.feed.length > 0 && !reachedSince ? data.cursor : null;
  return { items, cursor: next };
}
