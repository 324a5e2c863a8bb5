/**
 * A feed entry as a listening post. Its identity is the entry's id (else its link) made absolute against the feed,
 * so that the same entry read again, or from a mirror of the feed, is the same mention. Its author is the entry's
 * author where it names one, else the feed itself, known by the feed's host so that two blogs' "Admin" differ.
 */
import { createHash } from 'node:crypto';
import type { ListeningAuthor, ListeningPost } from '../types.js';
import { capChars, htmlToText, plainText, type HtmlText } from './html-text.js';
import type { FeedDocument, FeedEntry, FeedText } from './read-feed.js';

export const MAX_TEXT_CHARS = 10_000;
const MAX_TITLE_CHARS = 1_000;
const MAX_NAME_CHARS = 200;
const MAX_URL_CHARS = 2_048;

/** What every post of one feed shares. */
export interface FeedContext {
  /** Where the feed was finally read, after redirects: relative addresses are resolved against it. */
  feedUrl: URL;
  title: string | null;
  siteUrl: string | null;
  languages: string[];
  author: string | null;
  now: number;
}

export function feedContext(doc: FeedDocument, feedUrl: URL, now: number): FeedContext {
  return {
    feedUrl,
    title: doc.title ? readText(doc.title, MAX_NAME_CHARS).text || null : null,
    siteUrl: webUrl(doc.siteUrl, feedUrl),
    languages: languageTags(doc.language),
    author: doc.author ? plainText(doc.author, MAX_NAME_CHARS) || null : null,
    now,
  };
}

/** The post, or null for an entry with neither id nor link: nothing would tell it apart from the next. */
export function feedPost(entry: FeedEntry, feed: FeedContext): ListeningPost | null {
  const uri = identity(entry.id ?? entry.link, feed.feedUrl);
  if (uri === null) return null;
  const title = entry.title ? readText(entry.title, MAX_TITLE_CHARS).text : '';
  const body = entry.body ? readText(entry.body, MAX_TEXT_CHARS) : { text: '', links: [] };
  const url = webUrl(entry.link, feed.feedUrl);
  // Links in the content are relative to the page it was written for, when there is one.
  const page = url === null ? feed.feedUrl : new URL(url);
  const links = [...new Set(body.links.map((l) => webUrl(l, page)).filter((l): l is string => l !== null))];
  const language = languageTags(entry.language);
  return {
    network: 'feed',
    uri,
    url,
    author: author(entry, feed),
    text: capChars([title, body.text].filter((t) => t !== '').join('\n\n'), MAX_TEXT_CHARS),
    title: title || null,
    createdAt: new Date(dateOf(entry.date, feed.now)).toISOString(),
    languages: language.length > 0 ? language : feed.languages,
    links,
  };
}

function readText(text: FeedText, maxChars: number): HtmlText {
  return text.html ? htmlToText(text.value, maxChars) : { text: plainText(text.value, maxChars), links: [] };
}

function author(entry: FeedEntry, feed: FeedContext): ListeningAuthor {
  const host = feed.feedUrl.host;
  const siteHost = feed.siteUrl ? new URL(feed.siteUrl).host : host;
  const name = (entry.author.name && plainText(entry.author.name, MAX_NAME_CHARS)) || feed.author || feed.title;
  return {
    id: name ? `${host}/${name}` : host,
    handle: siteHost,
    displayName: name ?? siteHost,
    followers: null,
    url: webUrl(entry.author.url, feed.feedUrl) ?? feed.siteUrl,
  };
}

/**
 * The entry's id resolved against the feed: URLs and URNs stay as they are, a bare id ("1234") becomes one of
 * the feed's site. An id too long to store is kept as its hash under the feed's address.
 */
function identity(id: string | null, feedUrl: URL): string | null {
  if (id === null) return null;
  let uri: string;
  try {
    uri = new URL(id, feedUrl).href;
  } catch {
    uri = `${feedUrl.href}#${encodeURIComponent(id)}`;
  }
  if (uri.length <= MAX_URL_CHARS) return uri;
  return `${feedUrl.origin}${feedUrl.pathname}#sha256-${createHash('sha256').update(id).digest('hex')}`.slice(0, MAX_URL_CHARS);
}

/** An address a person may open: http or https only (never `javascript:` or `data:`), absolute. */
export function webUrl(raw: string | null, base: URL): string | null {
  if (raw === null) return null;
  try {
    const url = new URL(raw, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.href.length <= MAX_URL_CHARS ? url.href : null;
  } catch {
    return null;
  }
}

/** A date as epoch milliseconds: `now` when missing, unreadable, or in the future (a feed may date its entries anyhow). */
function dateOf(raw: string | null, now: number): number {
  const ms = raw === null ? NaN : Date.parse(raw);
  return Number.isNaN(ms) || ms > now ? now : ms;
}

function languageTags(raw: string | null): string[] {
  if (raw === null || raw.length > 35) return [];
  try {
    return Intl.getCanonicalLocales(raw.trim().replace(/_/g, '-'));
  } catch {
    return [];
  }
}
