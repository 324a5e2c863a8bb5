import { topWords } from './explain.js';
import { predictProba, type LinearModel } from './model/linear.js';
import type { Predict } from './model/bank.js';
import type { FeatureVector } from './text/features.js';
import type { Token } from './text/tokenize.js';
import type { Reason, SentimentLabel, SentimentResult } from './types.js';

const LABELS: SentimentLabel[] = ['negative', 'neutral', 'positive'];

/** Three-way sentiment from a per-language model (labels negative, neutral, positive); score is P(pos) − P(neg). */
export function sentimentOf(model: LinearModel, fv: FeatureVector, tokens: Token[], predict?: Predict): { result: SentimentResult; reasons: Reason[] } {
  const p = predict ? predict(model) : predictProba(model, fv);
  let best = 0;
  for (let k = 1; k < 3; k++) if (p[k] > p[best]) best = k;
  const label = LABELS[best];
  const reasons = label === 'neutral' ? [] : topWords(model, fv, tokens, 'sentiment', 3, best, best === 0 ? 2 : 0, predict);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    result: { label, score: r(p[2] - p[0]), probabilities: { negative: r(p[0]), neutral: r(p[1]), positive: r(p[2]) } },
    reasons,
  };
}
