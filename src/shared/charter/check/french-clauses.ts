/**
 * Reading French words in their clause: where a clause starts, which words are clitics before a verb, whether a
 * verb has a subject. What tells "Venez !" (an imperative: vouvoiement) from "vous venez", and "vous" the subject
 * ("vous pouvez") from "vous" the object ("nous vous écrivons") or the stressed pronoun ("chez vous").
 */
import type { Message, Word } from './text.js';

/** Pronouns and the negation that stand between a subject and its verb. */
export const CLITICS = new Set(['ne', 'n', 'me', 'm', 'te', 't', 'se', 's', 'nous', 'vous', 'le', 'la', 'les', 'l', 'lui', 'leur', 'y', 'en']);
const OBJECT_CLITICS = new Set(['ne', 'n', 'me', 'm', 'te', 't', 'se', 's', 'le', 'la', 'les', 'l', 'lui', 'leur', 'y', 'en']);
const COORDINATORS = new Set(['et', 'puis', 'ou', 'alors', 'donc', 'mais', 'ensuite', 'enfin', 'sinon', 'surtout', 'aussi']);
export const PREPOSITIONS = new Set([
  'a', 'pour', 'avec', 'chez', 'sans', 'de', 'par', 'sur', 'entre', 'vers', 'contre', 'apres', 'avant', 'envers', 'selon',
  'comme', 'sauf', 'derriere', 'devant', 'pres', 'malgre', 'parmi', 'que', 'qu', 'aupres', 'et', 'ou', 'moins', 'plus',
]);
const BREAK = /[.!?;:,\n…()«»"“”—–[\]]|[^\s'’\-‑]/;

export class Clauses {
  readonly words: Word[];
  private readonly text: string;
  private readonly starts: boolean[];

  constructor(message: Message) {
    this.words = message.words;
    this.text = message.text;
    this.starts = this.words.map((_, i) => this.computeStart(i));
  }

  /** The text between word i-1 and word i. */
  gapBefore(i: number): string {
    return this.text.slice(i > 0 ? this.words[i - 1].end : 0, this.words[i].start);
  }

  hyphenBefore(i: number): boolean {
    return i > 0 && /^[-‑]$/.test(this.gapBefore(i));
  }

  hyphenAfter(i: number): boolean {
    return i + 1 < this.words.length && this.hyphenBefore(i + 1);
  }

  /** "t'" in "t'aider", "n'" in "n'hésitez". */
  elided(i: number): boolean {
    return i + 1 < this.words.length && /^['’]$/.test(this.gapBefore(i + 1));
  }

  private computeStart(i: number): boolean {
    if (i === 0) return true;
    const gap = this.gapBefore(i);
    if (BREAK.test(gap)) return true;
    return COORDINATORS.has(this.words[i - 1].folded) && /^\s+$/.test(gap);
  }

  /** Word i opens the text, a sentence or a line. */
  sentenceStart(i: number): boolean {
    return i === 0 || /[.!?…\n]/.test(this.gapBefore(i)) || /^[\s«"“(]*$/.test(this.text.slice(0, this.words[i].start));
  }

  clauseStart(i: number): boolean {
    return this.starts[i];
  }

  /** Same clause: no break between word i and word j (i < j). */
  sameClause(i: number, j: number): boolean {
    for (let k = i + 1; k <= j; k++) if (this.starts[k]) return false;
    return true;
  }

  /** The first word after i that is not a clitic, in i's clause; -1 if none. */
  verbAfter(i: number): number {
    for (let k = i + 1; k < this.words.length; k++) {
      if (this.starts[k]) return -1;
      if (!CLITICS.has(this.words[k].folded)) return k;
    }
    return -1;
  }

  /**
   * The verb at i has no subject before it: an imperative ("Venez", "N'hésitez pas", "Ne vous inquiétez pas",
   * "et contactez-nous"). Only object pronouns may stand before it, and "nous"/"vous" only after a "ne".
   */
  subjectless(i: number): boolean {
    let k = i;
    while (!this.starts[k]) {
      k--;
      if (OBJECT_CLITICS.has(this.words[k].folded)) continue;
      if ((this.words[k].folded === 'vous' || this.words[k].folded === 'nous') && this.negatedChain(k)) continue;
      return false;
    }
    return k === i || this.starts[k];
  }

  /** Word k sits in a chain that starts its clause with "ne"/"n'" ("Ne vous inquiétez pas"). */
  negatedChain(k: number): boolean {
    let j = k;
    while (!this.starts[j]) j--;
    if (this.words[j].folded !== 'ne' && this.words[j].folded !== 'n') return false;
    for (let m = j + 1; m < k; m++) if (!CLITICS.has(this.words[m].folded)) return false;
    return true;
  }

  /** The sentence around word i ends with a question mark. */
  question(i: number): boolean {
    const rest = this.text.slice(this.words[i].end);
    const m = rest.match(/[.!?\n]/);
    return m?.[0] === '?';
  }

  /** The sentence (up to . ! ? or a line break) that holds word i. */
  sentence(i: number): [number, number] {
    const at = this.words[i].start;
    const before = this.text.slice(0, at);
    const start = Math.max(before.lastIndexOf('.'), before.lastIndexOf('!'), before.lastIndexOf('?'), before.lastIndexOf('\n')) + 1;
    const rest = this.text.slice(at).search(/[.!?\n]/);
    return [start, rest < 0 ? this.text.length : at + rest];
  }
}
