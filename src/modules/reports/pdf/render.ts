import { FREE_TEXT_SECTIONS, type ReportSectionId } from '../../analytics/types.js';
import type { ReportData, ReportWorkspace } from '../report-data.js';
import { reportStrings } from '../i18n/index.js';
import { formats, periodName } from '../format.js';
import { cover } from './cover.js';
import { furnish, openDocument, paragraph, sectionTitle, subTitle, textOn, PAGE, type Page } from './page.js';
import * as draw from './sections.js';

type Drawer = (p: Page, w: ReportWorkspace) => void;

const DATA_SECTIONS: Partial<Record<ReportSectionId, Drawer>> = {
  objectives: draw.objectives,
  key_figures: draw.keyFigures,
  engagement_chart: draw.engagement,
  followers_chart: draw.followers,
  top_posts: draw.topPosts,
  best_times: draw.bestTimes,
  networks: draw.networks,
  community: draw.community,
  listening: draw.listening,
};

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

/**
 * The report as an A4 PDF: the cover, then each chosen section in the chosen order. A data section shows each
 * workspace in turn (under its name when the report covers several); a free-text section is written once.
 */
export async function renderReportPdf(data: ReportData, onStep: (step: 'charts' | 'pdf') => Promise<void> = async () => {}): Promise<RenderedPdf> {
  const t = reportStrings(data.locale);
  const doc = openDocument(data.title, data.locale);
  const p: Page = { doc, t, f: formats(data.locale), brand: data.brandColor, onBrand: textOn(data.brandColor), colon: data.locale === 'fr' ? '\u00a0: ' : ': ', charts: new Map() };
  await onStep('charts');
  p.charts = await draw.prepareCharts(p, data.workspaces, data.sections);
  await onStep('pdf');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const hasCover = data.sections.includes('cover');
  if (hasCover) cover(p, data);
  doc.addPage();
  const several = data.workspaces.length > 1;
  let first = true;
  for (const id of data.sections) {
    if (id === 'cover') continue;
    if (FREE_TEXT_SECTIONS.includes(id)) {
      const text = data.texts[id]?.trim();
      if (!text) continue;
      if (!first && (id === 'analysis' || id === 'recommendations') && doc.y > PAGE.height * 0.6) doc.addPage();
      sectionTitle(p, t.sections[id]);
      paragraph(p, text);
    } else {
      const drawer = DATA_SECTIONS[id];
      if (!drawer) continue;
      // Several workspaces put a name between the title and the chart.
      sectionTitle(p, t.sections[id], undefined, draw.sectionChartSpace(p, data.workspaces[0], id) + (several ? 30 : 0));
      for (const w of data.workspaces) {
        if (several) subTitle(p, w.name);
        drawer(p, w);
      }
    }
    first = false;
  }

  const tz = data.workspaces[0]?.timezone ?? 'UTC';
  const period = periodName(t, data.locale, data.period, data.periodStart, data.periodEnd, tz);
  furnish(p, data.workspaces.map((w) => w.name).join(' · '), `${data.title} · ${period}`, hasCover);
  const pages = doc.bufferedPageRange().count;
  doc.end();
  await ended;
  return { bytes: Buffer.concat(chunks), pages };
}
