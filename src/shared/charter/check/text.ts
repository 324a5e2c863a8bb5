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

const NON_ASCII = /[^\x00-\x7f]|`/g;

function foldWithMap(text: string): { folded: string; map: number[] } {
  const map: number[] = [];
  let folded = '';
  let i = 0;
  // ASCII stretches (the bulk of a message) are lower-cased in one go; other characters one by one.
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(text); m; m = NON_ASCII.exec(text)) {
    const at = m.index;
    if (at > i) {
      folded += text.slice(i, at).toLowerCase();
      for (let k = i; k < at; k++) map.push(k);
    }
    const code = text.charCodeAt(at);
    const width = code >= 0xd800 && code <= 0xdbff && at + 1 < text.length ? 2 : 1;
    const f = code === 96 ? "'" : foldChar(width === 1 ? text[at] : text.slice(at, at + 2));
    for (let k = 0; k < f.length; k++) map.push(at);
    folded += f;
    i = at + width;
    NON_ASCII.lastIndex = i;
  }
  if (i < text.length) {
    folded += text.slice(i).toLowerCase();
    for (let k = i; k < text.length; k++) map.push(k);
  }
  map.push(text.length);
  return { folded, map };
}

// Without the u and i flags, which make the scan several times slower; the word boundary is checked in code.
export const URL_RE = /(?:[hH][tT][tT][pP][sS]?:\/\/|[wW][wW][wW]\.)[^\s<>"«»]+[^\s<>"«».,;:!?)\]'’]/g;
const NOT_BEFORE_URL = /[\p{L}\p{N}_]/u;
const EMAIL_LOCAL = /[\p{L}\p{N}._%+-]/u;
const EMAIL_DOMAIN = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/uy;
// @handle, @user@instance.tld (Mastodon), @name.bsky.social (Bluesky); not the @ of an e-mail address.
// (The character before the @ or the # is checked in code: a look-behind tried at every position is slow.)
const MENTION_RE = /@[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?/gu;
const NOT_BEFORE_MENTION = /[\p{L}\p{N}_.@/]/u;
// A hashtag has a letter (#1 is a number, not a tag) and does not follow a letter (an anchor in a word, C#).
const HASHTAG_RE = /#([\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*)/gu;
const NOT_BEFORE_HASHTAG = /[\p{L}\p{N}_&/#]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isWordChar(folded: string, i: number): boolean {
  const c = folded.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_DIGIT.test(folded.slice(i, i + 2));
  if (c >= 0xdc00 && c <= 0xdfff) return i > 0 && isWordChar(folded, i - 1) && folded.charCodeAt(i - 1) >= 0xd800;
  return LETTER_OR_DIGIT.test(folded[i]);
}

/** Runs of letters and digits in the folded text, as [start, end) pairs. */
function wordRuns(folded: string): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i < folded.length; i++) {
    if (isWordChar(folded, i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push([start, i]);
      start = -1;
    }
  }
  if (start >= 0) out.push([start, folded.length]);
  return out;
}

/** E-mail addresses, found from their @ (a scan of every word for one costs more than the rest of a check). */
function emails(text: string): Span[] {
  const out: Span[] = [];
  for (let at = text.indexOf('@'); at > 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && EMAIL_LOCAL.test(text[start - 1])) start--;
    // Not the user@instance part of a Mastodon mention (@user@instance).
    if (start === at || text[start - 1] === '@') continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const domain = EMAIL_DOMAIN.exec(text);
    if (domain) out.push({ start, end: at + 1 + domain[0].length });
  }
  return out;
}

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
  const MARKS = /[«“„">]/g;
  let i = 0;
  while (i < text.length) {
    MARKS.lastIndex = i;
    const next = MARKS.exec(text);
    if (!next) break;
    i = next.index;
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
  // Each pattern runs only where its mark is: most messages have no link, no @ and no #.
  const urls = /https?:|www\./i.test(text) ? spans(URL_RE, text).filter((u) => !(u.start > 0 && NOT_BEFORE_URL.test(text[u.start - 1]))) : [];
  const hasAt = text.includes('@');
  const mails = hasAt ? emails(text) : [];
  const mentions = hasAt
    ? spans(MENTION_RE, text).filter(
        (m) => !(m.start > 0 && NOT_BEFORE_MENTION.test(text[m.start - 1])) && !inSpans(urls, m.start, m.end) && !inSpans(mails, m.start, m.end),
      )
    : [];
  const links = [...urls, ...mails, ...mentions];
  const hashtags: Hashtag[] = [];
  HASHTAG_RE.lastIndex = 0;
  for (let m = text.includes('#') ? HASHTAG_RE.exec(text) : null; m; m = HASHTAG_RE.exec(text)) {
    if (m.index > 0 && NOT_BEFORE_HASHTAG.test(text[m.index - 1])) continue;
    if (inSpans(links, m.index, m.index + m[0].length)) continue;
    hashtags.push({ start: m.index, end: m.index + m[0].length, body: m[1], folded: fold(m[1]) });
  }
  const quotes = findQuotes(text);
  const words: Word[] = [];
  for (const [fStart, fEnd] of wordRuns(folded)) {
    const start = map[fStart];
    const end = map[fEnd];
    words.push({
      start,
      end,
      text: text.slice(start, end),
      folded: folded.slice(fStart, fEnd),
      fStart,
      fEnd,
      inLink: links.length > 0 && inSpans(links, start, end),
      inHashtag: hashtags.length > 0 && inSpans(hashtags, start, end),
      quoted: quotes.length > 0 && inSpans(quotes, start, end),
    });
  }
  return { text, folded, foldMap: map, words, links, urls, mentions, hashtags, quotes };
}
