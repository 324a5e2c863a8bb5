import { describe, expect, it } from 'vitest';
import { featurize } from '../featurize.js';
import { encodeModel } from './codec.js';
import { trainExamples, trainFromLabels } from './examples.js';
import { predictProba } from './linear.js';

const spamLabels = [
  { text: 'buy cheap watches now', label: 'spam' },
  { text: 'cheap pills buy now', label: 'spam' },
  { text: 'montres pas cheres achetez', label: 'spam' },
  { text: 'see you at the meeting tomorrow', label: 'ok' },
  { text: 'the meeting moved to friday', label: 'ok' },
  { text: 'on se voit demain a la reunion', label: 'ok' },
];
const p = (m: ReturnType<typeof trainExamples>, text: string) => predictProba(m, featurize(text).features)[m.labels.indexOf('spam')];

describe('training from labels', () => {
  it('learns a small label set and is deterministic', () => {
    const a = trainExamples(spamLabels, { epochs: 20, seed: 7 });
    const b = trainExamples(spamLabels, { epochs: 20, seed: 7 });
    expect(encodeModel(a)).toEqual(encodeModel(b));
    expect(p(a, 'buy cheap watches')).toBeGreaterThan(0.5);
    expect(p(a, 'meeting tomorrow')).toBeLessThan(0.5);
  });
  it('fine-tunes a base model on new decisions without forgetting it', () => {
    const base = trainExamples(spamLabels, { epochs: 20, seed: 7 });
    const decisions = [
      { text: 'crypto airdrop claim your tokens', label: 'spam' },
      { text: 'claim free tokens airdrop', label: 'spam' },
      { text: 'the meeting notes are online', label: 'ok' },
    ];
    const tuned = trainFromLabels(decisions, base, { epochs: 15 });
    expect(p(base, 'airdrop claim tokens')).toBeLessThan(p(tuned, 'airdrop claim tokens'));
    expect(p(tuned, 'airdrop claim tokens')).toBeGreaterThan(0.5);
    expect(p(tuned, 'buy cheap watches')).toBeGreaterThan(0.5);
    expect(tuned.labels).toEqual(base.labels);
  });
  it('refuses a label the base model does not know', () => {
    const base = trainExamples(spamLabels, { epochs: 2 });
    expect(() => trainFromLabels([{ text: 'x', label: 'other' }], base)).toThrow(/not one of/);
  });
});
