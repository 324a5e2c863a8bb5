import { describe, expect, it } from 'vitest';
import { extractEntities } from './entities.js';
import { tokenize } from './text/tokenize.js';

describe('entities', () => {
  it('folds hashtags so #écologie and #Ecologie count together, keeps mentions and links', () => {
    const text = 'Bravo @Ville_Lyon pour le #VéloEnVille et l’#écologie ! #Ecologie https://lyon.fr/velo.';
    const e = extractEntities(text, tokenize(text));
    expect(e.hashtags).toEqual(['#veloenville', '#ecologie']);
    expect(e.mentions).toEqual(['@ville_lyon']);
    expect(e.links).toEqual(['https://lyon.fr/velo']);
    expect(e.keywords).toContain('bravo');
    expect(e.keywords).not.toContain('pour');
  });
});
