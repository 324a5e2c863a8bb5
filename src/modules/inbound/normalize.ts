import type { InboundAuthor, InboundItem, PostRef, ThreadContextEntry } from '../../connectors/types.js';

/** Limits on what a network may make us store: a hostile item cannot bloat a row or a page. */
export const LIMITS = { text: 10_000, id: 512, handle: 256, name: 256, url: 2048, context: 10, contextText: 2000, languages: 5 } as const;

export interface NormalizedItem {
  kind: InboundItem['kind'];
  externalId: string;
  externalCid: string | null;
  author: { externalId: string; handle: string; displayName: string | null; avatarUrl: string | null; followers: number | null; createdAt: number | null };
  text: string;
  url: string | null;
  createdAt: number;
  parent: { id: string; cid: string | null } | null;
  root: { id: string; cid: string | null } | null;
  conversationId: string | null;
  quoted: { id: string; cid: string | null } | null;
  languages: string[];
  context: ThreadContextEntry[];
}

export class SetAside extends Error {
  readonly code = 'inbound_set_aside';
}

// NUL breaks PostgreSQL text; other C0/C1 controls (but tab and newlines) and lone surrogates are junk from a broken
// encoder. Everything else is kept as written, direction controls included: the analysis and the UI deal with those.
// eslint-disable-next-line no-control-regex
const JUNK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Strips storage-breaking characters and cuts to `max` code points, never inside a surrogate pair. */
export function cleanText(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  const cleaned = value.replace(JUNK, (c) => (c.length === 1 && c >= '\uD800' && c <= '\uDFFF' ? '\uFFFD' : ''));
  if (cleaned.length <= max) return cleaned;
  const points = Array.from(cleaned);
  return points.length <= max ? cleaned : points.slice(0, max).join('');
}

const optional = (value: unknown, max: number): string | null => {
  const text = cleanText(value, max).trim();
  return text === '' ? null : text;
};

function requiredId(value: unknown, what: string): string {
  const id = optional(value, LIMITS.id);
  if (id === null) throw new SetAside(`${what} has no id`);
  return id;
}

function ref(value: PostRef | null | undefined): { id: string; cid: string | null } | null {
  if (!value || typeof value !== 'object') return null;
  const id = optional(value.id, LIMITS.id);
  return id === null ? null : { id, cid: optional(value.cid, LIMITS.id) };
}

function time(value: unknown): number | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const t = new Date(value).getTime();
  return Number.isFinite(t) ? t : null;
}

const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(Math.floor(value), 2_000_000_000) : null;

const httpUrl = (value: unknown): string | null => {
  const url = optional(value, LIMITS.url);
  return url !== null && /^https?:\/\//i.test(url) ? url : null;
};

function author(a: InboundAuthor | undefined): NormalizedItem['author'] {
  if (!a || typeof a !== 'object') throw new SetAside('item has no author');
  const externalId = requiredId(a.id, 'author');
  return {
    externalId,
    handle: optional(a.handle, LIMITS.handle) ?? externalId.slice(0, LIMITS.handle),
    displayName: optional(a.displayName, LIMITS.name),
    avatarUrl: httpUrl(a.avatarUrl),
    followers: count(a.followers),
    createdAt: time(a.createdAt),
  };
}

const KINDS = new Set(['reply', 'mention', 'quote', 'message']);

/**
 * A raw item as the pipeline stores it, or SetAside with the reason. Times from the future (a skewed clock) are
 * brought back to `now`, so they cannot stay on top of "newest first" for ever.
 */
export function normalizeItem(raw: InboundItem, now: number): NormalizedItem {
  if (!raw || typeof raw !== 'object') throw new SetAside('item is not an object');
  if (!KINDS.has(raw.kind)) throw new SetAside(`unknown kind ${String(raw.kind).slice(0, 40)}`);
  const externalId = requiredId(raw.ref?.id, 'item');
  const created = time(raw.createdAt);
  const context = Array.isArray(raw.context) ? raw.context.slice(-LIMITS.context) : [];
  return {
    kind: raw.kind,
    externalId,
    externalCid: optional(raw.ref?.cid, LIMITS.id),
    author: author(raw.author),
    text: cleanText(raw.text, LIMITS.text),
    url: httpUrl(raw.url),
    createdAt: created === null ? now : Math.min(created, now),
    parent: ref(raw.parent),
    root: ref(raw.root),
    conversationId: optional(raw.conversationId, LIMITS.id),
    quoted: ref(raw.quoted),
    languages: (Array.isArray(raw.languages) ? raw.languages : []).map((l) => optional(l, 35)).filter((l): l is string => l !== null).slice(0, LIMITS.languages),
    context: context.flatMap((c) => {
      const r = ref(c?.ref);
      if (!r) return [];
      const url = httpUrl(c.url);
      const imageUrl = httpUrl(c.imageUrl);
      return [{
        ref: { id: r.id, ...(r.cid ? { cid: r.cid } : {}) }, authorHandle: cleanText(c.authorHandle, LIMITS.handle), text: cleanText(c.text, LIMITS.contextText), createdAt: cleanText(c.createdAt, 40),
        ...(url ? { url } : {}), ...(imageUrl ? { imageUrl } : {}),
      }];
    }),
  };
}

/** Conversations share a key: a message's conversation, else the thread's root, its parent, or the item itself. */
export function threadKeyOf(item: NormalizedItem): string {
  if (item.kind === 'message' && item.conversationId) return item.conversationId;
  return item.root?.id ?? item.parent?.id ?? item.externalId;
}
