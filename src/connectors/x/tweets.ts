/** X API v2 Tweet objects as the connector reads them, and the text with X's t.co links put back as written. */
import type { Author, Comment, PostMetrics, PostRef, PublishedPost } from '../types.js';

export interface XTweet {
  id: string;
  text: string;
  created_at?: string;
  author_id?: string;
  conversation_id?: string;
  referenced_tweets?: Array<{ type: string; id: string }>;
  entities?: { urls?: Array<{ start: number; end: number; url: string; expanded_url?: string }> };
  attachments?: { media_keys?: string[] };
  public_metrics?: { retweet_count?: number; reply_count?: number; like_count?: number; quote_count?: number; impression_count?: number };
  organic_metrics?: { impression_count?: number; retweet_count?: number; reply_count?: number; like_count?: number };
}

export interface XUser {
  id: string;
  name?: string;
  username: string;
  public_metrics?: { followers_count?: number; following_count?: number; tweet_count?: number };
}

export interface XList {
  data?: XTweet[];
  includes?: { users?: XUser[] };
  meta?: { result_count?: number; newest_id?: string; oldest_id?: string; next_token?: string };
  errors?: Array<{ resource_id?: string; value?: string; type?: string }>;
}

export const TWEET_FIELDS = 'created_at,author_id,conversation_id,referenced_tweets,entities,attachments,public_metrics';

// Snowflake ids carry their creation time: milliseconds since X's epoch, shifted by 22 bits.
const X_EPOCH = 1288834974657n;
export const tweetTime = (id: string): number => {
  try {
    return Number((BigInt(id) >> 22n) + X_EPOCH);
  } catch {
    return 0;
  }
};

/** X answers with URLs shortened to t.co; the entities say what was written. The last link of a media post is the media's own. */
export function writtenText(t: XTweet): string {
  const urls = [...(t.entities?.urls ?? [])].sort((a, b) => b.start - a.start);
  const chars = [...t.text];
  for (const u of urls) chars.splice(u.start, u.end - u.start, u.expanded_url ?? u.url);
  return chars.join('');
}

export const repliedTo = (t: XTweet): string | null => t.referenced_tweets?.find((r) => r.type === 'replied_to')?.id ?? null;

export const tweetUrl = (username: string, id: string) => `https://x.com/${encodeURIComponent(username)}/status/${id}`;

export function toPublished(t: XTweet, username: string, alreadyExisted: boolean): PublishedPost {
  return {
    ref: { id: t.id }, url: tweetUrl(username, t.id), text: writtenText(t),
    createdAt: t.created_at ?? new Date(tweetTime(t.id)).toISOString(), alreadyExisted,
  };
}

export function authorOf(t: XTweet, users: XUser[] = []): Author {
  const u = users.find((x) => x.id === t.author_id);
  return { id: t.author_id ?? '', handle: u?.username ?? '', displayName: u?.name ?? null };
}

export function toComment(t: XTweet, users: XUser[] = []): Comment {
  const parent = repliedTo(t);
  return {
    ref: { id: t.id } satisfies PostRef, author: authorOf(t, users), text: writtenText(t),
    createdAt: t.created_at ?? new Date(tweetTime(t.id)).toISOString(), inReplyTo: parent ? { id: parent } : null,
  };
}

export function toMetrics(t: XTweet): PostMetrics {
  const p = t.public_metrics ?? {};
  const o = t.organic_metrics;
  return {
    replies: p.reply_count ?? 0, reposts: p.retweet_count ?? 0, likes: p.like_count ?? 0, quotes: p.quote_count ?? 0,
    views: o?.impression_count ?? p.impression_count ?? null,
  };
}
