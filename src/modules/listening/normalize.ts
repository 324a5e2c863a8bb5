import { cleanText, SetAside } from '../inbound/normalize.js';
import type { ListeningPost } from './types.js';

/** Limits on what a source may make us store: a hostile post cannot bloat a row or a batch. */
export const MENTION_LIMITS = { text: 10_000, title: 500, uri: 1024, id: 512, handle: 256, name: 256, url: 2048, terms: 30, term: 200, languages: 5 } as const;

export interface NormalizedPost {
  network: ListeningPost['network'];
  uri: string;
  url: string | null;
  author: { externalId: string; handle: string; displayName: string | null; avatarUrl: string | null; followers: number | null };
  text: string;
  title: string | null;
  createdAt: number;
  languages: string[];
  hashtags: string[];
  mentions: string[];
  links: string[];
  engagement: number;
  repostOf: string | null;
}

const NETWORKS = new Set(['bluesky', 'mastodon', 'feed']);

const optional = (value: unknown, max: number): string | null => {
  const text = cleanText(value, max).trim();
  return text === '' ? null : text;
};

const httpUrl = (value: unknown): string | null => {
  const url = optional(value, MENTION_LIMITS.url);
  return url !== null && /^https?:\/\//i.test(url) ? url : null;
};

const count = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.min(Math.floor(value), 2_000_000_000) : 0;

function list(value: unknown, max: number, clean: (s: string) => string = (s) => s): string[] {
  if (!Array.isArray(value)) return [];
  const out = new Set<string>();
  for (const v of value.slice(0, max * 2)) {
    const s = optional(v, MENTION_LIMITS.term);
    if (s !== null) out.add(clean(s));
    if (out.size >= max) break;
  }
  return [...out];
}

function time(value: unknown, now: number): number {
  const t = typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : NaN;
  // A clock from the future would keep a post at the top of "newest" for ever; none at all means "just now".
  return Number.isFinite(t) ? Math.min(t, now) : now;
}

/** A post as listening stores it, or SetAside with the reason. */
export function normalizePost(raw: ListeningPost, now: number): NormalizedPost {
  if (!raw || typeof raw !== 'object') throw new SetAside('post is not an object');
  if (!NETWORKS.has(raw.network)) throw new SetAside(`unknown network ${String(raw.network).slice(0, 40)}`);
  const uri = optional(raw.uri, MENTION_LIMITS.uri);
  if (uri === null) throw new SetAside('post has no uri');
  const a = raw.author;
  if (!a || typeof a !== 'object') throw new SetAside('post has no author');
  const authorId = optional(a.id, MENTION_LIMITS.id);
  if (authorId === null) throw new SetAside('author has no id');
  const e = raw.engagement && typeof raw.engagement === 'object' ? raw.engagement : {};
  return {
    network: raw.network,
    uri,
    url: httpUrl(raw.url),
    author: {
      externalId: authorId,
      handle: optional(a.handle, MENTION_LIMITS.handle) ?? authorId.slice(0, MENTION_LIMITS.handle),
      displayName: optional(a.displayName, MENTION_LIMITS.name),
      avatarUrl: httpUrl(a.avatarUrl),
      followers: a.followers === null || a.followers === undefined ? null : count(a.followers),
    },
    text: cleanText(raw.text, MENTION_LIMITS.text),
    title: optional(raw.title, MENTION_LIMITS.title),
    createdAt: time(raw.createdAt, now),
    languages: list(raw.languages, MENTION_LIMITS.languages),
    hashtags: list(raw.hashtags, MENTION_LIMITS.terms, (s) => s.replace(/^#/, '').toLowerCase()),
    mentions: list(raw.mentions, MENTION_LIMITS.terms, (s) => s.replace(/^@/, '').toLowerCase()),
    links: list(raw.links, MENTION_LIMITS.terms).filter((l) => /^https?:\/\//i.test(l)),
    engagement: count(e.likes) + count(e.reposts) + count(e.replies),
    repostOf: optional(raw.repostOf, MENTION_LIMITS.uri),
  };
}
