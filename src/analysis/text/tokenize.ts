import { foldText, joinSpacedLetters, skeleton, squeeze, unleet } from './normalize.js';

export type TokenKind = 'word' | 'number' | 'hashtag' | 'mention' | 'url' | 'emoji' | 'emoticon' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Folded, de-obfuscated form used by models and rules. */
  text: string;
  /** The word with every repeated letter collapsed ("conard"), what word lists and rules match; '' for non-words. */
  skel: string;
  /** The letters were stretched ("nuuuul"), a mark of emphasis. */
  elongated?: boolean;
}

const TLDS = 'com|fr|net|org|ly|io|co|me|gl|gd|info|xyz|top|click|link|site|online|ru|cn|tk|ml|ga|cf|gq|shop|store|app|be|ch|ca|uk|de|biz|live|win|vip|cc|to|su|ws|us|eu';
const TOKEN_RE = new RegExp(
  [
    `(https?:\\/\\/\\S+|www\\.\\S+|\\b(?:[a-z0-9-]+\\.)+(?:${TLDS})\\b(?:\\/\\S*)?)`,
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

// English "n't" and French "n'" carry negation; spelled out they become ordinary negator tokens.
const CONTRACTION_RE = /n't\b|\bn'|\bwon't\b|\bcan't\b/g;
const CONTRACTIONS: Record<string, string> = { "n't": ' not', "n'": 'ne ', "won't": 'will not', "can't": 'can not' };

export function tokenize(raw: string): Token[] {
  let text = joinSpacedLetters(foldText(raw));
  if (text.includes("n'")) text = text.replace(CONTRACTION_RE, (m) => CONTRACTIONS[m] ?? m);
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    if (m[1] !== undefined) out.push({ kind: 'url', text: m[1], skel: '' });
    else if (m[2] !== undefined) out.push({ kind: 'mention', text: m[2], skel: '' });
    else if (m[3] !== undefined) out.push({ kind: 'hashtag', text: m[3], skel: skeleton(m[3].slice(1)) });
    else if (m[4] !== undefined) out.push({ kind: 'emoticon', text: m[4], skel: '' });
    else if (m[5] !== undefined) out.push(wordToken(m[5]));
    else if (m[6] !== undefined) out.push({ kind: 'emoji', text: m[6], skel: '' });
    else if (m[7] !== undefined) out.push({ kind: 'punct', text: m[7].length > 1 ? m[7][0] + m[7][0] : m[7], skel: '' });
    else out.push({ kind: 'punct', text: '.', skel: '' });
  }
  return out;
}

const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT = /^\p{N}+$/u;

function wordToken(w: string): Token {
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
  if (plain) return { kind: 'word', text: w, skel: w };
  if (HAS_DIGIT.test(w)) return { kind: 'number', text: w, skel: '' };
  let t = w;
  if (HAS_LETTER.test(w) && /[0-9@$!|€]/.test(w) && !/^\d+[a-z]{1,3}$/.test(w)) t = unleet(w);
  const s = squeeze(t);
  const skel = skeleton(s);
  return s.length !== t.length ? { kind: 'word', text: s, skel, elongated: true } : { kind: 'word', text: s, skel };
}
