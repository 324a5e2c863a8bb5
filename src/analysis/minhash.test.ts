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
  it('keeps unrelated texts apart', () => {
    expect(estimateSimilarity(minhash(campaign), minhash('Il fait beau à Lyon aujourd’hui, on va au parc'))).toBeLessThan(0.2);
  });
});
