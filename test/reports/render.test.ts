import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { renderReportPdf } from '../../src/modules/reports/pdf/render.js';
import { renderReportCsv } from '../../src/modules/reports/csv.js';
import { renderReportXlsx } from '../../src/modules/reports/xlsx.js';
import type { ReportData } from '../../src/modules/reports/report-data.js';
import { dashboard, post, reportData, workspace } from './fixtures.js';

async function pdfText(bytes: Buffer) {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText();
    return { total: result.total, pages: result.pages.map((p) => p.text) };
  } finally {
    await parser.destroy();
  }
}

/** Every content stream of the PDF, inflated: the drawing operators that charts leave behind. */
function drawing(bytes: Buffer): string {
  const out: string[] = [];
  const text = bytes.toString('latin1');
  const re = /stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      out.push(zlib.inflateSync(bytes.subarray(start, end)).toString('latin1'));
    } catch {
      // Fonts and images are not drawing.
    }
  }
  return out.join('\n');
}
const curves = (ops: string) => (ops.match(/ c\n/g) ?? []).length;

describe('the report as PDF', () => {
  it('has its cover, its sections in order, a post’s words and the charts, in English', async () => {
    const { bytes, pages } = await renderReportPdf(reportData('en'));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { total, pages: text } = await pdfText(bytes);
    expect(pages).toBe(7);
    expect(total).toBe(7);
    // The cover: title, period and brand, and nothing of the sections.
    expect(text[0]).toContain('March review');
    expect(text[0]).toContain('Brand A');
    expect(text[0]).toContain('Period: 1 March 2026 – 31 March 2026');
    expect(text[0]).not.toContain('Key figures');
    const all = text.join('\n');
    const order = ['Summary', 'Objectives', 'Key figures', 'Engagement per day', 'Top posts', 'Best times to publish', 'Networks', 'Community and moderation', 'Listening and sentiment', 'Analysis', 'Recommendations for next period'];
    const at = order.map((title) => all.indexOf(`${title}\n`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(all).toContain('Quiz du vendredi : quelle est la capitale de la Bretagne ?');
    expect(all).toContain('1,534');
    expect(all).toContain('+26.8% vs previous period');
    expect(text[6]).toContain('Page 7 of 7');
    // The charts are vector drawings with their axes written as text.
    const engagementPage = text.find((p) => p.includes('Engagement per day'))!;
    expect(engagementPage).toMatch(/1 Mar 5 Mar 9 Mar/);
    expect(all).toContain('Mean engagement');
    expect(all).toContain('Share of voice (%)');
    // Cards have rounded corners too, but the curves and marks of the charts are many more.
    expect(curves(drawing(bytes))).toBeGreaterThan(400);
  }, 60_000);

  it('writes French with its accents, spaces and numbers', async () => {
    const { bytes, pages } = await renderReportPdf(reportData('fr'));
    const { pages: text } = await pdfText(bytes);
    expect(pages).toBe(7);
    const all = text.join('\n');
    expect(text[0]).toContain('Bilan de mars');
    expect(text[0]).toContain('Mars 2026');
    for (const words of ['Chiffres clés', 'Recommandations', 'Les réponses sont plus rapides qu’en février.', 'Concurrent Ébène', 'Notre nouvelle collection printemps est arrivée !']) {
      expect(all).toContain(words);
    }
    expect(all).toMatch(/1[\s\u202f]534/);
    expect(all).toMatch(/1 mars 5 mars 9 mars/);
    expect(text[6]).toContain('Page 7 sur 7');
  }, 60_000);

  it('leaves out what was not chosen: no chart section, no chart drawn', async () => {
    const { bytes, pages } = await renderReportPdf(reportData('en', { sections: ['cover', 'summary', 'key_figures', 'top_posts'] }));
    const { pages: text } = await pdfText(bytes);
    expect(pages).toBe(3);
    const all = text.join('\n');
    expect(all).not.toContain('Engagement per day');
    expect(all).not.toContain('Mean engagement');
    expect(curves(drawing(bytes))).toBeLessThan(100);
  }, 60_000);

  it("gives a YouTube video's minutes watched beside its counts, in the report's language", async () => {
    const watch = { minutes: 7380, averageViewSeconds: 185, shares: 31, followersGained: 17, missing: null, missingWhy: null };
    const video = post('v1', 'Comment nous récoltons le miel', 134, { network: 'youtube', views: 2400, watch });
    const data = reportData('fr', { sections: ['cover', 'top_posts'], workspaces: [workspace('w1', 'Brand A', { dashboard: dashboard('w1', { topPosts: [video] }) })] });
    const { bytes } = await renderReportPdf(data);
    const all = (await pdfText(bytes)).pages.join('\n');
    expect(all).toMatch(/7\s380 minutes regardées\s+17 abonnés gagnés/);
    expect(all).toMatch(/2\s400 vues/);
  }, 60_000);

  it('shows each workspace of an agency report under its name', async () => {
    const data = reportData('en', { sections: ['key_figures'], workspaces: [workspace('w1', 'Brand A'), workspace('w2', 'Maison Été')] });
    const { bytes, pages } = await renderReportPdf(data);
    const all = (await pdfText(bytes)).pages.join('\n');
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(all.indexOf('Brand A\n')).toBeGreaterThan(-1);
    expect(all.indexOf('Maison Été\n')).toBeGreaterThan(all.indexOf('Brand A\n'));
  }, 60_000);
});

const hostile = (): ReportData => reportData('en', {
  workspaces: [workspace('w1', 'Brand A', {
    posts: [
      post('p1', '=HYPERLINK("http://evil.example","click")', 12),
      post('p2', '+1+2', 5, { publishedAt: '2026-03-31T21:30:00.000Z' }),
      post('p3', '@SUM(A1:A9), "quoted"', 3),
      post('p4', '-2 people, plain', 2),
    ],
  })],
});

describe('the report’s spreadsheets', () => {
  it('CSV: every table line parses, and no cell starts a formula', () => {
    const csv = renderReportCsv(hostile()).toString('utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const lines = csv.replace(/^\ufeff/, '').split('\r\n');
    const evil = lines.find((l) => l.includes('evil.example'))!;
    expect(evil).toContain(',"\'=HYPERLINK(""http://evil.example"",""click"")",');
    expect(lines.find((l) => l.includes('+1+2'))).toContain(',\'+1+2,');
    expect(lines.find((l) => l.includes('@SUM'))).toContain(',"\'@SUM(A1:A9), ""quoted""",');
    expect(lines.find((l) => l.includes('2 people'))).toContain(',"\'-2 people, plain",');
    // No cell anywhere opens with a formula character.
    for (const line of lines) expect(line).not.toMatch(/(^|,)[=+@]/);
    // Days and times are plain ISO, numbers plain.
    expect(lines.find((l) => l.includes('+1+2'))).toMatch(/^Brand A,2026-03-31 23:30,bluesky,/);
  });

  it('CSV in French: semicolons and decimal commas', () => {
    const csv = renderReportCsv({ ...hostile(), locale: 'fr' }).toString('utf8');
    const line = csv.split('\r\n').find((l) => l.includes('+1+2'))!;
    expect(line.split(';')[0]).toBe('Brand A');
    expect(line).toContain(';\'+1+2;');
    // A Bluesky post: no viewing figures, left empty rather than 0.
    expect(line).toMatch(/;0,42;;;;$/);
  });

  it("CSV: a YouTube video's minutes watched, average view, shares and subscribers gained; empty where YouTube gave none", () => {
    const watch = { minutes: 90, averageViewSeconds: 180, shares: 4, followersGained: 2, missing: null, missingWhy: null };
    const data = reportData('fr', {
      workspaces: [workspace('w1', 'Brand A', {
        posts: [
          post('v1', 'Vue longtemps', 6, { network: 'youtube', watch }),
          post('v2', 'Sans permission', 2, { network: 'youtube', watch: { ...watch, minutes: null, averageViewSeconds: null, shares: null, followersGained: null, missing: 'insufficient scopes', missingWhy: 'permission' } }),
        ],
      })],
    });
    const lines = renderReportCsv(data).toString('utf8').split('\r\n');
    expect(lines.find((l) => l.startsWith('Espace') && l.includes('Minutes regardées'))).toMatch(/;Minutes regardées;Durée moyenne de visionnage \(secondes\);Partages;Abonnés gagnés$/);
    expect(lines.find((l) => l.includes('Vue longtemps'))).toMatch(/;90;180;4;2$/);
    expect(lines.find((l) => l.includes('Sans permission'))).toMatch(/;;;;$/);
  });

  it('XLSX: a sheet per table, numbers as numbers, dates as dates, percents as fractions', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderReportXlsx(hostile())) as unknown as ArrayBuffer);
    const names = book.worksheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Key figures', 'Daily series', 'Posts', 'Networks', 'Objectives', 'Share of voice']));

    const posts = book.getWorksheet('Posts')!;
    const header = (posts.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    const row = posts.getRow(3);
    expect(row.getCell(col('Text')).value).toBe('+1+2');
    expect(row.getCell(col('Likes')).value).toBe(3);
    expect(typeof row.getCell(col('Engagement')).value).toBe('number');
    // 21:30 UTC on 31 March is 23:30 in Paris: the sheet holds the wall time.
    const published = row.getCell(col('Published')).value;
    expect(published).toBeInstanceOf(Date);
    expect((published as Date).toISOString()).toBe('2026-03-31T23:30:00.000Z');
    const rate = row.getCell(col('Engagement rate (followers)'));
    expect(rate.value).toBeCloseTo(5 / 1200, 6);
    expect(rate.numFmt).toBe('0.0%');

    const daily = book.getWorksheet('Daily series')!;
    expect(daily.getRow(2).getCell(2).value).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(daily.rowCount).toBe(1 + dashboard('w1').series.length);
  });
});
