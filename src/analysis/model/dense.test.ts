import { describe, expect, it } from 'vitest';
import { featurize } from '../featurize.js';
import { denseOf, denseTable } from './dense.js';
import { trainExamples } from './examples.js';
import { predictProba } from './linear.js';

// Two-dimensional "vectors": the first axis is warmth, the second coldness; "zorbly" and "grelky" (in no word list)
// never occur in the training texts.
const words = ['lovely', 'great', 'zorbly', 'awful', 'terrible', 'grelky', 'the', 'day'];
const vectors = Float32Array.from([1, 0, 0.9, 0.1, 0.95, 0, 0, 1, 0.1, 0.9, 0, 0.95, 0.1, 0.1, 0.1, 0.1]);
const table = denseTable(words, vectors, 2);
const examples = [
  { text: 'lovely day', label: 'positive' },
  { text: 'great day', label: 'positive' },
  { text: 'the day was lovely', label: 'positive' },
  { text: 'awful day', label: 'negative' },
  { text: 'terrible day', label: 'negative' },
  { text: 'the day was awful', label: 'negative' },
];
const positive = (m: ReturnType<typeof trainExamples>, text: string) => predictProba(m, featurize(text).features)[1];

describe('word vectors folded into word weights', () => {
  it('gives words absent from training the weight their vectors suggest', () => {
    const plain = trainExamples(examples, { labels: ['negative', 'positive'], epochs: 30, seed: 3, charWeight: 0 });
    const withVectors = trainExamples(examples, { labels: ['negative', 'positive'], epochs: 30, seed: 3, charWeight: 0, dense: table });
    expect(positive(plain, 'zorbly')).toBeCloseTo(positive(plain, 'grelky'), 2);
    expect(positive(withVectors, 'zorbly')).toBeGreaterThan(0.6);
    expect(positive(withVectors, 'grelky')).toBeLessThan(0.4);
    // Negated words have vectors of their own, learnt apart from the plain ones.
    expect(positive(withVectors, 'not zorbly')).toBeLessThan(positive(withVectors, 'zorbly'));
  });

  it('sums the vectors of a text’s features at the value each feature has', () => {
    const fv = featurize('lovely lovely').features;
    const x = denseOf(table, fv, 0);
    const z = 1 / Math.sqrt(fv.nWord);
    expect(x[0]).toBeCloseTo(2 * z, 5);
    expect(x[1]).toBeCloseTo(0, 5);
    expect(x.length).toBe(4);
  });
});
