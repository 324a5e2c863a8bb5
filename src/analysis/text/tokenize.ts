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

export function tokenize(raw: string): Token[] {
  let text = joinSpacedLetters(foldText(raw));
  if (text.includes("n'")) text = text.replace(CONTRACTION_RE, (m) => CONTRACTIONS[m] ?? m);
  const out: Token[] = [];
  const re = MAYBE_DOMAIN.test(text) ? TOKEN_RE : TOKEN_RE_NO_DOMAIN;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[1] !== undefined) out.push(token('url', m[1], ''));
    else if (m[2] !== undefined) out.push(token('mention', m[2], ''));
    else if (m[3] !== undefined) out.push(token('hashtag', m[3], skeleton(m[3].slice(1))));
    else if (m[4] !== undefined) out.push(token('emoticon', m[4], ''));
    else if (m[5] !== undefined) out.push(wordToken(m[5]));
    else if (m[6] !== undefined) out.push(token('emoji', m[6], ''));
    else if (m[7] !== undefined) out.push(token('punct', m[7].length > 1 ? m[7][0] + m[7][0] : m[7], ''));
    else out.push(token('punct', '.', ''));
  }
  return out;
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
