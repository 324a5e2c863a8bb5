/**
 * An OPML subscription list, as feed readers export it, read into the feeds to follow. Folders are flattened,
 * each feed keeping its folder's name as its category. Only web addresses are taken, each once, and the list is
 * bounded; a document that declares entities is refused outright rather than trusted not to expand them.
 */
import { MalformedError, parseOpml as parseOpmlDocument, type Opml } from 'feedsmith';
import { plainText } from './html-text.js';

export const OPML_MAX_BYTES = 2 * 1024 * 1024;
export const OPML_MAX_FEEDS = 2_000;
const MAX_TITLE_CHARS = 200;
const MAX_URL_CHARS = 2_048;

export type OpmlErrorReason = 'too_large' | 'declares_entities' | 'malformed' | 'not_opml';

export class OpmlError extends Error {
  readonly code = 'opml_error';

  constructor(
    readonly reason: OpmlErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OpmlError';
  }
}

export interface OpmlFeed {
  title: string;
  xmlUrl: string;
  htmlUrl: string | null;
  category: string | null;
}

/** An outline that names a feed but was not taken, and why: `not_a_web_address`, `duplicate`, `too_many_feeds`. */
export interface OpmlSkipped {
  reason: string;
  xmlUrl?: string;
}

type Outline = Opml.Outline<string>;

export function parseOpml(text: string): { feeds: OpmlFeed[]; skipped: OpmlSkipped[] } {
  if (text.length > OPML_MAX_BYTES || Buffer.byteLength(text) > OPML_MAX_BYTES) {
    throw new OpmlError('too_large', `The file is larger than ${OPML_MAX_BYTES / 1024 / 1024} MB.`);
  }
  if (/<!ENTITY/i.test(text)) throw new OpmlError('declares_entities', 'The file declares XML entities, which an OPML list never needs.');
  let outlines: Outline[];
  try {
    outlines = parseOpmlDocument(text).body?.outlines ?? [];
  } catch (err) {
    if (err instanceof MalformedError) throw new OpmlError('malformed', 'The file is broken XML.', { cause: err });
    throw new OpmlError('not_opml', 'This file is not an OPML list of feeds.', { cause: err });
  }

  const feeds: OpmlFeed[] = [];
  const skipped: OpmlSkipped[] = [];
  const seen = new Set<string>();
  // Depth first, in document order, without recursion: the parser already bounds the nesting, this bounds the stack.
  const stack: Array<{ outline: Outline; category: string | null }> = outlines.map((outline) => ({ outline, category: null })).reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { outline, category } = next;
    const raw = typeof outline.xmlUrl === 'string' ? outline.xmlUrl : null;
    const name = titleOf(outline);
    if (Array.isArray(outline.outlines)) {
      const folder = raw === null ? (name ?? category) : category;
      for (const child of [...outline.outlines].reverse()) stack.push({ outline: child, category: folder });
    }
    if (raw === null) continue;
    const xmlUrl = webAddress(raw);
    if (xmlUrl === null) {
      skipped.push({ reason: 'not_a_web_address', xmlUrl: raw.slice(0, 200) });
    } else if (seen.has(xmlUrl)) {
      skipped.push({ reason: 'duplicate', xmlUrl });
    } else if (feeds.length >= OPML_MAX_FEEDS) {
      skipped.push({ reason: 'too_many_feeds' });
      break;
    } else {
      seen.add(xmlUrl);
      const htmlUrl = typeof outline.htmlUrl === 'string' ? webAddress(outline.htmlUrl) : null;
      feeds.push({ title: name ?? new URL(xmlUrl).host, xmlUrl, htmlUrl, category });
    }
  }
  return { feeds, skipped };
}

function titleOf(outline: Outline): string | null {
  for (const value of [outline.title, outline.text]) {
    if (typeof value === 'string') {
      const title = plainText(value, MAX_TITLE_CHARS);
      if (title !== '') return title;
    }
  }
  return null;
}

/** An absolute http(s) address without credentials, normalised so that the same feed is found twice. */
function webAddress(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return null;
    return url.href.length <= MAX_URL_CHARS ? url.href : null;
  } catch {
    return null;
  }
}
