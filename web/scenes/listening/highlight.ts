/**
 * Where a topic's terms occur in a mention, as the server matched them: case and accents folded, on word
 * boundaries, a final plural `s` or `x` allowed, `word*` as a prefix, phrases across any spacing or punctuation.
 * The text is cut into plain segments for React to render; nothing from the network is ever read as markup.
 */
export interface Segment {
  text: string;
  hit: boolean;
}

// Network text and topic queries are bounded upstream; these bounds keep a hostile page cheap all the same.
const MAX_TEXT = 20_000;
const MAX_TERMS = 100;
const MAX_TERM_LENGTH = 200;

const MARKS_RE = /\p{M}+/gu;
const LETTERS: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ı: 'i', þ: 'th', ð: 'd' };
const WORD = '[\\p{L}\\p{N}]';

function foldChar(c: string): string {
  const lower = c.toLowerCase();
  if (lower in LETTERS) return LETTERS[lower];
  return lower.normalize('NFKD').replace(MARKS_RE, '');
}

/** The folded text, and for each of its units the index of the original character it came from. */
function foldWithMap(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** The same light plural reduction as the server's: "produits" and "produit" meet. */
function stem(word: string): string {
  if (word.length < 4) return word;
  const last = word.at(-1);
  const prev = word.at(-2) ?? '';
  if ((last === 'x' || (last === 's' && prev !== 's')) && /[a-z]/.test(prev)) return word.slice(0, -1);
  return word;
}

function termPattern(term: string): string | null {
  const folded = [...term.slice(0, MAX_TERM_LENGTH).replace(/^"|"$/g, '')].map(foldChar).join('').trim();
  if (!folded) return null;
  const prefix = folded.endsWith('*');
  const words = folded.replace(/\*+$/, '').split(/[^\p{L}\p{N}#@]+/u).filter(Boolean);
  if (words.length === 0) return null;
  const parts = words.map((w, n) => (n === words.length - 1 && !prefix ? escape(stem(w)) : escape(w)));
  const ending = prefix ? `${WORD}*` : `(?:s|x)?(?!${WORD})`;
  const start = words[0].startsWith('#') || words[0].startsWith('@') ? '(?<![\\p{L}\\p{N}#@])' : `(?<!${WORD})`;
  return `${start}${parts.join(`[^\\p{L}\\p{N}]+`)}${ending}`;
}

export function highlight(text: string, terms: readonly string[]): Segment[] {
  const bounded = text.slice(0, MAX_TEXT);
  const patterns = terms.slice(0, MAX_TERMS).map(termPattern).filter((p): p is string => p !== null);
  if (patterns.length === 0 || bounded === '') return bounded ? [{ text: bounded, hit: false }] : [];
  const { folded, origin } = foldWithMap(bounded);
  const ranges: Array<[number, number]> = [];
  const re = new RegExp(patterns.join('|'), 'gu');
  for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    ranges.push([origin[m.index], origin[m.index + m[0].length]]);
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const [from, to] of ranges) {
    if (from < at) continue;
    if (from > at) segments.push({ text: bounded.slice(at, from), hit: false });
    segments.push({ text: bounded.slice(from, to), hit: true });
    at = to;
  }
  if (at < bounded.length) segments.push({ text: bounded.slice(at), hit: false });
  return segments;
}

/** A link to open from network content: only http and https, else none. */
export function safeLink(url: string | null | undefined): string | null {
  if (!url || url.length > 2048) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
