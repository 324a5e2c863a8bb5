/**
 * The brand's own posts under which comments were written, as context for the inbox: a Page post's message,
 * permalink and picture, an Instagram media's caption, permalink and image. Polls get them by field expansion on
 * the listing they read anyway; webhooks, which name the post only, get them through one multiple-ID read
 * (Graph API "Multiple ID Read Requests": GET /?ids=a,b&fields=…, at most 50 ids, answered as an object by id).
 */
import type { PostRef, ThreadContextEntry } from '../types.js';
import type { Graph } from './graph.js';

const MAX_IDS = 50;
const EXCERPT = 500;

/** Graph answers `created_time` and `timestamp` as 2026-12-05T16:00:00+0000. */
const iso = (t: string | undefined): string => {
  const ms = t ? Date.parse(t.replace(/\+0000$/, 'Z')) : NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
};

export const FB_POST_CONTEXT_FIELDS = 'id,message,created_time,permalink_url,full_picture';
export const IG_MEDIA_CONTEXT_FIELDS = 'id,caption,timestamp,permalink,media_type,media_url,thumbnail_url';

export interface FbPostFields { id: string; message?: string; created_time?: string; permalink_url?: string; full_picture?: string }
export interface IgMediaFields { id: string; caption?: string; timestamp?: string; permalink?: string; media_type?: string; media_url?: string; thumbnail_url?: string }

export const fbPostContext = (p: FbPostFields, handle: string): ThreadContextEntry => ({
  ref: { id: p.id }, authorHandle: handle, text: (p.message ?? '').slice(0, EXCERPT), createdAt: iso(p.created_time),
  url: p.permalink_url ?? null, imageUrl: p.full_picture ?? null,
});

/** A video's `media_url` is the video itself: its cover is `thumbnail_url`. */
export const igMediaContext = (m: IgMediaFields, handle: string): ThreadContextEntry => ({
  ref: { id: m.id }, authorHandle: handle, text: (m.caption ?? '').slice(0, EXCERPT), createdAt: iso(m.timestamp),
  url: m.permalink ?? null, imageUrl: (m.media_type === 'VIDEO' ? m.thumbnail_url : m.media_url) ?? null,
});

/**
 * Several posts read in one call per 50 ids. Graph refuses the whole read when one id is gone or unreadable: that
 * chunk's items then go without context (the comment itself is kept), rather than one call per post.
 */
export async function readOwnPosts<T extends { id: string }>(
  graph: Graph, posts: PostRef[], fields: string, toEntry: (p: T) => ThreadContextEntry,
): Promise<Map<string, ThreadContextEntry>> {
  const ids = [...new Set(posts.map((p) => p.id))];
  const out = new Map<string, ThreadContextEntry>();
  for (let i = 0; i < ids.length; i += MAX_IDS) {
    const found = await graph.get<Record<string, T>>('', { ids: ids.slice(i, i + MAX_IDS).join(','), fields }).catch(() => ({}));
    for (const p of Object.values(found)) if (p && typeof p === 'object' && typeof p.id === 'string') out.set(p.id, toEntry(p));
  }
  return out;
}
