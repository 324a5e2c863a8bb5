import { extractFeatures, type FeatureVector } from './text/features.js';
import { polarityOf } from './lexicon/polarity.js';
import { tokenize, type Token } from './text/tokenize.js';

export interface Featurized {
  tokens: Token[];
  features: FeatureVector;
}

/** The one way text becomes model input, shared by training, fine-tuning and analysis so they never drift. */
export function featurize(text: string): Featurized {
  const tokens = tokenize(text);
  return { tokens, features: extractFeatures(tokens, polarityOf) };
}
