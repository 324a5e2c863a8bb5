import { describe, expect, it } from 'vitest';
import { hiddenCharacters } from './hidden.js';
import { spamScore } from './spam.js';
import { tokenize } from '../text/tokenize.js';
import { analyzeWith } from '../analyzer.js';
import { loadModels } from '../models.js';

const RLO = '\u202E';

describe('hidden direction characters', () => {
  it('reports a right-to-left override, which makes "gnp.exe" read "exe.png"', () => {
    const { result, reasons, weight } = hiddenCharacters(`Your invoice: invoice-${RLO}gnp.exe`);
    expect(result).toEqual({ bidiOverride: true, count: 1, characters: ['U+202E'] });
    expect(reasons).toEqual([{ category: 'spam', rule: 'bidi-override', text: 'U+202E', weight }]);
    expect(weight).toBeGreaterThan(0);
  });

  it('reports embeddings, isolates and marks in Latin text, but not marks in Arabic or Hebrew', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C']) {
      expect(hiddenCharacters(`report${c}.pdf`).result.bidiOverride, c).toBe(true);
    }
    const arabic = hiddenCharacters('مرحبا\u200F بكم في Ruche');
    expect(arabic.result).toEqual({ bidiOverride: false, count: 1, characters: ['U+200F'] });
    expect(arabic.reasons).toEqual([]);
    // An override is a trick in any script.
    expect(hiddenCharacters(`שלום ${RLO}abc`).result.bidiOverride).toBe(true);
  });

  it('finds nothing in ordinary text, accents, emoji and joiners included', () => {
    expect(hiddenCharacters('Café « été » 👩‍👩‍👧 — à bientôt\u00A0!')).toEqual({ result: { bidiOverride: false, count: 0, characters: [] }, reasons: [], weight: 0 });
  });

  it('adds to the scam score: an override with a shortened link and a prize reads as a scam', () => {
    const plain = 'You won a prize, open invoice-fdp.exe https://bit.ly/x';
    const tricked = `You won a prize, open invoice-${RLO}fdp.exe https://bit.ly/x`;
    const before = spamScore(tokenize(plain), plain).score;
    const after = spamScore(tokenize(tricked), tricked);
    expect(after.score).toBeGreaterThan(before);
    expect(after.score).toBeGreaterThanOrEqual(0.5);
    expect(after.reasons.map((r) => r.rule)).toContain('bidi-override');
    // Alone it is a reason to look, not spam.
    const alone = spamScore(tokenize(`photo-${RLO}gnp.exe`), `photo-${RLO}gnp.exe`);
    expect(alone.score).toBeLessThan(0.5);
    expect(alone.reasons.map((r) => r.rule)).toEqual(['bidi-override']);
  });

  it('shows in the analysis of a text, with its reason', () => {
    const analysis = analyzeWith(loadModels(), undefined, `Voici la facture facture-${RLO}fdp.exe`);
    expect(analysis.hiddenCharacters).toEqual({ bidiOverride: true, count: 1, characters: ['U+202E'] });
    expect(analysis.reasons).toContainEqual(expect.objectContaining({ category: 'spam', rule: 'bidi-override', text: 'U+202E' }));
    expect(analyzeWith(loadModels(), undefined, 'Voici la facture').hiddenCharacters.bidiOverride).toBe(false);
  });
});
