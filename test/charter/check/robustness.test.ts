import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../../src/shared/charter/check.js';
import { ENGLISH_CHARTER, FRENCH_CHARTER } from '../fixtures.js';

// Pieces a hostile or careless message is made of: words the rules look for, marks, emoji halves, lone surrogates,
// combining marks, quotes left open, links and tags cut short.
const PIECES = [
  'vous', 'Vous', 'tu', "t'", 't’', 'votre', 'ta', 'Venez', 'viens', '-nous', '-vous', '-toi', 'usager', 'gratuit', '#Gratuit',
  '#', '@', '@a@b', 'https://', 'http://x.y/a?b=1:2', '«', '»', '"', '“', '”', '>', '\n', '\r\n', ' ', '\u00a0', '\u202f', '!',
  '?', ':', ';', '!!!', '12:30', ':)', '😀', '\u200d', '\ufe0f', '🇫', '\ud83d', '\ude00', 'e\u0301', '\u0301', '™', "don't",
  "it's", 'Ruche Café', 'ruchecafe', '100 %', 'naturel', 'sans', 'engagement', '{first_name}', '—', 'Léa', "l'", 'de', 'le',
  'a', 'x'.repeat(50), '\t', '\u0000', '\u2028',
];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('any message', () => {
  it('is checked without an error, with spans and fixes inside the text', () => {
    const rand = random(7);
    for (let n = 0; n < 1500; n++) {
      const parts: string[] = [];
      const count = Math.floor(rand() * 40);
      for (let k = 0; k < count; k++) parts.push(PIECES[Math.floor(rand() * PIECES.length)]);
      const text = parts.join(rand() < 0.5 ? ' ' : '');
      for (const charter of [FRENCH_CHARTER, ENGLISH_CHARTER]) {
        const r = checkMessage(charter, { text, kind: n % 2 ? 'post' : 'reply', network: n % 3 ? 'mastodon' : 'bluesky', campaignId: 'printemps-2025' });
        for (const f of r.findings) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeGreaterThanOrEqual(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          let at = 0;
          for (const e of f.fix?.edits ?? []) {
            expect(e.start, JSON.stringify({ text, rule: f.rule })).toBeGreaterThanOrEqual(at);
            expect(e.end).toBeGreaterThanOrEqual(e.start);
            expect(e.end).toBeLessThanOrEqual(text.length);
            at = e.end;
          }
        }
      }
    }
  });
});
