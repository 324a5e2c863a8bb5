/**
 * The one normalisation that queries and posts both go through, so that what a community manager types and what
 * people write meet on the same words: case and accents folded, apostrophes, hyphens and dots splitting words.
 */

const MARKS_RE = /\p{M}+/gu;
// Letters that carry no combining mark to strip but that people write interchangeably with plain ones.
const LETTERS: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ı: 'i', þ: 'th', ð: 'd' };
const LETTERS_RE = /[œæßøłđıþð]/g;
const ASCII_RE = /^[\x00-\x7f]*$/;

/** Lower case, compatibility forms (ﬁ, full-width letters) and accents folded: "L’ŒUVRE" → "l’oeuvre". */
export function fold(text: string): string {
  if (ASCII_RE.test(text)) return text.toLowerCase();
  return text.toLowerCase().normalize('NFKD').replace(MARKS_RE, '').replace(LETTERS_RE, (c) => LETTERS[c] ?? c);
}

/**
 * A light plural reduction, the same on both sides: a final `s` or `x` after a letter is dropped from words of
 * four letters or more, except after another `s` ("produits" → "produit", "bijoux" → "bijou", "press" stays). It
 * is symmetric rather than linguistic, so "Airbus" becomes "airbu" in the query and in the post alike and still
 * matches; words of three letters ("bus", "pas") stay as written, so they do not collide with two-letter ones.
 */
export function stem(word: string): string {
  const n = word.length;
  if (n < 4) return word;
  const last = word.charCodeAt(n - 1);
  const prev = word.charCodeAt(n - 2);
  const prevIsLetter = prev >= 97 && prev <= 122;
  if (last === 120 && prevIsLetter) return word.slice(0, -1);
  if (last === 115 && prevIsLetter && prev !== 115) return word.slice(0, -1);
  return word;
}

// Chinese and Japanese are written without spaces: each ideograph or kana is a word of its own, so a name in those
// scripts is matched as a phrase of its characters.
const CJK = '[\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}]';
const LETTER = `[[\\p{L}\\p{N}]--${CJK}]`;
/** Inside a word these join parts that are also words: `coca-cola`, `l'oréal`, `e.mail`, `airbus_fr`. */
export const JOINERS_RE = /[-.'’ʼ‘_]/;
const JOINER = "[\\-.'’ʼ‘_]";

/**
 * A token of folded text: group 1 an ideograph, else group 2 an optional `#` or `@` and group 3 a word whose parts
 * are joined by hyphens, apostrophes, dots or underscores.
 */
const TOKEN_RE = new RegExp(`(${CJK})|([#@]?)(${LETTER}+(?:${JOINER}${LETTER}+)*)`, 'gv');

/** Calls `each` with every token of folded text, in order. */
export function eachToken(folded: string, each: (match: RegExpExecArray) => void): void {
  // One compiled pattern for every text; matching is synchronous, so sharing its position is safe.
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(folded); m !== null; m = TOKEN_RE.exec(folded)) each(m);
}

/** The words of folded text, in order, with every joined word split into its parts. */
export function splitWords(folded: string): string[] {
  const out: string[] = [];
  eachToken(folded, (m) => {
    if (m[1] !== undefined) out.push(m[1]);
    else for (const part of m[3]!.split(JOINERS_RE)) out.push(part);
  });
  return out;
}
