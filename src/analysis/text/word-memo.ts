import type { Token } from './tokenize.js';

/**
 * What the word lists say of one written word, worked out once and kept: comments repeat the same words, and one
 * look-up per token is cheaper than one per list. Each list fills its own field the first time it needs it
 * (undefined: not yet asked; null: asked, nothing).
 */
export interface WordMemo {
  /** Names of groups (lexicon/identity.ts). */
  group?: unknown;
  /** Polarity, −1, 0 or +1 (lexicon/polarity.ts). */
  polarity?: number;
  /** Entry of the one-pass word-list index (lexicon/all.ts). */
  lexicon?: unknown;
  /** Threat rules the word may open (rules/threat.ts). */
  threat?: unknown;
  /** The word cut into glue words and a group name ("ihatewomen"), or null (lexicon/identity.ts). */
  glued?: string[] | null;
  /** Function word of French or English (bit 1), of another language (bit 2) (lexicon/stopwords.ts). */
  stopword?: number;
  /** Negator (1), word ending a negation's scope (2), neither (0) (text/negation.ts). */
  negation?: number;
  /** The spam cue the word is, or null (rules/spam.ts). */
  spam?: unknown;
}

const memos = new Map<string, WordMemo>();
// Bounded: a stream of comments brings new words for ever. Emptied when full; what is lost is worked out again.
const MAX_WORDS = 30_000;

/** The memo of a token's word, found once per token. */
export function memoOf(t: Token): WordMemo {
  let m = t.memo;
  if (m !== undefined) return m;
  m = memos.get(t.text);
  if (m === undefined) {
    if (memos.size >= MAX_WORDS) memos.clear();
    // Every field from the start, in one order: all memos share one shape, so reading a field stays one load.
    m = { group: undefined, polarity: undefined, lexicon: undefined, threat: undefined, glued: undefined, stopword: undefined, negation: undefined, spam: undefined };
    memos.set(t.text, m);
  }
  t.memo = m;
  return m;
}

