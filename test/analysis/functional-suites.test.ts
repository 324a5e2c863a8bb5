import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, type Analyzer } from '../../src/analysis/index.js';
import { findGroups } from '../../src/analysis/lexicon/identity.js';
import { tokenize } from '../../src/analysis/text/tokenize.js';
import { SUITES, scoreSuite } from './suites/index.js';

// Quality gates on the functional suites of ./suites (written for Ruche, kind by kind, in both languages). Each
// suite must keep its balanced accuracy, and no kind may fall under its floor: a change that helps one kind by
// breaking another fails here. The figures in the table are the floors, a little under what the models reach.
const GATES: Record<string, { balanced: number; kind: number }> = {
  'hate (English)': { balanced: 0.95, kind: 0.7 },
  'haine (français)': { balanced: 0.94, kind: 0.7 },
  'insult (English)': { balanced: 0.85, kind: 0.6 },
  'insulte (français)': { balanced: 0.82, kind: 0.6 },
  'threat (English)': { balanced: 0.9, kind: 0.8 },
  'menace (français)': { balanced: 0.9, kind: 0.8 },
  'sentiment (English)': { balanced: 0.88, kind: 0.6 },
  'sentiment (français)': { balanced: 0.72, kind: 0.35 },
  'complaint (English)': { balanced: 0.8, kind: 0.5 },
  'réclamation (français)': { balanced: 0.85, kind: 0.6 },
  'warm (English)': { balanced: 0.96, kind: 0.9 },
  'chaleureux (français)': { balanced: 0.9, kind: 0.8 },
  language: { balanced: 0.9, kind: 0.75 },
};

// Plain statements naming a group, and their hateful twins, have floors of their own: an innocent mention flagged is
// the worst error a moderator meets, and the twins keep a fix for it from letting hate through. So do calm
// generalisations ("… ne paient jamais leurs impôts", "… took over the neighbourhood") and their innocent twins, and
// everyday grievances naming no one ("Taxes are too high") with their twins turned on a group.
const KIND_FLOORS: Record<string, Record<string, number>> = {
  'hate (English)': { 'factual-mention': 0.95, 'everyday-mention': 0.75, 'factual-twin': 0.8, 'everyday-twin': 0.95, generalisation: 0.95, 'generalisation-innocent': 0.95, 'no-target': 0.95, 'no-target-twin': 0.9, 'stand-in': 0.8, 'stand-in-innocent': 0.95, blame: 0.8, 'blame-innocent': 0.95 },
  'haine (français)': { 'factual-mention': 0.95, 'everyday-mention': 0.95, 'factual-twin': 0.75, 'everyday-twin': 0.95, generalisation: 0.95, 'generalisation-innocent': 0.95, 'no-target': 0.95, 'no-target-twin': 0.9, 'stand-in': 0.8, 'stand-in-innocent': 0.95, blame: 0.8, 'blame-innocent': 0.95 },
};

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = await createAnalyzer();
});


describe('functional suites', () => {
  for (const suite of SUITES) {
    it(`${suite.name}: balanced accuracy and every kind above their floors`, () => {
      const gate = GATES[suite.name];
      expect(gate, `no gate for ${suite.name}`).toBeDefined();
      const { kinds, balanced } = scoreSuite(suite, (text) => analyzer.analyze(text));
      const report = kinds.map((k) => `${k.kind} ${k.right}/${k.total}${k.failures.length ? ` (e.g. "${k.failures[0]}")` : ''}`).join('; ');
      expect(balanced, report).toBeGreaterThanOrEqual(gate.balanced);
      for (const k of kinds) expect(k.accuracy, `${k.kind}: ${k.failures.slice(0, 3).join(' | ')}`).toBeGreaterThanOrEqual(gate.kind);
      for (const [kind, floor] of Object.entries(KIND_FLOORS[suite.name] ?? {})) {
        const k = kinds.find((x) => x.kind === kind);
        expect(k, `no ${kind} cases in ${suite.name}`).toBeDefined();
        expect(k!.accuracy, `${kind}: ${k!.failures.slice(0, 3).join(' | ')}`).toBeGreaterThanOrEqual(floor);
      }
    });
  }
});

describe('what a moderator is shown', () => {
  const all = SUITES.flatMap((s) => s.cases.map((c) => c.text));

  it('never gives the name of a group as the reason for a score', () => {
    const shown: string[] = [];
    for (const text of all) {
      const tokens = tokenize(text);
      const inName = new Set(findGroups(tokens).flatMap((g) => Array.from({ length: g.end - g.start }, (_, k) => g.start + k)));
      // A word counts as a name when it only ever appears inside one ("people" of "not people" is not a name).
      const groupWords = new Set(tokens.filter((t, i) => inName.has(i) && tokens.every((u, j) => u.text !== t.text || inName.has(j))).map((t) => t.text));
      for (const r of analyzer.analyze(text).reasons) {
        if (r.rule === 'model' && groupWords.has(r.text)) shown.push(`${text} → ${r.category}: ${r.text}`);
      }
    }
    expect(shown).toEqual([]);
  });

  it('labels sentiment the way its score leans: positive above zero, negative below, neutral near it', () => {
    for (const text of all) {
      const { label, score } = analyzer.analyze(text).sentiment;
      if (label === 'positive') expect(score, text).toBeGreaterThan(0);
      if (label === 'negative') expect(score, text).toBeLessThan(0);
    }
  });

  it('never calls a text positive, or neutral, when it insults, hates or threatens', () => {
    const contradictions: string[] = [];
    for (const text of [...all, 'Vous êtes des incapables', 'You are all worthless idiots']) {
      const a = analyzer.analyze(text);
      const { insult, hate, threat } = a.toxicity.categories;
      if (Math.max(insult, hate, threat) >= 0.5 && a.sentiment.label !== 'negative') contradictions.push(`${text} → ${a.sentiment.label}`);
    }
    expect(contradictions).toEqual([]);
  });

  it('gives no score to a text with nothing to read', () => {
    for (const text of ['', '   ', '?!', '...']) {
      const a = analyzer.analyze(text);
      expect(a.toxicity.score).toBe(0);
      expect(a.toxicity.flagged).toBe(false);
      expect(a.complaint.score).toBe(0);
      expect(a.sentiment.score).toBe(0);
      expect(a.sentiment.probabilities).toEqual({ negative: 0, neutral: 0, positive: 0 });
      expect(a.reasons).toEqual([]);
      expect(a.language.code).toBe('und');
    }
  });

  it("reads a bare 'http' left from a link as a link, not as French", () => {
    expect(analyzer.analyze('great article on climate change http').lang).toBe('en');
    expect(tokenize('read this http').map((t) => t.kind)).toEqual(['word', 'word', 'url']);
  });
});
