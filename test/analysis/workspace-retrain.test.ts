import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, decodeModel, encodeModel, loadModels, trainFromLabels, type Analyzer, type LinearModel } from '../../src/analysis/index.js';
import { F_GROUP } from '../../src/analysis/text/features.js';
import { HATE_EN } from './suites/hate-en.js';
import { scoreSuite } from './suites/cases.js';

// A workspace's moderators hide comments in their community's own slang and approve comments the model got
// wrong; the retrained model must learn those decisions and keep what it knew (the functional suite before and
// after), and naming a group must stay harmless.
const decisions = [
  ...['those zorglings should go back to their swamp', 'zorglings ruin every thread', 'bunch of zorglings again', 'get lost zorglings', 'zorglings are the worst people'].map((text) => ({ text, label: 'hate', weight: 3 })),
  ...['this patch kills the lag, finally', 'the new map is sick', 'our raid got destroyed last night lol', 'that boss is a beast', 'gg, you crushed it'].map((text) => ({ text, label: 'no', weight: 3 })),
];

let shipped: Analyzer;
let retrained: Analyzer;
let tuned: LinearModel;
beforeAll(async () => {
  const base = loadModels()['hate-en'];
  // Stored and read back as the workspace's model would be.
  tuned = decodeModel(encodeModel(trainFromLabels(decisions, base)));
  shipped = await createAnalyzer({ fasttext: false });
  retrained = await createAnalyzer({ fasttext: false, models: { 'hate-en': tuned } });
});

describe("a workspace's retrained hate model", () => {
  it("learns the moderators' decisions", () => {
    const hate = (a: Analyzer, t: string) => a.analyze(t, { lang: 'en' }).toxicity.categories.hate;
    expect(hate(retrained, 'zorglings ruin everything')).toBeGreaterThan(hate(shipped, 'zorglings ruin everything'));
    expect(hate(retrained, 'the new map is sick, gg')).toBeLessThanOrEqual(hate(shipped, 'the new map is sick, gg'));
  });

  it('keeps its behaviour on the functional suite', () => {
    const before = scoreSuite(HATE_EN, (t) => shipped.analyze(t, { lang: 'en' })).balanced;
    const after = scoreSuite(HATE_EN, (t) => retrained.analyze(t, { lang: 'en' })).balanced;
    expect(after).toBeGreaterThanOrEqual(before - 0.02);
  });

  it('never learns that naming a group is hateful', () => {
    expect(tuned.meta.nonPositive).toEqual([F_GROUP]);
    expect(tuned.rows[0][F_GROUP]).toBeLessThanOrEqual(0);
  });
});
