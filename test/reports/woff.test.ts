import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { woffToSfnt } from '../../src/modules/reports/pdf/woff.js';

const require = createRequire(import.meta.url);
const files = path.join(path.dirname(require.resolve('@fontsource/inter/package.json')), 'files');

interface Face { numGlyphs: number; hasGlyphForCodePoint(cp: number): boolean; layout(text: string): { advanceWidth: number; glyphs: { id: number }[] } }

/** The font as pdfkit's own reader opens it. */
function face(font: Buffer): Face {
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.registerFont('F', font);
  doc.font('F');
  return (doc as unknown as { _font: { font: Face } })._font.font;
}

describe('WOFF unpacked to TrueType for the report fonts', () => {
  for (const weight of ['400', '700']) {
    it(`reads Inter ${weight} the same as the WOFF it came from`, () => {
      const woff = fs.readFileSync(path.join(files, `inter-latin-${weight}-normal.woff`));
      const sfnt = woffToSfnt(woff);
      expect(sfnt.readUInt32BE(0)).toBe(0x00010000); // a TrueType flavoured sfnt, not a WOFF any more
      const a = face(woff);
      const b = face(sfnt);
      expect(b.numGlyphs).toBe(a.numGlyphs);
      const text = 'Taux d’engagement ÷ abonnés × 100 — « Réponses » : 1 234,5 %';
      const la = a.layout(text);
      const lb = b.layout(text);
      expect(lb.advanceWidth).toBe(la.advanceWidth);
      expect(lb.glyphs.map((g) => g.id)).toEqual(la.glyphs.map((g) => g.id));
      expect(b.hasGlyphForCodePoint(0x00e9)).toBe(true);
      expect(b.hasGlyphForCodePoint(0x1f600)).toBe(false);
    });
  }

  it('refuses what is not a WOFF font', () => {
    expect(() => woffToSfnt(Buffer.from('not a font at all, just some bytes here........'))).toThrow(/WOFF/);
  });
});
