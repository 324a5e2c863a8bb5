import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { woffToSfnt } from './woff.js';

/**
 * The report's font (Inter, regular and bold, from @fontsource/inter's WOFF files, unpacked once to TrueType) and
 * the one gate every text goes through before it is drawn: control and direction-changing characters are removed,
 * and characters the font has no glyph for (emoji, scripts outside Latin) are dropped rather than drawn as boxes.
 */

const require = createRequire(import.meta.url);
const files = path.join(path.dirname(require.resolve('@fontsource/inter/package.json')), 'files');

export const FONT = { regular: 'Inter', bold: 'Inter-Bold' } as const;

let cached: { regular: Buffer; bold: Buffer; has: (cp: number) => boolean } | null = null;

export function fonts() {
  if (!cached) {
    const regular = woffToSfnt(fs.readFileSync(path.join(files, 'inter-latin-400-normal.woff')));
    const bold = woffToSfnt(fs.readFileSync(path.join(files, 'inter-latin-700-normal.woff')));
    // pdfkit's own font reader (fontkit) answers which characters have a glyph; a document that is never written asks it.
    const probe = new PDFDocument({ autoFirstPage: false });
    probe.registerFont(FONT.regular, regular);
    probe.font(FONT.regular);
    const face = (probe as unknown as { _font?: { font?: { hasGlyphForCodePoint?(cp: number): boolean } } })._font?.font;
    const known = new Map<number, boolean>();
    const has = (cp: number) => {
      let v = known.get(cp);
      if (v === undefined) known.set(cp, (v = face?.hasGlyphForCodePoint ? face.hasGlyphForCodePoint(cp) : cp < 0x250));
      return v;
    };
    cached = { regular, bold, has };
  }
  return cached;
}

// C0/C1 controls except tab and newline, bidi embeddings/overrides/isolates, zero-width and other invisible marks.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;
const SPACES = /[\u2000-\u200a\u202f\u205f\u3000]/g;

/** Text as it may be drawn: what the font cannot show is gone, never a crash. */
export function printable(text: string | null | undefined): string {
  if (!text) return '';
  const { has } = fonts();
  const clean = text.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, '\u00a0').replace(/\r\n?/g, '\n');
  let out = '';
  for (const ch of clean) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x0a || cp === 0x09 || has(cp)) out += ch;
  }
  return out;
}

/** A single line: newlines and runs of spaces become one space. */
export function oneLine(text: string | null | undefined): string {
  return printable(text).replace(/\s+/g, ' ').trim();
}
