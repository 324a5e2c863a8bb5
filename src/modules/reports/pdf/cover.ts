import type { ReportData } from '../report-data.js';
import { periodName } from '../format.js';
import { PAGE, CONTENT_WIDTH, INK, MUTED, tint, type Page } from './page.js';
import { FONT, printable } from './text.js';

/** The cover: the brand's colour over the upper part, its logo, the title, the period and the workspace names. */
export function cover(p: Page, data: ReportData): void {
  const { doc, t } = p;
  doc.addPage();
  doc.page.margins.bottom = 0;
  const band = PAGE.height * 0.56;
  doc.rect(0, 0, PAGE.width, band).fill(p.brand);
  doc.rect(0, band, PAGE.width, 8).fill(tint(p.brand, 0.55));
  const first = data.workspaces[0];
  const tz = first?.timezone ?? 'UTC';
  let y = 70;
  const logos = data.workspaces.filter((w) => w.logo).slice(0, 4);
  logos.forEach((w, i) => {
    const x = PAGE.margin + i * 100;
    doc.roundedRect(x, y, 84, 84, 10).fill('#ffffff');
    try {
      doc.image(Buffer.from(w.logo!), x + 8, y + 8, { fit: [68, 68], align: 'center', valign: 'center' });
    } catch {
      // A logo pdfkit cannot read leaves its white frame empty rather than fail the report.
    }
  });
  y = band - 250;
  const kind = data.period === 'month' ? t.periodMonth : data.period === 'quarter' ? t.periodQuarter : t.periodCustom;
  doc.font(FONT.bold).fontSize(11).fillColor(p.onBrand).text(printable(kind).toUpperCase(), PAGE.margin, y, { width: CONTENT_WIDTH, characterSpacing: 1.5 });
  doc.font(FONT.bold).fontSize(32).fillColor(p.onBrand).text(printable(data.title), PAGE.margin, doc.y + 10, { width: CONTENT_WIDTH, height: 120, ellipsis: true, lineGap: -2 });
  doc.font(FONT.regular).fontSize(16).fillColor(p.onBrand).text(printable(periodName(t, data.locale, data.period, data.periodStart, data.periodEnd, tz)), PAGE.margin, doc.y + 12, { width: CONTENT_WIDTH });
  y = band + 50;
  doc.font(FONT.bold).fontSize(18).fillColor(INK).text(printable(data.workspaces.map((w) => w.name).join(' · ')), PAGE.margin, y, { width: CONTENT_WIDTH, height: 70, ellipsis: true });
  doc.font(FONT.regular).fontSize(10).fillColor(MUTED).text(printable(`${t.period}${p.colon}${p.f.periodLabel(data.periodStart, data.periodEnd, tz)}`), PAGE.margin, doc.y + 10, { width: CONTENT_WIDTH });
  doc.text(printable(t.generatedOn.replace('{date}', p.f.date(data.generatedAt, tz))), PAGE.margin, doc.y + 4, { width: CONTENT_WIDTH });
  doc.rect(PAGE.margin, PAGE.height - 80, 60, 3).fill(p.brand);
  doc.font(FONT.regular).fontSize(8).fillColor(MUTED).text('Ruche', PAGE.margin, PAGE.height - 68, { lineBreak: false });
  doc.page.margins.bottom = PAGE.bottom;
}
