import { findLexiconHits, type LexiconHits } from './lexicon/all.js';
import { splitGluedNames } from './lexicon/identity.js';
import { polarityOf } from './lexicon/polarity.js';
import { extractFeatures, MARK_DEHUMANISING, MARK_GROUP, MARK_GROUP_REST, MARK_INSULT, MARK_SLUR, MARK_SWEAR, type FeatureVector } from './text/features.js';
import { tokenize, type Token } from './text/tokenize.js';
import { memoOf } from './text/word-memo.js';

export interface Featurized {
  tokens: Token[];
  features: FeatureVector;
  /** What the word lists found, shared by the features and the rules. */
  lexicon: LexiconHits;
}

let marks = new Uint8Array(256);

/** A word's polarity (−1, 0, +1), kept in its token's memo: the features and the sentiment rules read the same. */
export const tokenPolarity = (word: string, token: Token): number => {
  const memo = memoOf(token);
  return (memo.polarity ??= polarityOf(word));
};

/** The one way text becomes model input, shared by training, fine-tuning and analysis so they never drift. */
export function featurize(text: string): Featurized {
  const tokens = splitGluedNames(tokenize(text));
  const lexicon = findLexiconHits(tokens);
  return { tokens, lexicon, features: extractFeatures(tokens, tokenPolarity, marksOf(tokens.length, lexicon)) };
}

// Reused between calls, like the feature buffers: read before the next text.
function marksOf(count: number, lexicon: LexiconHits): Uint8Array | undefined {
  const { groups, slurs, dehumanising, insults, swearing } = lexicon;
  if (groups.length + slurs.length + dehumanising.length + insults.length + swearing.length === 0) return undefined;
  if (marks.length < count) marks = new Uint8Array(count * 2);
  const m = marks.subarray(0, count);
  m.fill(0);
  for (const h of swearing) m[h.start] = MARK_SWEAR;
  for (const h of insults) m[h.start] = MARK_INSULT;
  for (const h of dehumanising) m[h.start] = MARK_DEHUMANISING;
  for (const h of slurs) m[h.start] = MARK_SLUR;
  for (const h of groups) {
    m[h.start] = MARK_GROUP;
    for (let i = h.start + 1; i < h.end; i++) m[i] = MARK_GROUP_REST;
  }
  return m;
}
