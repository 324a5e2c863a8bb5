/**
 * RSS, Atom, RDF and JSON Feed, parsed by feedsmith, read into one shape: the feed's own fields and its entries
 * with what a listening post needs. Feedsmith keeps each format's structure, so the differences between formats
 * are all here. Every field is checked for its type as it is read: a feed may put anything anywhere.
 */
import { DetectError, parseFeed, type AnyFeed } from 'feedsmith';
import { FeedError } from './feed-error.js';
import { syndicationMs, ttlMs } from './poll-interval.js';

/** Text as the feed gave it, and whether it is HTML (to be reduced to text) or already plain. */
export interface FeedText {
  value: string;
  html: boolean;
}

export interface FeedEntry {
  id: string | null;
  link: string | null;
  title: FeedText | null;
  body: FeedText | null;
  author: { name: string | null; url: string | null };
  /** Published, else updated, as the feed wrote it. */
  date: string | null;
  language: string | null;
}

export interface FeedDocument {
  title: FeedText | null;
  siteUrl: string | null;
  language: string | null;
  author: string | null;
  /** The interval the feed itself declares (RSS ttl, syndication module), when it does. */
  declaredIntervalMs: number | null;
  entries: FeedEntry[];
}

export function readFeed(text: string, maxEntries: number): FeedDocument {
  let parsed: AnyFeed;
  try {
    parsed = parseFeed(text, { maxItems: maxEntries });
  } catch (err) {
    if (err instanceof DetectError && !looksLikeBrokenJson(text)) {
      throw new FeedError('not_a_feed', 'This address answers with a web page or another document, not a feed.', { transient: false });
    }
    throw new FeedError('malformed', 'The feed is broken: its XML or JSON cannot be read.', { transient: false, cause: err });
  }
  const doc = toDocument(parsed);
  return { ...doc, entries: doc.entries.slice(0, maxEntries) };
}

function toDocument({ format, feed }: AnyFeed): FeedDocument {
  switch (format) {
    case 'rss':
      return {
        title: html(feed.title),
        siteUrl: str(feed.link),
        language: str(feed.language) ?? first(feed.dc?.languages),
        author: first(feed.dc?.creators),
        declaredIntervalMs: longest(ttlMs(feed.ttl), syndicationMs(feed.sy?.updatePeriod, feed.sy?.updateFrequency)),
        entries: list(feed.items).map((item) => ({
          id: str(item.guid?.value),
          link: str(item.link) ?? (item.guid?.isPermaLink !== false ? webAddress(str(item.guid?.value)) : null),
          title: html(item.title),
          body: html(item.content?.encoded) ?? html(item.description),
          author: { name: str(list(item.authors)[0]?.name) ?? first(item.dc?.creators), url: null },
          date: str(item.pubDate) ?? first(item.dc?.dates) ?? str(item.atom?.updated),
          language: first(item.dc?.languages),
        })),
      };
    case 'rdf':
      return {
        title: html(feed.title),
        siteUrl: str(feed.link),
        language: first(feed.dc?.languages),
        author: first(feed.dc?.creators),
        declaredIntervalMs: syndicationMs(feed.sy?.updatePeriod, feed.sy?.updateFrequency),
        entries: list(feed.items).map((item) => ({
          id: str(item.rdf?.about),
          link: str(item.link),
          title: html(item.title),
          body: html(item.content?.encoded) ?? html(item.description),
          author: { name: first(item.dc?.creators), url: null },
          date: first(item.dc?.dates),
          language: first(item.dc?.languages),
        })),
      };
    case 'atom':
      return {
        title: atomText(feed.title),
        siteUrl: alternateLink(feed.links),
        language: str(feed.xml?.lang),
        author: str(list(feed.authors)[0]?.name),
        declaredIntervalMs: syndicationMs(feed.sy?.updatePeriod, feed.sy?.updateFrequency),
        entries: list(feed.entries).map((entry) => {
          const author = list(entry.authors)[0];
          return {
            id: str(entry.id),
            link: alternateLink(entry.links),
            title: atomText(entry.title),
            body: (entry.content?.src ? null : atomText(entry.content)) ?? atomText(entry.summary),
            author: { name: str(author?.name), url: str(author?.uri) },
            date: str(entry.published) ?? str(entry.updated),
            language: str(entry.xml?.lang),
          };
        }),
      };
    case 'json':
      return {
        title: plain(feed.title),
        siteUrl: str(feed.home_page_url),
        language: str(feed.language),
        author: str(list(feed.authors)[0]?.name),
        declaredIntervalMs: null,
        entries: list(feed.items).map((item) => {
          const author = list(item.authors)[0];
          return {
            id: str(item.id),
            link: str(item.url) ?? str(item.external_url),
            title: plain(item.title),
            body: html(item.content_html) ?? plain(item.content_text) ?? plain(item.summary),
            author: { name: str(author?.name), url: str(author?.url) },
            date: str(item.date_published) ?? str(item.date_modified),
            language: str(item.language),
          };
        }),
      };
  }
}

/** A document that starts like JSON but does not parse is a broken JSON Feed rather than some other document. */
function looksLikeBrokenJson(text: string): boolean {
  if (!/^\s*\{/.test(text)) return false;
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

function str(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function list<T>(value: T[] | undefined): T[] {
  return Array.isArray(value) ? value : [];
}

function first(values: unknown[] | undefined): string | null {
  return str(list(values)[0]);
}

function html(value: unknown): FeedText | null {
  const s = str(value);
  return s === null ? null : { value: s, html: true };
}

function plain(value: unknown): FeedText | null {
  const s = str(value);
  return s === null ? null : { value: s, html: false };
}

/** Atom says how its text is written: `text` is plain, `html` and `xhtml` are markup. */
function atomText(text: { value?: unknown; type?: unknown } | undefined): FeedText | null {
  const s = str(text?.value);
  if (s === null) return null;
  const type = typeof text?.type === 'string' ? text.type.toLowerCase() : 'text';
  return { value: s, html: type !== 'text' && type !== 'text/plain' };
}

function alternateLink(links: Array<{ href?: unknown; rel?: unknown; type?: unknown }> | undefined): string | null {
  const candidates = list(links).filter((l) => l.rel === undefined || l.rel === 'alternate');
  const page = candidates.find((l) => typeof l.type !== 'string' || /html/i.test(l.type)) ?? candidates[0];
  return str(page?.href);
}

function webAddress(value: string | null): string | null {
  return value !== null && /^https?:\/\//i.test(value) ? value : null;
}

function longest(...intervals: Array<number | null>): number | null {
  const given = intervals.filter((ms): ms is number => ms !== null);
  return given.length === 0 ? null : Math.max(...given);
}
