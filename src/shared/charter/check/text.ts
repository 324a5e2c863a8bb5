/**
 * A message read once per check: its folded form (lower case, no accents, one apostrophe, plain spaces) with a map
 * back to the original's UTF-16 offsets, its words, and the parts the rules treat apart (links, mentions, hashtags,
 * quoted text). Every rule works from this, so the text is scanned a handful of times per keystroke, not per rule.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Word extends Span {
  /** The word as written. */
  text: string;
  /** Lower case, without accents (œ → oe). */
  folded: string;
  /** Offsets in the folded text. */
  fStart: number;
  fEnd: number;
  /** Inside a link, a mention or an e-mail address: never a word of the message. */
  inLink: boolean;
  /** Inside a hashtag. */
  inHashtag: boolean;
  /** Inside quoted text (someone else's words). */
  quoted: boolean;
}

export interface Hashtag extends Span {
  /** Without the #, as written. */
  body: string;
  folded: string;
}

export interface Message {
  text: string;
  folded: string;
  /** Original offset of each folded code unit, plus text.length at the end. */
  foldMap: number[];
  words: Word[];
  links: Span[];
  urls: Span[];
  mentions: Span[];
  hashtags: Hashtag[];
  quotes: Span[];
}

const charCache = new Map<string, string>();
const APOSTROPHES = new Set(['\u2019', '\u2018', '\u02bc', '\u00b4', '`', '\u2032']);
const SPACES = new Set(['\u00a0', '\u202f', '\u2009', '\u2007', '\u2002', '\u2003']);
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' };

/** One character (or surrogate pair) folded; combining marks fold to nothing. */
export function foldChar(c: string): string {
  const hit = charCache.get(c);
  if (hit !== undefined) return hit;
  let out: string;
  if (APOSTROPHES.has(c)) out = "'";
  else if (SPACES.has(c)) out = ' ';
  else if (c === '\u2010' || c === '\u2011') out = '-';
  else if (LIGATURES[c]) out = LIGATURES[c];
  else {
    out = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    // A fold that changes the length of a non-Latin letter (rare) keeps the letter as it is.
    if (out.length === 0 && !/\p{M}/u.test(c)) out = c;
  }
  if (charCache.size < 5000) charCache.set(c, out);
  return out;
}

export function fold(text: string): string {
  let out = '';
  for (const c of text) out += foldChar(c);
  return out;
}

function foldWithMap(text: string): { folded: string; map: number[] } {
  const map: number[] = [];
  let folded = '';
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    const c = width === 1 ? text[i] : text.slice(i, i + 2);
    // ASCII letters and punctuation are the bulk of a message: no cache look-up for them.
    const f = code < 0x80 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : code === 96 ? "'" : c) : foldChar(c);
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += width;
  }
  map.push(text.length);
  return { folded, map };
}

export const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"«»]+[^\s<>"«».,;:!?)\]'’]/giu;
// Not the user@instance part of a Mastodon mention (@user@instance).
const EMAIL_RE = /(?<![@\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// @handle, @user@instance.tld (Mastodon), @name.bsky.social (Bluesky); not the @ of an e-mail address.
const MENTION_RE = /(?<![\p{L}\p{N}_.@/])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?/gu;
// A hashtag has a letter (#1 is a number, not a tag) and does not follow a letter (an anchor in a word, C#).
const HASHTAG_RE = /(?<![\p{L}\p{N}_&/#])#([\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*)/gu;
const WORD_RE = /[\p{L}\p{N}]+/gu;

function spans(re: RegExp, text: string): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

export function inSpans(list: readonly Span[], start: number, end = start + 1): boolean {
  for (const s of list) if (start < s.end && end > s.start) return true;
  return false;
}

/**
 * Quoted text: « … », “ … ”, „ … “, "…" and lines that start with ">". An opening mark without its closing mark
 * quotes nothing (a writer in the middle of typing a quote does not lose every check after it).
 */
export function findQuotes(text: string): Span[] {
  const out: Span[] = [];
  const pairs: Record<string, string> = { '«': '»', '“': '”', '„': '“' };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const close = pairs[c] ?? (c === '"' ? '"' : undefined);
    if (close) {
      const j = text.indexOf(close, i + 1);
      const para = text.indexOf('\n\n', i + 1);
      if (j > i && (para < 0 || j < para)) {
        out.push({ start: i, end: j + 1 });
        i = j + 1;
        continue;
      }
    }
    if (c === '>' && (i === 0 || text[i - 1] === '\n')) {
      const eol = text.indexOf('\n', i);
      const end = eol < 0 ? text.length : eol;
      out.push({ start: i, end });
      i = end;
      continue;
    }
    i++;
  }
  return out;
}

export function readMessage(text: string): Message {
  const { folded, map } = foldWithMap(text);
  const urls = spans(URL_RE, text);
  const emails = spans(EMAIL_RE, text);
  const mentions = spans(MENTION_RE, text).filter((m) => !inSpans(urls, m.start, m.end) && !inSpans(emails, m.start, m.end));
  const links = [...urls, ...emails, ...mentions];
  const hashtags: Hashtag[] = [];
  HASHTAG_RE.lastIndex = 0;
  for (let m = HASHTAG_RE.exec(text); m; m = HASHTAG_RE.exec(text)) {
    if (inSpans(links, m.index, m.index + m[0].length)) continue;
    hashtags.push({ start: m.index, end: m.index + m[0].length, body: m[1], folded: fold(m[1]) });
  }
  const quotes = findQuotes(text);
  const words: Word[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(folded); m; m = WORD_RE.exec(folded)) {
    const fStart = m.index;
    const fEnd = fStart + m[0].length;
    const start = map[fStart];
    const end = map[fEnd];
    words.push({
      start,
      end,
      text: text.slice(start, end),
      folded: m[0],
      fStart,
      fEnd,
      inLink: inSpans(links, start, end),
      inHashtag: inSpans(hashtags, start, end),
      quoted: inSpans(quotes, start, end),
    });
  }
  return { text, folded, foldMap: map, words, links, urls, mentions, hashtags, quotes };
}
