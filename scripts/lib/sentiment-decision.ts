import { decide, type SentimentDecision } from '../../src/analysis/sentiment.js';
import { macroF1, macroRecall } from './metrics.js';

/**
 * Offsets for negative and positive (−0.3 to 0.3 in steps of 0.1) that score best on a dev split, by macro-recall
 * or macro-F1; a move must gain two points (0.02) over smaller offsets, so a small dev split does not push a model around.
 */
export function fitSentimentDecision(probabilities: number[][], gold: number[], by: 'recall' | 'f1'): SentimentDecision {
  const steps = [0, -0.1, 0.1, -0.2, 0.2, -0.3, 0.3];
  let best = { value: -1, d: { negative: 0, positive: 0 } };
  for (const negative of steps) {
    for (const positive of steps) {
      const d = { negative, positive };
      const pred = probabilities.map((p) => decide(p, d).best);
      const value = by === 'recall' ? macroRecall(gold, pred, 3) : macroF1(gold, pred, 3);
      if (value > best.value + 0.02) best = { value, d };
    }
  }
  return best.d;
}
