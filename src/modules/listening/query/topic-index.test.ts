import { describe, expect, it } from 'vitest';
import { matchQuery } from './match-query.js';
import { parseQuery } from './parser.js';
import type { MatchInput } from './post.js';
import { compileTopics, type TopicIndex } from './topic-index.js';

/** The trees the index evaluates for one post. */
function evaluatedFor(index: TopicIndex, post: MatchInput): number {
  const before = index.stats().treesEvaluated;
  index.match(post);
  return index.stats().treesEvaluated - before;
}

const TOPICS = [
  { id: 'brand', query: '(Ruche OR "Ruche App" OR @ruche_app OR #RucheDay) -author:ruche_app' },
  { id: 'airbus', query: 'Airbus (A320 OR A350) lang:fr' },
  { id: 'delays', query: 'le AND (livraison NEAR/3 retard*)' },
  { id: 'coke', query: '"coca cola" -pepsi' },
  { id: 'eco', query: 'écolo*' },
  { id: 'broken', query: 'ruche (' },
  { id: 'negative', query: 'NOT ruche' },
];

describe('compileTopics', () => {
  const index = compileTopics(TOPICS);

  it('reports the topics whose query fails, and compiles the others', () => {
    expect(index.size).toBe(5);
    expect(index.invalid.map((i) => [i.id, i.error.code])).toEqual([
      ['broken', 'unclosed_paren'],
      ['negative', 'only_negative'],
    ]);
  });

  it('gives the matching topics in the order they were given', () => {
    expect(index.match({ text: 'La ruche écologique et le Coca-Cola', lang: 'fr' })).toEqual(['brand', 'coke', 'eco']);
    expect(index.match({ text: 'Un Airbus A350 livré', lang: 'fr' })).toEqual(['airbus']);
    expect(index.match({ text: 'Un Airbus A350 livré', lang: 'en' })).toEqual([]);
    expect(index.match({ text: 'merci', mentions: ['ruche_app'] })).toEqual(['brand']);
    expect(index.match({ text: 'merci', hashtags: ['rucheday'], authorHandle: 'ruche_app' })).toEqual([]);
  });

  it('evaluates no tree for a post without any topic word', () => {
    expect(evaluatedFor(index, { text: 'Bonjour tout le monde, il fait beau', lang: 'fr' })).toBe(0);
  });

  it('evaluates only the topics whose anchor terms the post contains', () => {
    expect(evaluatedFor(index, { text: 'un airbus', lang: 'fr' })).toBe(1);
    // Several of a topic's anchors in one post still make one evaluation.
    expect(evaluatedFor(index, { text: 'Ruche, Ruche App #RucheDay @ruche_app', hashtags: ['rucheday'] })).toBe(1);
    // "le" is in nearly every post: the AND is keyed on its NEAR side, not on it.
    expect(evaluatedFor(index, { text: 'le chat et le chien' })).toBe(0);
    expect(evaluatedFor(index, { text: 'le retard de la livraison' })).toBe(1);
    // A NOT is never an anchor: a post that only has the excluded word is not a candidate.
    expect(evaluatedFor(index, { text: 'pepsi' })).toBe(0);
  });

  it('finds a topic whose only anchor is a wildcard, through its first letters', () => {
    expect(index.match({ text: 'les Écologistes ont gagné' })).toEqual(['eco']);
    expect(evaluatedFor(index, { text: 'une économie solide' })).toBe(1);
    expect(index.match({ text: 'une économie solide' })).toEqual([]);
  });

  it('finds a phrase through any spelling of it', () => {
    for (const text of ['coca cola', 'Coca-Cola', 'CocaCola', 'un coca-cola light']) expect(index.match({ text })).toEqual(['coke']);
    const mail = compileTopics([{ id: 'mail', query: 'e-mail' }]);
    expect(mail.match({ text: 'envoyez un email' })).toEqual(['mail']);
  });

  it('finds what matching each query one by one finds', () => {
    const topics = [
      'ruche',
      'ruche* OR miel',
      '"miel de ruche" NEAR/4 (bio OR local)',
      '#miel -#pub',
      '@apiculteur OR apiculteurs',
      'frelon asiatique -piège lang:fr',
      'abeille site:lemonde.fr',
      '(abeille OR abeilles) AND (mort* OR déclin)',
      "l'apiculture",
    ].map((query, i) => ({ id: `t${i}`, query }));
    const posts: MatchInput[] = [
      { text: 'Le miel de ruche local est le meilleur', lang: 'fr' },
      { text: 'Les ruchers et les ruches', hashtags: ['miel'] },
      { text: 'merci @apiculteur pour le #miel #pub' },
      { text: 'Un frelon asiatique près de la ruche', lang: 'fr' },
      { text: 'Un frelon asiatique pris au piège', lang: 'fr' },
      { text: 'Le déclin des abeilles', url: 'https://www.lemonde.fr/planete' },
      { text: "L'APICULTURE en France" },
      { text: 'rien à voir' },
    ];
    const index = compileTopics(topics);
    for (const post of posts) {
      const expected = topics.filter((t) => matchQuery(parseQuery(t.query), post)).map((t) => t.id);
      expect(index.match(post), post.text).toEqual(expected);
    }
    expect(index.match(posts[0]!).length).toBeGreaterThan(0);
  });
});
