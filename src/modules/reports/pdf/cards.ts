import type { Figure } from '../../analytics/types.js';
import { BAD, CARD, CONTENT_WIDTH, GOOD, INK, MUTED, PAGE, ensureSpace, type Page } from './page.js';
import { FONT, printable } from './text.js';

export interface Card {
  label: string;
  figure: Figure;
  /** How the value reads: a count, a percent, minutes. */
  kind: 'count' | 'percent' | 'minutes';
  /** Change against the same period a year before, when known. */
  yearBefore?: number | null;
  /** True when a fall is good news (time to first response, negative share). */
  lowerIsBetter?: boolean;
}

const GAP = 10;

function value(p: Page, card: Card, v = card.figure.value): string {
  if (card.kind === 'percent') return p.f.percent(v);
  if (card.kind === 'minutes') return v === null ? p.f.number(null) : p.t.community.minutes.replace('{value}', p.f.number(v));
  return p.f.number(v);
}

function arrow(doc: PDFKit.PDFDocument, x: number, y: number, up: boolean, color: string): void {
  if (up) doc.polygon([x, y + 7], [x + 4, y + 1], [x + 8, y + 7]);
  else doc.polygon([x, y + 1], [x + 4, y + 7], [x + 8, y + 1]);
  doc.fill(color);
}

/** Key figures as cards, three to a row: label, value, change with an arrow, the year before, and the formula. */
export function cards(p: Page, items: Card[], columns = 3): void {
  const { doc } = p;
  const width = (CONTENT_WIDTH - GAP * (columns - 1)) / columns;
  const height = 104;
  for (let row = 0; row < items.length; row += columns) {
    ensureSpace(p, height + GAP);
    const y = doc.y;
    items.slice(row, row + columns).forEach((card, i) => {
      const x = PAGE.margin + i * (width + GAP);
      doc.roundedRect(x, y, width, height, 6).fill(CARD);
      doc.rect(x, y + 10, 3, 20).fill(p.brand);
      doc.font(FONT.bold).fontSize(8).fillColor(MUTED).text(printable(card.label).toUpperCase(), x + 12, y + 10, { width: width - 20, lineBreak: false, ellipsis: true, height: 10 });
      doc.font(FONT.bold).fontSize(20).fillColor(INK).text(printable(value(p, card)), x + 12, y + 24, { width: width - 20, lineBreak: false, height: 24 });
      const change = card.figure.changePct;
      let cy = y + 52;
      doc.font(FONT.regular).fontSize(8);
      if (change !== null && Number.isFinite(change)) {
        const good = card.lowerIsBetter ? change < 0 : change > 0;
        const color = change === 0 ? MUTED : good ? GOOD : BAD;
        if (change !== 0) arrow(doc, x + 12, cy, change > 0, color);
        doc.font(FONT.bold).fillColor(color).text(printable(p.f.signedPercent(change)), x + 24, cy, { continued: true, lineBreak: false });
        doc.font(FONT.regular).fillColor(MUTED).text(printable(` ${p.t.vsPrevious}`), { lineBreak: false });
      } else {
        // No change to compute (nothing before, or nothing at all): the previous period's value says why.
        doc.fillColor(MUTED).text(printable(p.t.previousWas.replace('{value}', value(p, card, card.figure.previous))), x + 12, cy, { lineBreak: false, width: width - 20, height: 10, ellipsis: true });
      }
      cy += 12;
      if (card.yearBefore !== undefined) {
        doc.font(FONT.regular).fontSize(8).fillColor(MUTED).text(printable(p.t.vsYearBefore.replace('{change}', p.f.signedPercent(card.yearBefore))), x + 12, cy, { lineBreak: false, width: width - 20, height: 10, ellipsis: true });
      }
      const formula = p.t.formulas[card.figure.formula];
      if (formula) doc.font(FONT.regular).fontSize(6.5).fillColor(MUTED).text(printable(formula), x + 12, y + 80, { width: width - 20, height: 20, ellipsis: true });
    });
    doc.x = PAGE.margin;
    doc.y = y + height + GAP;
  }
}
