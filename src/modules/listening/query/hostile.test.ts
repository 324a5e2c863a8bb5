import { describe, expect, it } from 'vitest';
import { matchQuery } from './match-query.js';
import { parseQuery } from './parser.js';
import type { MatchInput } from './post.js';
import { compileTopics } from './topic-index.js';

describe('hostile queries and posts', () => {
  const index = compileTopics([
    { id: 'brand', query: 'ruche OR "ruche app"' },
    { id: 'near', query: 'livraison NEAR/5 (retard OR perdu*)' },
    { id: 'tag', query: '#ruche' },
  ]);

  it('matches a long post with emoji, invisible characters and mixed scripts', () => {
    const filler = '👩‍👩‍👧 مرحبا שלום 🐝 z̴̡̛a̷l̶g̸o\u200b\u202e ';
    const text = `${filler.repeat(10_000 / filler.length)} la livraison est perdue et la ruche #ruche`;
    expect(text.length).toBeGreaterThan(10_000);
    expect(index.match({ text })).toEqual(['brand', 'near', 'tag']);
  });

  it('survives NEAR and phrases over a post made of one word repeated', () => {
    const text = 'livraison '.repeat(4_000) + 'retard';
    expect(index.match({ text })).toEqual(['near']);
    expect(matchQuery(parseQuery('"livraison livraison retard"'), { text })).toBe(true);
  });

  it('does not trust the type of any field', () => {
    const junk = { text: 42, lang: ['fr'], authorHandle: {}, url: 7, hashtags: 'ruche', mentions: [null, 3, 'ok'] };
    expect(index.match(junk as unknown as MatchInput)).toEqual([]);
    expect(index.match(null as unknown as MatchInput)).toEqual([]);
  });

  it('folds compatibility forms and survives broken surrogates', () => {
    expect(matchQuery(parseQuery('finance'), { text: 'la ﬁnance' })).toBe(true);
    expect(matchQuery(parseQuery('ruche'), { text: 'ＲＵＣＨＥ' })).toBe(true);
    expect(matchQuery(parseQuery('ruche'), { text: '\ud800ruche\udc00' })).toBe(true);
    expect(matchQuery(parseQuery('"\ud83dmiel"'), { text: 'miel' })).toBe(true);
  });

  it('refuses deep nesting, reporting it for the topic alone', () => {
    const deep = compileTopics([
      { id: 'deep', query: `${'('.repeat(100)}ruche${')'.repeat(100)}` },
      { id: 'nots', query: `ruche ${'NOT '.repeat(400)}miel` },
      { id: 'ok', query: 'ruche' },
    ]);
    expect(deep.invalid.map((i) => [i.id, i.error.code])).toEqual([
      ['deep', 'too_deep'],
      ['nots', 'too_deep'],
    ]);
    expect(deep.match({ text: 'ruche' })).toEqual(['ok']);
  });

  it('reports a query that is not a string as empty', () => {
    const bad = compileTopics([{ id: 'x', query: null as unknown as string }]);
    expect(bad.invalid[0]?.error.code).toBe('empty');
  });
});
