import { foldText, skeleton } from '../text/normalize.js';
import { token, type Token } from '../text/tokenize.js';
import { memoOf } from '../text/word-memo.js';
import { HATE_WORDS } from './derogatory.js';
import { GROUP_ENTRIES } from './groups.js';
import type { TermHit } from './terms.js';

// Group names are matched on the written word (folded, de-leeted, stretched letters squeezed), not on its skeleton:
// the skeleton of "filles" is the English "files". Words one letter away from a name ("muslimz", "imigrants",
// "blakc") are names too, except these real words that happen to sit one letter away from one.
const NEAR_BUT_NOT = new Set(`
  refuse refuses refused refute refutes feminism feminisme judaism zionism islamism islamisme christiane christina
  christine handicap handicaps trains traps trams train transe africa illegal illegaly etranger etrangere noire noir
  blocks blanks bisexuality homes hobos asia arian asign aslan arabie arabo arate juice juices juve juvie rebel rebels
  renvoi recois filles files filer filet filets fillet fillets fines fixes flies fires fumes fetes feces fermes femmes
  quels query quest girly female* woken woven woden womb wimen migrate migrated migrating migrante clandestine
  catholicism catholique chretiente islamo jewel jewels gayer gaily
`.split(/\s+/).filter(Boolean));

interface Phrase {
  words: string[];
  term: string;
  group: string;
}

const SINGLE = new Map<string, { term: string; group: string }>();
const PHRASES = new Map<string, Phrase[]>();
/** Single-word names of five letters or more, by first letter, for words one letter off. */
const FUZZY = new Map<string, { word: string; term: string; group: string }[]>();
for (const [term, group] of GROUP_ENTRIES) {
  const words = foldText(term).split(/[\s'-]+/);
  if (words.length === 1) {
    SINGLE.set(words[0], { term, group });
    if (words[0].length >= 5) {
      const list = FUZZY.get(words[0][0]) ?? [];
      list.push({ word: words[0], term, group });
      FUZZY.set(words[0][0], list);
    }
  } else {
    const list = PHRASES.get(words[0]) ?? [];
    list.push({ words, term, group });
    PHRASES.set(words[0], list);
  }
}
/** First words of multi-word names ("black" of "black people"), for "blakc people". */
const PHRASE_HEADS = [...PHRASES.keys()].filter((w) => w.length >= 5);

/** Names of protected groups in a text, exactly or one letter off; multi-word names ("trans people") as one hit. */
export function findGroups(tokens: Token[]): TermHit<string>[] {
  const hits: TermHit<string>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' && t.kind !== 'hashtag') continue;
    const memo = memoOf(t);
    let entry = memo.group as Entry | undefined;
    if (entry === undefined) memo.group = entry = entryOf(t.kind === 'hashtag' ? t.text.slice(1) : t.text);
    if (entry === NONE) continue;
    const phrases = entry.phrases;
    let matched = false;
    if (phrases) {
      for (const p of phrases) {
        let all = true;
        for (let j = 1; j < p.words.length && all; j++) all = wordAt(tokens, i + j) === p.words[j];
        if (all) {
          hits.push({ start: i, end: i + p.words.length, term: p.term, value: p.group });
          i += p.words.length - 1;
          matched = true;
          break;
        }
      }
    }
    if (matched) continue;
    const one = entry.one;
    if (one) hits.push({ start: i, end: i + 1, term: one.term, value: one.group });
  }
  return hits;
}

interface Entry {
  phrases?: Phrase[];
  one?: { term: string; group: string };
}
const NONE: Entry = {};
// Worked out once per word (see word-memo.ts): the one-letter-off search is the costly part.
function entryOf(w: string): Entry {
  const phrases = PHRASES.get(w) ?? nearPhrases(w);
  const one = SINGLE.get(w) ?? nearName(w);
  return phrases || one ? { phrases, one } : NONE;
}

function nearPhrases(w: string): Phrase[] | undefined {
  if (w.length < 4 || NEAR_BUT_NOT.has(w)) return undefined;
  for (const head of PHRASE_HEADS) if (head[0] === w[0] && Math.abs(head.length - w.length) <= 1 && oneEditAway(w, head)) return PHRASES.get(head);
  return undefined;
}

function wordAt(tokens: Token[], i: number): string | undefined {
  const t = tokens[i];
  return t && t.kind === 'word' ? t.text : undefined;
}

function nearName(w: string): { term: string; group: string } | undefined {
  const candidates = w.length >= 4 ? FUZZY.get(w[0]) : undefined;
  if (!candidates || NEAR_BUT_NOT.has(w)) return undefined;
  for (const f of candidates) {
    if (Math.abs(f.word.length - w.length) > 1) continue;
    if (oneEditAway(w, f.word)) return f;
  }
  return undefined;
}

/**
 * One substitution, insertion, deletion or swap of neighbours, keeping the first letter. A five-letter name only
 * takes a swap or a lost letter ("wmoen", "womn"): one changed letter turns too many short words into names.
 */
export function oneEditAway(a: string, name: string): boolean {
  const la = a.length;
  const lb = name.length;
  if (la === lb) {
    let first = -1;
    let n = 0;
    for (let i = 0; i < la; i++) {
      if (a.charCodeAt(i) !== name.charCodeAt(i)) {
        if (n === 0) first = i;
        if (++n > 2) return false;
      }
    }
    if (n === 2) return a[first] === name[first + 1] && a[first + 1] === name[first] && first + 1 < la && a[first + 1] !== a[first];
    return n === 1 && lb >= 6;
  }
  if (la === lb + 1 && lb < 6) return false;
  const [short, long] = la < lb ? [a, name] : [name, a];
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  return i > 0 && short.slice(i) === long.slice(i + 1);
}

// Words a name is glued to when spaces are taken out ("ihatewomen", "mortauxjuifs", "muslimsarescum").
const GLUE = new Set(`
  i we you they all the death to kill gas hate fuck fucking are is scum trash vermin rats animals filth disgusting
  should die must stupid dirty filthy no ban deport go home out love
  je j on les des mort aux a bas deteste hais sale sales sont tous dehors crever tuer vive
  la le du de ces il faut them so such
`.split(/\s+/).filter(Boolean));
/**
 * Long words that are a name glued to a few common words, as written to slip past word lists ("killallmuslims"),
 * split back into words. Other words are returned untouched, as the same array when nothing was split.
 */
export function splitGluedNames(tokens: Token[]): Token[] {
  let out: Token[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const parts = t.kind !== 'word' ? undefined : t.text.length >= 8 ? gluedOf(t) : pronounGlued(t.text);
    if (parts) {
      out ??= tokens.slice(0, i);
      for (const p of parts) out.push(token('word', p, skeleton(p)));
    } else if (out) out.push(t);
  }
  return out ?? tokens;
}

// Spaced letters are joined back with the pronoun before them ("I h a t e" reads "ihate"): "i" or "j" glued to a
// hostile word of the vocabulary ("ihate", "jhais") is split back; no English or French word is made that way.
function pronounGlued(w: string): string[] | undefined {
  if (w.length < 5 || (w[0] !== 'i' && w[0] !== 'j')) return undefined;
  const rest = w.slice(1);
  return HATE_WORDS.has(rest) ? [w[0], rest] : undefined;
}

// Every place a run of glue words can reach from the start is tried as the start of a name; what follows the name
// must be glue words too. Few words start with glue words, so most long words cost a dozen look-ups.
function gluedOf(t: Token): string[] | undefined {
  const memo = memoOf(t);
  if (memo.glued === undefined) memo.glued = SINGLE.has(t.text) || NOT_GLUED.has(t.text) ? null : gluedFrom(t.text, 0, []) ?? gluedWords(t.text) ?? null;
  return memo.glued ?? undefined;
}

// Words that read as glue words and a word of the hate vocabulary but are words ("therapist": "the rapist").
const NOT_GLUED = new Set(['therapist', 'therapists', 'therapies', 'shootout', 'shootouts']);

/**
 * A word of seven letters or more that is glue words and words of the hate vocabulary run together, with at least
 * one of the latter ("aredisgusting", "jedetesteles", "desordures"), split back into them.
 */
function gluedWords(w: string): string[] | undefined {
  if (w.length < 7) return undefined;
  // One-letter glue words ("a", "i") end too many words ("chassera", "apathetic"): only "i" or "j" may start one.
  const parts = segmentWith(w, (p, at) => HATE_WORDS.has(p) || (GLUE.has(p) && (p.length > 1 || (at === 0 && (p === 'i' || p === 'j')))));
  return parts && parts.length >= 2 && parts.some((p) => HATE_WORDS.has(p)) ? parts : undefined;
}

function segmentWith(s: string, isPart: (p: string, at: number) => boolean, at = 0): string[] | undefined {
  if (s === '') return [];
  for (let len = Math.min(s.length, 14); len >= 1; len--) {
    const head = s.slice(0, len);
    if (!isPart(head, at)) continue;
    const rest = segmentWith(s.slice(len), isPart, at + len);
    if (rest) return [head, ...rest];
  }
  return undefined;
}

function gluedFrom(w: string, at: number, before: string[]): string[] | undefined {
  // Three-letter names ("gay", "jew") only after a glue word: at the start they begin too many words.
  for (let len = Math.min(w.length - at, 14); len >= (at > 0 ? 3 : 4); len--) {
    const name = w.slice(at, at + len);
    if (!SINGLE.has(name) || (at === 0 && len === w.length)) continue;
    const after = segment(w.slice(at + len));
    if (after) return [...before, name, ...after];
  }
  for (let len = Math.min(w.length - at - 3, 10); len >= 1; len--) {
    const head = w.slice(at, at + len);
    if (!GLUE.has(head)) continue;
    const found = gluedFrom(w, at + len, [...before, head]);
    if (found) return found;
  }
  return undefined;
}

/** The text as a run of glue words, longest first; undefined when it is not one. */
function segment(s: string): string[] | undefined {
  if (s === '') return [];
  for (let len = Math.min(s.length, 10); len >= 1; len--) {
    const head = s.slice(0, len);
    if (!GLUE.has(head)) continue;
    const rest = segment(s.slice(len));
    if (rest) return [head, ...rest];
  }
  return undefined;
}
