import { foldText, joinSpacedLetters, skeleton, squeeze, unleet } from './normalize.js';
import type { WordMemo } from './word-memo.js';

export type TokenKind = 'word' | 'number' | 'hashtag' | 'mention' | 'url' | 'emoji' | 'emoticon' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Folded, de-obfuscated form used by models and rules. */
  text: string;
  /** The word with every repeated letter collapsed ("conard"), what word lists and rules match; '' for non-words. */
  skel: string;
  /** The letters were stretched ("nuuuul"), a mark of emphasis. */
  elongated?: boolean;
  /** What the word lists say of the word, once looked up (see word-memo.ts). */
  memo?: WordMemo;
}

const TLDS = 'com|fr|net|org|ly|io|co|me|gl|gd|info|xyz|top|click|link|site|online|ru|cn|tk|ml|ga|cf|gq|shop|store|app|be|ch|ca|uk|de|biz|live|win|vip|cc|to|su|ws|us|eu';
const tokenRe = (links: string) => new RegExp(
  [
    `(${links})`,
    '(@[\\p{L}\\p{N}_]+)',
    '(#[\\p{L}\\p{N}_]+)',
    '([:;=]-?[()dp\\]\\[/]|<3)',
    '([\\p{L}\\p{N}]+(?:[@$!|€*]+[\\p{L}\\p{N}]+)*\\**)',
    '(\\p{Extended_Pictographic})',
    '([!?]+)',
    '([.,;:]+)',
  ].join('|'),
  'gu',
);
const TOKEN_RE = tokenRe(`https?:\\/\\/\\S+|www\\.\\S+|\\b(?:[a-z0-9-]+\\.)+(?:${TLDS})\\b(?:\\/\\S*)?`);
// Most texts have no bare domain ("bit.ly/x"): read without trying one at every word, which doubles the work.
const TOKEN_RE_NO_DOMAIN = tokenRe('https?:\\/\\/\\S+|www\\.\\S+');
const MAYBE_DOMAIN = new RegExp(`[a-z0-9-]\\.(?:${TLDS})\\b`, 'u');

// English "n't" and French "n'" carry negation; spelled out they become ordinary negator tokens.
const CONTRACTION_RE = /n't\b|\bn'|\bwon't\b|\bcan't\b/g;
const CONTRACTIONS: Record<string, string> = { "n't": ' not', "n'": 'ne ', "won't": 'will not', "can't": 'can not' };

// Every token is made here, with all its fields, so that they all share one shape (property reads stay fast).
export function token(kind: TokenKind, text: string, skel: string, elongated = false): Token {
  return { kind, text, skel, elongated, memo: undefined };
}

// The last text tokenized and its tokens: listening analyses a post and then signs it for near-duplicates
// (minhash.ts), which reads the same text again. Callers read tokens and never change them or their list.
let lastRaw: string | undefined;
let lastTokens: Token[] = [];

export function tokenize(raw: string): Token[] {
  if (raw === lastRaw) return lastTokens;
  let text = joinSpacedLetters(foldText(raw));
  if (text.includes("n'")) text = text.replace(CONTRACTION_RE, (m) => CONTRACTIONS[m] ?? m);
  const tokens = MAYBE_DOMAIN.test(text) ? tokensByRegex(text, TOKEN_RE) : scanTokens(text);
  lastRaw = raw;
  lastTokens = tokens;
  return tokens;
}

/** The tokens TOKEN_RE (or TOKEN_RE_NO_DOMAIN) finds in a folded text, one match at a time. */
export function tokensByRegex(text: string, re = TOKEN_RE_NO_DOMAIN): Token[] {
  const out: Token[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push(tokenOf(m));
  return out;
}

function tokenOf(m: RegExpExecArray): Token {
  if (m[1] !== undefined) return token('url', m[1], '');
  if (m[2] !== undefined) return token('mention', m[2], '');
  if (m[3] !== undefined) return token('hashtag', m[3], skeleton(m[3].slice(1)));
  if (m[4] !== undefined) return token('emoticon', m[4], '');
  if (m[5] !== undefined) return wordToken(m[5]);
  if (m[6] !== undefined) return token('emoji', m[6], '');
  if (m[7] !== undefined) return token('punct', m[7].length > 1 ? m[7][0] + m[7][0] : m[7], '');
  return token('punct', '.', '');
}

// TOKEN_RE_NO_DOMAIN matched at one position only: what the scanner below asks where a token may hold a character
// beyond ASCII (a letter of another script, an emoji, "€").
const STICKY_RE = new RegExp(TOKEN_RE_NO_DOMAIN.source, 'uy');

// Character classes of ASCII codes for the scanner: letters and digits, whitespace, the marks that may join parts
// of a word ("f*ck", "sh!t"), the second character of an emoticon.
const ALNUM = 1;
const SPACE = 2;
const JOIN = 4;
const FACE = 8;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[a-zA-Z0-9]/.test(ch)) ASCII_CLASS[c] |= ALNUM;
  if (/\s/.test(ch)) ASCII_CLASS[c] |= SPACE;
  if ('@$!|*'.includes(ch)) ASCII_CLASS[c] |= JOIN;
  if ('()dp][/'.includes(ch)) ASCII_CLASS[c] |= FACE;
}
const BAIL = -1;
// Which of TOKEN_RE's alternatives (its group number) the last `asciiMatch` found.
let group = 0;

/**
 * The tokens of TOKEN_RE_NO_DOMAIN, read by hand where the text is ASCII (most of it, once folded) and by the
 * expression, at that one position, where a token may reach a character beyond: the same tokens as
 * `tokensByRegex`, without trying eight expressions at every character.
 */
export function scanTokens(text: string): Token[] {
  const out: Token[] = [];
  const len = text.length;
  let p = 0;
  while (p < len) {
    const c = text.charCodeAt(p);
    const end = c < 128 ? asciiMatch(text, p, c) : BAIL;
    if (end === BAIL) {
      STICKY_RE.lastIndex = p;
      const m = STICKY_RE.exec(text);
      if (m !== null) {
        out.push(tokenOf(m));
        p = STICKY_RE.lastIndex;
      } else p += c >= 0xd800 && c <= 0xdbff && p + 1 < len && (text.charCodeAt(p + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      continue;
    }
    if (end === 0) {
      p++;
      continue;
    }
    out.push(asciiToken(text, p, end));
    p = end;
  }
  return out;
}

// Where the token starting at p (an ASCII character) ends; 0 when no token starts there; BAIL when the answer
// depends on a character beyond ASCII. Alternatives are tried in TOKEN_RE's order, each as greedy as there.
function asciiMatch(text: string, p: number, c: number): number {
  // https?:\/\/\S+ | www\.\S+
  let q = c === 104 && text.startsWith('http', p) ? (text.startsWith('://', p + 4) ? p + 7 : text.startsWith('s://', p + 4) ? p + 8 : -1) : -1;
  if (q < 0 && c === 119 && text.startsWith('www.', p)) q = p + 4;
  if (q > 0) {
    const e = run(text, q, SPACE, true);
    if (e === BAIL) return BAIL;
    if (e > q) return ((group = 1), e);
  }
  // @[\p{L}\p{N}_]+ and #[\p{L}\p{N}_]+
  if (c === 64 || c === 35) {
    const e = nameRun(text, p + 1);
    if (e === BAIL) return BAIL;
    if (e > p + 1) return ((group = c === 64 ? 2 : 3), e);
  }
  // [:;=]-?[()dp\]\[/] | <3
  if (c === 58 || c === 59 || c === 61) {
    const n = text.charCodeAt(p + 1);
    if (n === 45 && isClass(text.charCodeAt(p + 2), FACE)) return ((group = 4), p + 3);
    if (isClass(n, FACE)) return ((group = 4), p + 2);
  } else if (c === 60 && text.charCodeAt(p + 1) === 51) return ((group = 4), p + 2);
  // [\p{L}\p{N}]+(?:[@$!|€*]+[\p{L}\p{N}]+)*\**
  if (ASCII_CLASS[c] & ALNUM) {
    let e = run(text, p, ALNUM, false);
    for (;;) {
      if (e === BAIL) return BAIL;
      const j = run(text, e, JOIN, false);
      if (j === BAIL) return BAIL;
      if (j === e) break;
      const w = run(text, j, ALNUM, false);
      if (w === BAIL) return BAIL;
      if (w === j) break;
      e = w;
    }
    while (text.charCodeAt(e) === 42) e++;
    return ((group = 5), e);
  }
  // [!?]+ and [.,;:]+
  if (c === 33 || c === 63) {
    let e = p + 1;
    for (let n = text.charCodeAt(e); n === 33 || n === 63; n = text.charCodeAt(++e));
    return ((group = 7), e);
  }
  if (c === 46 || c === 44 || c === 59 || c === 58) {
    let e = p + 1;
    for (let n = text.charCodeAt(e); n === 46 || n === 44 || n === 59 || n === 58; n = text.charCodeAt(++e));
    return ((group = 8), e);
  }
  return 0;
}

const isClass = (c: number, cls: number) => c < 128 && (ASCII_CLASS[c] & cls) !== 0;

// The end of a run of characters of a class from q (`negate`: of characters not of it); BAIL when it stops at a
// character beyond ASCII, which may or may not belong to the run.
function run(text: string, q: number, cls: number, negate: boolean): number {
  const len = text.length;
  while (q < len) {
    const c = text.charCodeAt(q);
    if (c >= 128) return BAIL;
    if (((ASCII_CLASS[c] & cls) !== 0) === negate) break;
    q++;
  }
  return q;
}

// The end of a run of [\p{L}\p{N}_] from q, or BAIL.
function nameRun(text: string, q: number): number {
  const len = text.length;
  while (q < len) {
    const c = text.charCodeAt(q);
    if (c >= 128) return BAIL;
    if ((ASCII_CLASS[c] & ALNUM) === 0 && c !== 95) break;
    q++;
  }
  return q;
}

// The token p..end as `tokenOf` makes it from the same match (group: which alternative matched).
function asciiToken(text: string, p: number, end: number): Token {
  const s = text.slice(p, end);
  switch (group) {
    case 1: return token('url', s, '');
    case 2: return token('mention', s, '');
    case 3: return token('hashtag', s, skeleton(s.slice(1)));
    case 4: return token('emoticon', s, '');
    case 5: return wordToken(s);
    case 7: return token('punct', s.length > 1 ? s[0] + s[0] : s, '');
    default: return token('punct', '.', '');
  }
}

const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT = /^\p{N}+$/u;

function wordToken(w: string): Token {
  // What is left of a link cut short ("… http") is a link, not a word.
  if (w === 'http' || w === 'https') return token('url', w, '');
  // Most words are plain lower-case ASCII letters without a doubled letter: then text and skeleton are the word
  // itself, which the general path below would also find, at the cost of three regular expressions.
  let plain = true;
  for (let i = 0, prev = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 97 || c > 122 || c === prev) {
      plain = false;
      break;
    }
    prev = c;
  }
  if (plain) return token('word', w, w);
  if (HAS_DIGIT.test(w)) return token('number', w, '');
  let t = w;
  if (HAS_LETTER.test(w) && /[0-9@$!|€]/.test(w) && !/^\d+[a-z]{1,3}$/.test(w)) t = unleet(w);
  const s = squeeze(t);
  const skel = skeleton(s);
  return s.length !== t.length ? token('word', s, skel, true) : token('word', s, skel);
}
