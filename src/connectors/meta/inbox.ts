/**
 * The inbox walks of a Page and of an Instagram account. Graph lists comments, tags and conversations without a
 * cursor that survives between walks, so each walk keeps only what is newer than the previous walk's newest item.
 */
import type { InboundItem, InboundPage } from '../types.js';

interface SinceCursor { since: string }

/** The walk's starting time; a cursor from elsewhere starts over from `fallback`. */
export function readSince(cursor: string | null, fallback: string): string {
  try {
    const v = cursor ? (JSON.parse(cursor) as Partial<SinceCursor>) : null;
    return typeof v?.since === 'string' ? v.since : fallback;
  } catch {
    return fallback;
  }
}

/** One page holds the whole walk: the next one starts at its newest item. */
export function sincePage(items: InboundItem[], since: string): InboundPage {
  const newest = items.reduce((m, i) => (i.createdAt > m ? i.createdAt : m), since);
  const oldest = items.reduce<string | null>((m, i) => (m === null || i.createdAt < m ? i.createdAt : m), null);
  const cursor: SinceCursor = { since: newest };
  return { items, counters: [], cursor: JSON.stringify(cursor), more: false, reachedBack: oldest };
}

interface GraphItem {
  kind: 'mention' | 'message';
  id: string;
  text: string;
  createdAt: string;
  url: string | null;
  author: { id: string; handle: string; displayName: string | null };
  conversationId?: string;
}

/** A tag or a private message: Graph gives neither a thread, a quote, languages nor the author's audience. */
export const graphItem = (i: GraphItem): InboundItem => ({
  kind: i.kind, ref: { id: i.id }, text: i.text, createdAt: i.createdAt, url: i.url,
  author: { ...i.author, avatarUrl: null, followers: null, createdAt: null },
  parent: null, root: null, conversationId: i.conversationId ?? null, quoted: null, languages: [], context: [],
});
