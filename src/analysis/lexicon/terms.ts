import { foldText, skeleton } from '../text/normalize.js';
import type { Token } from '../text/tokenize.js';

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
  private single = new Map<string, [string, T][]>();
  readonly entries: [string, T][] = [];
  private multi = new Map<string, { words: string[]; term: string; value: T }[]>();
  private starred: [string, string, T][] = [];

  constructor(entries: Iterable<[string, T]>) {
    for (const [term, value] of entries) this.add(term, value);
  }

  add(term: string, value: T): void {
    this.entries.push([term, value]);
    const words = foldText(term).split(/[\s'-]+/).map(skeleton);
    if (words.length === 1) {
      const list = this.single.get(words[0]);
      if (list) list.push([term, value]);
      else this.single.set(words[0], [[term, value]]);
      this.starred.push([words[0], term, value]);
      return;
    }
    const list = this.multi.get(words[0]) ?? [];
    list.push({ words, term, value });
    this.multi.set(words[0], list);
  }

  findAll(tokens: Token[], skeletons?: string[]): TermHit<T>[] {
    const hits: TermHit<T>[] = [];
    const skel = (i: number) => (skeletons ? skeletons[i] : tokens[i]?.skel);
    for (let i = 0; i < tokens.length; i++) {
      const k = skel(i);
      if (k === '') continue;
      const phrases = this.multi.get(k);
      if (phrases) {
        for (const p of phrases) {
          let all = true;
          for (let j = 1; j < p.words.length && all; j++) all = skel(i + j) === p.words[j];
          if (all) hits.push({ start: i, end: i + p.words.length, term: p.term, value: p.value });
        }
      }
      const ones = this.single.get(k);
      if (ones) for (const one of ones) hits.push({ start: i, end: i + 1, term: one[0], value: one[1] });
      else if (k.includes('*')) {
        const one = this.matchStarred(k);
        if (one) hits.push({ start: i, end: i + 1, term: one[0], value: one[1] });
      }
    }
    return hits;
  }

  private matchStarred(k: string): [string, T] | undefined {
    const re = new RegExp(`^${k.replace(/\*+/g, '\\p{L}+')}$`, 'u');
    for (const [sk, term, value] of this.starred) if (re.test(sk)) return [term, value];
    return undefined;
  }
}

/** Skeleton of each word-like token ('' for links, mentions and punctuation); hashtags count as their words. */
export function tokenSkeletons(tokens: Token[]): string[] {
  return tokens.map((t) => t.skel);
}

export function words(list: string): string[] {
  return list.split(/\n|,/).map((w) => w.trim()).filter(Boolean);
}
