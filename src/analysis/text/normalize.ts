// Look-alike letters from other scripts that spammers and trolls use to dodge word lists.
const CONFUSABLES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ɡ: 'g', һ: 'h', ԛ: 'q', ԝ: 'w', ү: 'y', ӏ: 'l',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i', ſ: 's',
};
const CONFUSABLE_RE = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'g');
const INVISIBLE_RE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;
const MARKS_RE = /\p{M}+/gu;
const ASCII_RE = /^[\x20-\x7e]*$/;

/**
 * Case, accents, invisible characters and look-alike letters folded away; used for every feature and rule so
 * that "ÉCOLOGIE", "écologie" and "ecologie" are one word.
 */
export function foldText(text: string): string {
  if (ASCII_RE.test(text)) return text.toLowerCase();
  if (LATIN_RE.test(text)) return foldLatin(text.toLowerCase());
  return text
    .normalize('NFKC')
    .replace(INVISIBLE_RE, '')
    .toLowerCase()
    .replace(CONFUSABLE_RE, (c) => CONFUSABLES[c] ?? c)
    .normalize('NFD')
    .replace(MARKS_RE, '')
    .replace(/[’ʼ`´]/g, "'");
}

// Tweets in French are ASCII plus a few accented letters and typographic quotes: folded by table, without the
// cost of two Unicode normalisations.
const LATIN_RE = /^[\x20-\x7e\u00a0-\u00ff\u0152\u0153\u2019\u2018\u201c\u201d\u2026\u00ab\u00bb\n\t\r]*$/;
const LATIN_FOLD: Record<string, string> = {};
for (let c = 0xa0; c <= 0xff; c++) {
  const ch = String.fromCharCode(c);
  const folded = ch.normalize('NFKC').toLowerCase().normalize('NFD').replace(MARKS_RE, '');
  if (folded !== ch) LATIN_FOLD[ch] = CONFUSABLES[folded] ?? folded;
}
Object.assign(LATIN_FOLD, { œ: 'oe', æ: 'ae', ø: 'o', ß: 'ss', '\u00ad': '', '’': "'", '‘': "'", '“': '"', '”': '"', '…': '...' });
const LATIN_FOLD_RE = /[\u00a0-\u00ff\u0153\u2019\u2018\u201c\u201d\u2026]/g;

function foldLatin(lower: string): string {
  return lower.replace(LATIN_FOLD_RE, (c) => LATIN_FOLD[c] ?? c);
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', '@': 'a', $: 's', '!': 'i', '|': 'l', '€': 'e' };
const LEET_RE = /[0134578@$!|€9]/g;

/** "n1gg3r", "sh!t", "b@tard" become letters again; numbers alone ("2024") are left untouched. */
export function unleet(word: string): string {
  if (!/\p{L}/u.test(word)) return word;
  return word.replace(LEET_RE, (c) => LEET[c] ?? c);
}

/** Runs of three or more of one letter shrink to two: "nuuuul" → "nuul", "sooo" → "soo". */
export function squeeze(word: string): string {
  let run = 1;
  for (let i = 1; i < word.length; i++) {
    run = word.charCodeAt(i) === word.charCodeAt(i - 1) ? run + 1 : 1;
    if (run === 3) return word.replace(/(\p{L})\1{2,}/gu, '$1$1');
  }
  return word;
}

/** Every repeat shrinks to one letter; lexicons are matched on this skeleton so "connnard" meets "conard". */
export function skeleton(word: string): string {
  for (let i = 1; i < word.length; i++) {
    if (word.charCodeAt(i) === word.charCodeAt(i - 1)) return word.replace(/(.)\1+/gu, '$1');
  }
  return word;
}

// Single letters separated by spaces, dots, dashes or stars ("i d i o t", "c.o.n.n.a.r.d"): joined back.
const SPACED_RE = /(?<![\p{L}\p{N}])\p{L}(?:[ ]+\p{L}){3,}(?![\p{L}\p{N}])/gu;
const DOTTED_RE = /(?<![\p{L}\p{N}])\p{L}(?:\s*[._\-·•*+]\s*\p{L}){2,}(?![\p{L}\p{N}])/gu;

// Cheap pre-checks: most texts have no run of isolated letters and skip the two Unicode-aware expressions.
const MAYBE_SPACED = /(?:^|[^a-z0-9])[a-z\u00c0-\u024f] [a-z\u00c0-\u024f] [a-z\u00c0-\u024f] /i;
const MAYBE_DOTTED = /[a-z\u00c0-\u024f] ?[._\-·•*+] ?[a-z\u00c0-\u024f] ?[._\-·•*+] ?[a-z\u00c0-\u024f]/i;

// What MAYBE_SPACED needs, looked for without an expression: spaces two and four characters after a space ("a b c ").
function threeSpacesApart(text: string): boolean {
  for (let i = text.indexOf(' '); i >= 0 && i + 4 < text.length; i = text.indexOf(' ', i + 1)) {
    if (text.charCodeAt(i + 2) === 32 && text.charCodeAt(i + 4) === 32) return true;
  }
  return false;
}

// What MAYBE_DOTTED needs: two of its separators two to four characters apart ("c.o", "c . o").
function separatorsNear(text: string): boolean {
  const len = text.length;
  for (let i = 0; i + 2 < len; i++) {
    if (!isDottedSeparator(text.charCodeAt(i))) continue;
    if (isDottedSeparator(text.charCodeAt(i + 2)) || (i + 3 < len && isDottedSeparator(text.charCodeAt(i + 3))) || (i + 4 < len && isDottedSeparator(text.charCodeAt(i + 4)))) return true;
  }
  return false;
}

// . _ - · • * +
function isDottedSeparator(c: number): boolean {
  return c === 46 || c === 95 || c === 45 || c === 0xb7 || c === 0x2022 || c === 42 || c === 43;
}

export function joinSpacedLetters(text: string): string {
  const short = maybeShort(text);
  if (!(threeSpacesApart(text) && MAYBE_SPACED.test(text)) && !(separatorsNear(text) && MAYBE_DOTTED.test(text)) && !short) return text;
  const joined = text
    .replace(SPACED_RE, (m) => m.replace(/ +/g, ''))
    .replace(DOTTED_RE, (m) => (/^[\p{L}.]+$/u.test(m) && isAbbreviation(m) ? m : m.replace(/[\s._\-·•*+]/g, '')));
  return short ? joined.replace(SHORT_RE, (m) => (ABUSIVE_SHORT.has(m.replace(SEPARATORS, '').toLowerCase()) ? m.replace(SEPARATORS, '') : m)) : joined;
}

// "u.s.a" or "e.g" are abbreviations, not hidden words: a dotted run of at most three letters is kept, unless its
// letters spell one of the short abusive forms below.
function isAbbreviation(m: string): boolean {
  const letters = m.replace(/\./g, '');
  return letters.length <= 3 && !ABUSIVE_SHORT.has(letters.toLowerCase());
}

// Short forms of slurs and insults, dotted or dashed to slip past word lists ("p.d.", "f.d.p", "t-g"): no
// abbreviation of two or three letters in either language is worth the miss.
const ABUSIVE_SHORT = new Set(['pd', 'fdp', 'ntm', 'tg', 'kys']);
// A whole run of two or three letters joined by dots, dashes or stars (a longer run is DOTTED_RE's).
const SHORT_RE = /(?<![\p{L}\p{N}])\p{L}(?:[._\-*]\p{L}){1,2}(?![\p{L}\p{N}]|[._\-*]\p{L})/gu;

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
function isAsciiAlnum(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57);
}
// . _ - *
function isShortSeparator(c: number): boolean {
  return c === 46 || c === 95 || c === 45 || c === 42;
}

/**
 * Whether the text may hold such a run: what `/(?:^|[^a-z0-9])[a-z][._\-*][a-z](?:[._\-*][a-z])?(?![a-z0-9])/i` finds,
 * read by hand, several times faster on the texts (nearly all) that hold none: a letter standing alone before a dot,
 * underscore, dash or star, then a letter not followed by a letter or digit. (The expression's optional third letter
 * never changes its answer: where there is one, the separator before it already ends the second letter's word.)
 */
function maybeShort(text: string): boolean {
  const len = text.length;
  for (let i = 1; i + 1 < len; i++) {
    if (!isShortSeparator(text.charCodeAt(i))) continue;
    if (!isAsciiLetter(text.charCodeAt(i - 1)) || !isAsciiLetter(text.charCodeAt(i + 1))) continue;
    if (i >= 2 && isAsciiAlnum(text.charCodeAt(i - 2))) continue;
    if (i + 2 < len && isAsciiAlnum(text.charCodeAt(i + 2))) continue;
    return true;
  }
  return false;
}

const SEPARATORS = /[._\-*]/g;

/** Full normalisation for display of what a rule matched and for tests: fold, join, unleet, squeeze. */
export function normalize(text: string): string {
  return joinSpacedLetters(foldText(text))
    .split(/(\s+)/)
    .map((w) => (/\s/.test(w) ? w : squeeze(unleetToken(w))))
    .join('');
}

function unleetToken(w: string): string {
  if (/^(?:https?:|www\.|@|#)/.test(w)) return w;
  const core = w.replace(/^[^\p{L}\p{N}@$]+|[^\p{L}\p{N}@$!]+$/gu, '');
  if (!/\p{L}/u.test(core) || !/[0-9@$!|€]/.test(core)) return w;
  return w.replace(core, unleet(core));
}
