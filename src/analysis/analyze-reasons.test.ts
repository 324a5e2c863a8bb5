import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, type Analyzer } from './index.js';
import { SUITES } from '../../test/analysis/suites/index.js';

// Texts that make the models and rules give reasons: the functional suites (hate, insults, threats, complaints,
// sentiment, language), and the tweets of ../shared/data when present.
function texts(): string[] {
  const out = SUITES.flatMap((s) => s.cases.map((c) => c.text));
  const dir = process.env.RUCHE_DATA_DIR ?? path.resolve(process.cwd(), '../shared/data');
  for (const set of ['sentiment/tweets-en', 'sentiment/tweets-fr', 'hate/tweeteval-en', 'offensive/tweeteval-en']) {
    try {
      for (const f of readdirSync(path.join(dir, set)).filter((n) => n.endsWith('_text.txt'))) {
        out.push(...readFileSync(path.join(dir, set, f), 'utf8').split('\n').filter((l) => l.trim() !== '').slice(0, 400));
      }
    } catch {
      // Not there: the suites alone.
    }
  }
  return out;
}

describe('analysis without reasons', () => {
  let analyzer: Analyzer;
  beforeAll(async () => {
    analyzer = await createAnalyzer();
  });

  it('gives every score, label and entity as with reasons, and no reason', () => {
    const all = texts();
    let explained = 0;
    let modelWords = 0;
    for (const text of all) {
      for (const lang of [undefined, 'en'] as const) {
        const full = analyzer.analyze(text, { lang });
        const lean = analyzer.analyze(text, { lang, reasons: false });
        expect(lean.reasons).toEqual([]);
        expect({ ...lean, reasons: full.reasons }).toEqual(full);
        if (full.reasons.length > 0) explained++;
        if (full.reasons.some((r) => r.rule === 'model')) modelWords++;
      }
    }
    // The texts did make reasons, the models' words among them: the comparison covered the work left out.
    expect(explained).toBeGreaterThan(all.length / 2);
    expect(modelWords).toBeGreaterThan(all.length / 4);
  });
});
