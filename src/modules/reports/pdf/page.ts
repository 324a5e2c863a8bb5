import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { ReportStrings } from '../i18n/index.js';
import type { Formats } from '../format.js';
import { FONT, fonts, printable } from './text.js';

/** A4 in points, and the frame every page's content stays in. */
export const PAGE = { width: 595.28, height: 841.89, margin: 50, top: 64, bottom: 64 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const INK = '#1f2933';
export const MUTED = '#6b7682';
export const LINE = '#e3e7eb';
export const CARD = '#f5f7f9';
export const GOOD = '#23895a';
export const BAD = '#c8374f';

export interface Page {
  doc: PDFKit.PDFDocument;
  t: ReportStrings;
  f: Formats;
  brand: string;
  /** Text drawn on the brand colour: white, or ink when the colour is light. */
  onBrand: string;
  /** "Label: value" in English, "Libellé : valeur" in French. */
  colon: string;
  /** The charts' SVG, rendered before layout, by workspace and kind. */
  charts: Map<string, string>;
}

export function openDocument(title: string, locale: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4', margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true, autoFirstPage: false, lang: locale,
    info: { Title: printable(title), Creator: 'Ruche', Producer: 'Ruche' },
  });
  const { regular, bold } = fonts();
  doc.registerFont(FONT.regular, regular);
  doc.registerFont(FONT.bold, bold);
  doc.font(FONT.regular);
  return doc;
}

/** Relative luminance test: light brand colours get dark text. */
export function textOn(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 170 ? INK : '#ffffff';
}

/** A lighter tint of the brand colour, for backgrounds. */
export function tint(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount).toString(16).padStart(2, '0');
  return `#${mix((n >> 16) & 255)}${mix((n >> 8) & 255)}${mix(n & 255)}`;
}

export const bottomLimit = () => PAGE.height - PAGE.bottom;

/** Starts a new page when `height` does not fit below the cursor. */
export function ensureSpace(p: Page, height: number): void {
  if (p.doc.y + height > bottomLimit()) p.doc.addPage();
}

/** The height an SVG chart takes once scaled to the content width. */
export function chartHeight(svg: string): number {
  const m = /<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg);
  const w = m ? Number(m[1]) : CONTENT_WIDTH;
  const h = m ? Number(m[2]) : 200;
  return h * Math.min(1, CONTENT_WIDTH / w);
}

/** A section's title, kept with what follows it: ~150 points of it, or `keepWith` (a whole chart). */
export function sectionTitle(p: Page, title: string, intro?: string, keepWith = 150): void {
  ensureSpace(p, Math.max(190, keepWith + 50));
  const { doc } = p;
  if (doc.y > PAGE.top + 5) doc.moveDown(1.2);
  const y = doc.y;
  doc.rect(PAGE.margin, y + 2, 4, 18).fill(p.brand);
  doc.font(FONT.bold).fontSize(16).fillColor(INK).text(printable(title), PAGE.margin + 12, y, { width: CONTENT_WIDTH - 12 });
  if (intro) doc.font(FONT.regular).fontSize(9).fillColor(MUTED).text(printable(intro), PAGE.margin + 12, doc.y + 2, { width: CONTENT_WIDTH - 12 });
  doc.moveDown(0.8);
  doc.x = PAGE.margin;
}

export function subTitle(p: Page, text: string, keepWith = 80): void {
  ensureSpace(p, keepWith + 24);
  p.doc.moveDown(0.4);
  p.doc.font(FONT.bold).fontSize(11).fillColor(p.brand).text(printable(text), PAGE.margin, p.doc.y, { width: CONTENT_WIDTH });
  p.doc.moveDown(0.3);
}

export function paragraph(p: Page, text: string, size = 10): void {
  const clean = printable(text).trim();
  if (!clean) return;
  const { doc } = p;
  for (const para of clean.split(/\n{2,}/)) {
    doc.font(FONT.regular).fontSize(size);
    ensureSpace(p, Math.min(doc.heightOfString(para, { width: CONTENT_WIDTH, lineGap: 2 }), 200));
    doc.fillColor(INK).text(para, PAGE.margin, doc.y, { width: CONTENT_WIDTH, lineGap: 2, align: 'left' });
    doc.moveDown(0.6);
  }
}

export function note(p: Page, text: string): void {
  p.doc.font(FONT.regular).fontSize(8).fillColor(MUTED).text(printable(text), PAGE.margin, p.doc.y, { width: CONTENT_WIDTH });
  p.doc.moveDown(0.4);
}

/** Draws an SVG chart as vectors at the cursor, scaled to the content width. */
export function chart(p: Page, svg: string): void {
  const m = /<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg);
  const w = m ? Number(m[1]) : CONTENT_WIDTH;
  const h = m ? Number(m[2]) : 200;
  const scale = Math.min(1, CONTENT_WIDTH / w);
  ensureSpace(p, h * scale + 10);
  const y = p.doc.y;
  SVGtoPDF(p.doc, svg, PAGE.margin, y, {
    width: w * scale, height: h * scale, assumePt: true,
    fontCallback: (_family, bold) => (bold ? FONT.bold : FONT.regular),
    warningCallback: () => {},
  });
  p.doc.font(FONT.regular);
  p.doc.x = PAGE.margin;
  p.doc.y = y + h * scale + 8;
}

/** Headers and footers, written once every page exists so that "page n of N" is known. */
export function furnish(p: Page, header: string, footer: string, skipFirst: boolean): void {
  const { doc } = p;
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start; i < range.start + total; i++) {
    if (skipFirst && i === range.start) continue;
    doc.switchToPage(i);
    // Writing in the margins must not open a page: pdfkit does when text crosses the bottom margin.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.rect(0, 0, PAGE.width, 6).fill(p.brand);
    doc.font(FONT.regular).fontSize(8).fillColor(MUTED);
    doc.text(printable(header), PAGE.margin, 24, { width: CONTENT_WIDTH, align: 'right', lineBreak: false, height: 12, ellipsis: true });
    doc.moveTo(PAGE.margin, PAGE.height - 44).lineTo(PAGE.width - PAGE.margin, PAGE.height - 44).lineWidth(0.5).strokeColor(LINE).stroke();
    doc.font(FONT.regular).fontSize(8).fillColor(MUTED);
    doc.text(printable(footer), PAGE.margin, PAGE.height - 36, { width: CONTENT_WIDTH - 90, lineBreak: false, height: 12, ellipsis: true });
    const n = String(i - range.start + 1);
    doc.text(printable(p.t.page.replace('{n}', n).replace('{total}', String(total))), PAGE.width - PAGE.margin - 90, PAGE.height - 36, { width: 90, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
