import { foldText, skeleton } from '../text/normalize.js';
import type { Token } from '../text/tokenize.js';
import { memoOf } from '../text/word-memo.js';

export interface TermHit<T> {
  /** Index of the first token of the match. */
  start: number;
  end: number;
  term: string;
  value: T;
}

/**
 * A word list matched on token skeletons (repeats collapsed), so "conaaard", "connard" and "c0nnard" meet one entry;
 * multi-word entries ("ta gueule", "piece of shit") match consecutive words; a starred token ("f*ck") matches
 * any entry of the same shape.
 */
export class TermList<T> {
  // One entry per first word, holding both the one-word terms and the phrases it starts: one look-up per token.
  private byFirst = new Map<string, { ones?: [string, T][]; phrases?: { words: string[]; term: string; value: T }[] }>();
  readonly entries: [string, T][] = [];
  private starred: [string, string, T][] = [];

  /**
   * @param remember keep each word's entry in the word's memo (word-memo.ts) under this field: for the one list
   * every text is read against.
   * @param homographs words whose skeleton is that of a one-word entry but that are other words ("ville" is not
   * "vile"): written so (accent-folded), they match no one-word entry.
   */
  constructor(entries: Iterable<[string, T]>, private readonly remember?: 'lexicon', private readonly homographs?: ReadonlySet<string>) {
    for (const [term, value] of entries) this.add(term, value);
  }

  add(term: string, value: T): void {
    this.entries.push([term, value]);
    const words = foldText(term).split(/[\s'-]+/).map(skeleton);
    let entry = this.byFirst.get(words[0]);
    if (!entry) this.byFirst.set(words[0], (entry = {}));
    if (words.length === 1) {
      (entry.ones ??= []).push([term, value]);
      this.starred.push([words[0], term, value]);
    } else (entry.phrases ??= []).push({ words, term, value });
  }

  findAll(tokens: Token[], skeletons?: string[]): TermHit<T>[] {
    const hits: TermHit<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const k = skelAt(tokens, skeletons, i);
      if (k === '') continue;
      let entry: ReturnType<typeof this.byFirst.get> | null;
      if (this.remember && !skeletons) {
        const memo = memoOf(tokens[i]);
        entry = memo.lexicon as typeof entry;
        if (entry === undefined) memo.lexicon = entry = this.byFirst.get(k) ?? this.starredEntry(k) ?? null;
      } else entry = this.byFirst.get(k) ?? this.starredEntry(k);
      if (!entry) continue;
      const phrases = entry.phrases;
      if (phrases) {
        for (const p of phrases) {
          let all = true;
          for (let j = 1; j < p.words.length && all; j++) all = skelAt(tokens, skeletons, i + j) === p.words[j];
          if (all) hits.push({ start: i, end: i + p.words.length, term: p.term, value: p.value });
        }
      }
      const ones = entry.ones;
      if (ones && this.homographs?.has(tokens[i].text.replace(/^#/, ''))) continue;
      if (ones) for (const one of ones) hits.push({ start: i, end: i + 1, term: one[0], value: one[1] });
    }
    return hits;
  }

  // "f*ck": the one-word term of the same shape, as an entry of its own.
  private starredEntry(k: string): { ones: [string, T][] } | undefined {
    if (!k.includes('*')) return undefined;
    const one = this.matchStarred(k);
    return one ? { ones: [one] } : undefined;
  }

  private matchStarred(k: string): [string, T] | undefined {
    const re = new RegExp(`^${k.replace(/\*+/g, '\\p{L}+')}$`, 'u');
    for (const [sk, term, value] of this.starred) if (re.test(sk)) return [term, value];
    return undefined;
  }
}

// The skeleton of token i, from `skeletons` when given. (Not a closure made per call: tsx and esbuild name each one
// as it is made, at a cost on every text.)
function skelAt(tokens: Token[], skeletons: string[] | undefined, i: number): string {
  return skeletons ? skeletons[i] : tokens[i]?.skel;
}

/** Skeleton of each word-like token ('' for links, mentions and punctuation); hashtags count as their words. */
export function tokenSkeletons(tokens: Token[]): string[] {
  return tokens.map((t) => t.skel);
}

export function words(list: string): string[] {
  return list.split(/\n|,/).map((w) => w.trim()).filter(Boolean);
}
