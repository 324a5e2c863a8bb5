/**
 * Finds a charter's terms and names in a message in one pass over its words: each term is indexed by the forms its
 * first word can take, and only a word that is one of them runs the term's own pattern on the folded text. With
 * hundreds of terms a check still costs a map look-up per word.
 */
import { FUNCTION_WORDS, wordForms, type Form } from './inflect.js';
import { fold, type Message, type Word } from './text.js';

export interface PhraseOptions {
  language: 'fr' | 'en' | null;
  /** Inflect the words (terms); names are matched as written, only case, accents and spacing aside. */
  inflect: boolean;
  adverbs?: boolean;
  /** Words may be glued together ("RucheCafé" for "Ruche Café"). */
  glued?: boolean;
  /** ™, ® or © may follow, or be missing: a name's spelling includes them, so both are found and compared. */
  marks?: boolean;
}

export interface Phrase<T> {
  payload: T;
  /** The pattern's source; compiled on the first word that could start it (most terms never occur in a message). */
  source: string;
  re: RegExp | null;
  /** Every form a word of the phrase may take, to tell a plural match from a singular one. */
  forms: Map<string, Form>;
  /** The phrase's words run together, with the forms of the last one, for hashtags ("#GratuitPourTous"). */
  glued: string[];
}

export interface PhraseMatch<T> {
  phrase: Phrase<T>;
  start: number;
  end: number;
  /** The first word the match starts on. */
  word: Word;
  plural: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternation = (forms: string[]) => (forms.length === 1 ? escape(forms[0]) : `(?:${[...forms].sort((a, b) => b.length - a.length).map(escape).join('|')})`);

function separator(sep: string, glued: boolean): string {
  if (/^\s+$/.test(sep)) return glued ? '[\\s-]*' : '\\s+';
  if (sep === '-') return '[-\\s]?';
  if (sep === "'") return "'\\s?";
  const inner = sep.trim().split(/\s+/).map(escape).join('\\s*');
  return `\\s*${inner}\\s*`;
}

export class PhraseIndex<T> {
  private readonly byAnchor = new Map<string, Phrase<T>[]>();
  private readonly gluedPhrases: Phrase<T>[] = [];
  /** Glued forms by their first two letters, built on the first hashtag. */
  private gluedIndex: Map<string, { phrase: Phrase<T>; bare: boolean; glued: string }[]> | null = null;

  add(text: string, payload: T, opts: PhraseOptions): void {
    const folded = fold(text).trim();
    const parts = folded.split(/([\p{L}\p{N}]+)/u);
    // parts: [sep, word, sep, word, …, sep]
    const words: string[] = [];
    const seps: string[] = [];
    for (let i = 1; i < parts.length; i += 2) {
      words.push(parts[i]);
      seps.push(parts[i + 1] ?? '');
    }
    if (words.length === 0) return;
    const forms = new Map<string, Form>();
    const wordAlternatives: string[][] = words.map((w, i) => {
      const inCompound = seps[i] === '-' && i < words.length - 1;
      // English adjectives do not agree: "free trials", not "frees trials".
      const english = opts.language === 'en';
      const inflects =
        opts.inflect && !inCompound && !/^\p{N}+$/u.test(w) && !(words.length > 1 && FUNCTION_WORDS.has(w)) && !(english && i < words.length - 1);
      const list = inflects ? wordForms(w, opts.language, opts.adverbs) : [{ form: w, plural: false }];
      for (const f of list) if (!forms.has(f.form) || f.plural) forms.set(f.form, f);
      return list.map((f) => f.form);
    });
    let body = '';
    words.forEach((_, i) => {
      body += alternation(wordAlternatives[i]);
      if (i < words.length - 1) body += separator(seps[i], opts.glued ?? false);
    });
    const trailing = seps[words.length - 1].trim();
    if (opts.marks) body += '(?:\\s*(?:™|®|©|\\(tm\\)|\\(r\\)))?';
    else if (trailing) body += `\\s*${escape(trailing)}`;
    const prefix = words.slice(0, -1).join('');
    const glued = wordAlternatives[words.length - 1].map((f) => prefix + f);
    const phrase: Phrase<T> = { payload, source: body + '(?![\\p{L}\\p{N}])', re: null, forms, glued };
    const anchors = new Set(wordAlternatives[0]);
    // "éco-responsable" written "ecoresponsable", "Ruche Café" written "RucheCafé": one word in the text.
    if (words.length > 1 && (opts.glued || seps.slice(0, -1).every((s) => s === '-'))) for (const g of glued) anchors.add(g);
    for (const a of anchors) {
      const list = this.byAnchor.get(a);
      if (list) list.push(phrase);
      else this.byAnchor.set(a, [phrase]);
    }
    this.gluedPhrases.push(phrase);
  }

  get size(): number {
    return this.gluedPhrases.length;
  }

  /** Every match, longest first where two start on the same word; `accept` filters by the word a match starts on. */
  match(message: Message, accept: (word: Word, payload: T) => boolean): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (const word of message.words) {
      const candidates = this.byAnchor.get(word.folded);
      if (!candidates) continue;
      for (const phrase of candidates) {
        if (!accept(word, phrase.payload)) continue;
        phrase.re ??= new RegExp(phrase.source, 'uy');
        phrase.re.lastIndex = word.fStart;
        const m = phrase.re.exec(message.folded);
        if (!m) continue;
        const fEnd = word.fStart + m[0].length;
        out.push({ phrase, word, start: word.start, end: message.foldMap[fEnd], plural: isPlural(phrase, m[0]) });
      }
    }
    return dropOverlaps(out);
  }

  /**
   * Terms run together inside hashtags: "#GratuitPourTous" holds "gratuit". A term starts where a word of the tag
   * starts (its start, a capital after a small letter, a digit); in a tag all in one case it may end anywhere.
   */
  matchInHashtags(message: Message, accept: (payload: T) => boolean): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    if (message.hashtags.length === 0) return out;
    const index = this.buildGluedIndex();
    for (const word of message.words) {
      if (!word.inHashtag) continue;
      const oneToOne = word.text.length === word.folded.length;
      const starts = oneToOne ? segmentStarts(word.text) : [0];
      const mixedCase = oneToOne && /\p{Lu}/u.test(word.text) && /\p{Ll}/u.test(word.text);
      for (const s of starts) {
        for (const { phrase, bare, glued } of index.get(word.folded.slice(s, s + 2)) ?? []) {
          if (!word.folded.startsWith(glued, s) || !accept(phrase.payload)) continue;
          const e = s + glued.length;
          // With capitals, a term ends where a word of the tag ends; all in one case, only the bare term may end
          // inside the tag ("#gratuitpourtous"), not an inflection of it ("frees" in "#freestuff").
          if (e < word.text.length && (mixedCase ? !starts.includes(e) : !bare)) continue;
          out.push({ phrase, word, start: word.start + s, end: word.start + e, plural: false });
        }
      }
    }
    return dropOverlaps(out);
  }

  private buildGluedIndex(): Map<string, { phrase: Phrase<T>; bare: boolean; glued: string }[]> {
    if (this.gluedIndex) return this.gluedIndex;
    const index = new Map<string, { phrase: Phrase<T>; bare: boolean; glued: string }[]>();
    for (const phrase of this.gluedPhrases) {
      phrase.glued.forEach((glued, k) => {
        if (glued.length < 2) return;
        const key = glued.slice(0, 2);
        const list = index.get(key);
        const entry = { phrase, bare: k === 0, glued };
        if (list) list.push(entry);
        else index.set(key, [entry]);
      });
    }
    this.gluedIndex = index;
    return index;
  }
}

function segmentStarts(text: string): number[] {
  const out = [0];
  for (let i = 1; i < text.length; i++) {
    const a = text[i - 1];
    const b = text[i];
    const upperAfterLower = /\p{Lu}/u.test(b) && /\p{Ll}/u.test(a);
    const digitEdge = /\p{N}/u.test(a) !== /\p{N}/u.test(b);
    if (upperAfterLower || digitEdge) out.push(i);
  }
  return out;
}

function isPlural<T>(phrase: Phrase<T>, matched: string): boolean {
  for (const w of matched.split(/[^\p{L}\p{N}]+/u)) if (phrase.forms.get(w)?.plural) return true;
  return false;
}

/** Overlapping matches: the one that starts first wins, then the longest. */
function dropOverlaps<T>(matches: PhraseMatch<T>[]): PhraseMatch<T>[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PhraseMatch<T>[] = [];
  let reach = -1;
  for (const m of matches) {
    if (m.start < reach) continue;
    out.push(m);
    reach = m.end;
  }
  return out;
}
