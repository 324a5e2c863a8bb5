import { foldText, skeleton } from '../text/normalize.js';

// English contractions as the tokenizer spells them out ("don't" → "do not"), for phrases written without the
// apostrophe; both spellings are kept, since people also write "dont".
const EXPANSIONS: Record<string, string> = {
  cant: 'can not', dont: 'do not', doesnt: 'does not', didnt: 'did not', wont: 'will not', isnt: 'is not', arent: 'are not',
  wasnt: 'was not', werent: 'were not', shouldnt: 'should not', wouldnt: 'would not', couldnt: 'could not', n: 'ne',
};

/**
 * A list of phrases as one regular-expression alternation over plain words (the rules compile it to skeletons):
 * folded, with the spelled-out form of contractions and of the French "n'", longest first so that the longest
 * phrase wins.
 */
export function phrases(list: readonly string[]): string {
  const out = new Set<string>();
  for (const p of list) {
    const folded = foldText(p).replace(/[’']/g, ' ').replace(/\s+/g, ' ').trim();
    out.add(folded);
    out.add(folded.split(' ').map((w) => EXPANSIONS[w] ?? w).join(' '));
  }
  const sorted = [...out].filter(Boolean).sort((a, b) => b.length - a.length);
  return `(?:${sorted.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
}

/**
 * The words a rule cannot match without, as skeletons: from a phrase list, the longest word of each phrase; from a
 * string, each of its words, or the first word of each alternative when it is "|"-separated.
 */
export function keyWords(...lists: (readonly string[] | string)[]): Set<string> {
  const out = new Set<string>();
  for (const list of lists) {
    if (typeof list === 'string') {
      // "kill|beat up|faire la peau": the first word of each alternative; "die dead pay": each word.
      const alts = list.includes('|') ? list.split('|').map((a) => a.trim().split(' ')[0]) : list.split(/\s+/);
      for (const alt of alts) if (/^[a-z]+$/.test(alt)) out.add(skeleton(alt));
      continue;
    }
    for (const phrase of list) {
      const words = phrases([phrase]).slice(3, -1).split('|').flatMap((p) => p.split(' ')).map((w) => skeleton(w.replace(/\\/g, '')));
      out.add(words.reduce((a, b) => (b.length > a.length ? b : a), ''));
    }
  }
  return out;
}

/**
 * Which of several rules a text can possibly match, from the key words each rule needs: one look-up per word of the
 * text instead of one per word and per rule.
 */
export class RuleGate {
  private readonly byWord = new Map<string, number[]>();
  private readonly flags: Uint8Array;

  constructor(needs: Set<string>[]) {
    this.flags = new Uint8Array(needs.length);
    needs.forEach((words, rule) => {
      for (const w of words) {
        const list = this.byWord.get(w);
        if (list) list.push(rule);
        else this.byWord.set(w, [rule]);
      }
    });
  }

  /** Flags, by rule, for the words of a plain text; valid until the next call. */
  open(plain: string): Uint8Array | undefined {
    return this.openWords(plain.split(' '));
  }

  /** The same from the skeletons of a text's tokens, without building its plain text. */
  openTokens<T extends { skel: string }>(tokens: readonly T[], rulesOf: (t: T) => number[] | undefined = (t) => this.rulesFor(t.skel)): Uint8Array | undefined {
    let any = false;
    for (let i = 0; i < tokens.length; i++) {
      const rules = rulesOf(tokens[i]);
      if (!rules) continue;
      if (!any) this.flags.fill(0);
      any = true;
      for (const r of rules) this.flags[r] = 1;
    }
    return any ? this.flags : undefined;
  }

  /** The rules a word opens, or undefined. */
  rulesFor(word: string): number[] | undefined {
    return this.byWord.get(word);
  }

  private openWords(words: readonly string[]): Uint8Array | undefined {
    let any = false;
    for (let i = 0; i < words.length; i++) {
      const rules = this.byWord.get(words[i]);
      if (!rules) continue;
      if (!any) this.flags.fill(0);
      any = true;
      for (const r of rules) this.flags[r] = 1;
    }
    return any ? this.flags : undefined;
  }
}
