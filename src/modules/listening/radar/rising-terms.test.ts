import { describe, expect, it } from 'vitest';
import { countTerms, risingTerms } from './rising-terms.js';

/** A week of ordinary talk about a phone maker. */
const baseline = new Map([
  ['phone', 4000],
  ['battery', 1200],
  ['camera', 900],
  ['price', 800],
  ['#launch', 300],
  ['screen', 700],
]);

/** An hour at the usual rates: a fortieth of the week. */
const usualHour: [string, number][] = [...baseline].map(([term, n]) => [term, Math.round(n / 40)]);

describe('rising terms', () => {
  it('ranks a word new to the conversation above common words at their usual rate', () => {
    const recent = new Map([...usualHour, ['explodes', 3]]);
    const terms = risingTerms(recent, baseline);
    expect(terms[0]).toMatchObject({ term: 'explodes', recent: 3, baseline: 0 });
    for (const t of terms.slice(1)) expect(t.score).toBeLessThan(1);
  });

  it('ranks by evidence, not by raw counts: a common word that doubled ranks above one seen only twice', () => {
    const recent = new Map([...usualHour, ['battery', 60], ['recall', 2]]);
    const terms = risingTerms(recent, baseline);
    expect(terms.map((t) => t.term)).toEqual(['battery', 'recall']);
    expect(terms[0].score).toBeGreaterThan(terms[1].score);
  });

  it('leaves out words that fell, words seen once, and keeps to the limit', () => {
    const recent = new Map([
      ['#launch', 1],
      ['price', 2],
      ['once', 1],
      ['#boycott', 9],
      ['fire', 6],
      ['smoke', 4],
    ]);
    const terms = risingTerms(recent, baseline, 2);
    expect(terms.map((t) => t.term)).toEqual(['#boycott', 'fire']);
    expect(risingTerms(recent, baseline).map((t) => t.term)).not.toContain('once');
  });

  it('finds nothing risen against nothing', () => {
    expect(risingTerms(new Map([['explodes', 5], ['phone', 5]]), new Map())).toEqual([]);
  });
});

describe('countTerms', () => {
  it('counts the mentions carrying each term, passing over terms that cannot be read', () => {
    const rows = [
      { terms: '["#acme","panne"]' },
      { terms: '["panne","acme.com",3,null]' },
      { terms: 'not json' },
      { terms: '{"panne":1}' },
      { terms: '["#acme"]' },
    ];
    expect([...countTerms(rows)].sort()).toEqual([['#acme', 2], ['acme.com', 1], ['panne', 2]]);
  });
});
