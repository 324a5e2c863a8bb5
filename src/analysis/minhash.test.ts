import { describe, expect, it } from 'vitest';
import { NearDuplicateIndex } from './lsh.js';
import { estimateSimilarity, minhash } from './minhash.js';

const campaign = 'Boycottez cette marque qui exploite ses salariés, partagez massivement ce message avant demain soir';

describe('near-duplicates', () => {
  it('finds reposts with small edits, case and accents changes', () => {
    const index = new NearDuplicateIndex<string>();
    index.add('original', minhash(campaign));
    index.add('other', minhash('Le nouveau modèle est sorti hier, la batterie tient enfin toute la journée'));
    const repost = 'BOYCOTTEZ cette marque qui exploite ses salaries, partagez massivement ce message avant demain soir !!! @bob';
    const found = index.query(minhash(repost));
    expect(found.map((f) => f.id)).toEqual(['original']);
    expect(found[0].similarity).toBeGreaterThan(0.8);
  });
  it('compares a new copy with the most recent copies only, however many share its boilerplate', () => {
    const index = new NearDuplicateIndex<string>(16, 0.6, 8);
    for (let i = 0; i < 500; i++) index.add(`copy-${i}`, minhash(`${campaign} ${i}`));
    const found = index.query(minhash(`${campaign} 501`));
    // Each of the 16 bands keeps its 8 latest: the answer is bounded and made of the latest copies.
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(16 * 8);
    expect(found.every((f) => Number(f.id.slice(5)) >= 500 - 16 * 8)).toBe(true);
  });
  it('names as nearest the copy that a full query ranks first', () => {
    const index = new NearDuplicateIndex<string>();
    const texts = Array.from({ length: 300 }, (_, i) => `${i % 3 === 0 ? campaign : 'Le service client ne répond pas depuis trois semaines'} ${i % 7} ${i % 11} ${i}`);
    let compared = 0;
    for (const [i, text] of texts.entries()) {
      const signature = minhash(text);
      expect(index.nearest(signature)).toEqual(index.query(signature)[0]);
      if (index.query(signature).length > 0) compared++;
      // A group's first text is indexed again under its id with each copy's signature.
      index.add(i % 5 === 0 ? 'head' : `t${i}`, signature);
    }
    expect(compared).toBeGreaterThan(250);
    expect(index.nearest(minhash('Il fait beau à Lyon aujourd’hui, on va au parc avec les enfants'))).toBeUndefined();
  });
  it('keeps unrelated texts apart', () => {
    expect(estimateSimilarity(minhash(campaign), minhash('Il fait beau à Lyon aujourd’hui, on va au parc'))).toBeLessThan(0.2);
  });
});
