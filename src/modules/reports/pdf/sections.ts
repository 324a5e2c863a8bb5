import type { Dashboard, PostPerformance } from '../../analytics/types.js';
import type { ReportObjective, ReportWorkspace } from '../report-data.js';
import { cards, type Card } from './cards.js';
import { bestTimesChart, engagementChart, followersChart, networksChart, sentimentChart, shareOfVoiceChart, type ChartContext } from './charts.js';
import { BAD, CARD, CONTENT_WIDTH, GOOD, INK, LINE, MUTED, PAGE, chart, chartHeight, ensureSpace, note, subTitle, tint, type Page } from './page.js';
import { FONT, oneLine, printable } from './text.js';

/** What each data section draws for one workspace. */

const chartContext = (p: Page): ChartContext => ({ t: p.t, f: p.f, brandColor: p.brand, width: CONTENT_WIDTH - 70 });

export type ChartKind = 'engagement' | 'followers' | 'bestTimes' | 'networks' | 'shareOfVoice' | 'sentiment';
export type Charts = Map<string, string>;
const chartKey = (w: ReportWorkspace, kind: ChartKind) => `${w.workspaceId}:${kind}`;

/** Every chart the chosen sections need, rendered before the pages are laid out (a step of its own). */
export async function prepareCharts(p: Page, workspaces: ReportWorkspace[], sections: string[]): Promise<Charts> {
  const c = chartContext(p);
  const charts: Charts = new Map();
  const wants = (s: string) => sections.includes(s);
  for (const w of workspaces) {
    const d = w.dashboard;
    const make: [ChartKind, boolean, () => Promise<string>][] = [
      ['engagement', wants('engagement_chart') && d.series.length > 0, () => engagementChart(c, d.series, d.comparisonSeries)],
      ['followers', wants('followers_chart') && d.series.some((x) => x.followers !== null), () => followersChart(c, d.series)],
      ['bestTimes', wants('best_times') && d.bestTimes.length > 0, () => bestTimesChart(c, d.bestTimes)],
      ['networks', wants('networks') && d.byNetwork.length > 0, () => networksChart(c, d.byNetwork)],
      ['shareOfVoice', wants('listening') && d.listening.shareOfVoice.length > 0, () => shareOfVoiceChart(c, d.listening.shareOfVoice)],
      ['sentiment', wants('listening') && d.listening.sentimentByDay.length > 0, () => sentimentChart(c, d.listening.sentimentByDay)],
    ];
    for (const [kind, needed, render] of make) if (needed) charts.set(chartKey(w, kind), await render());
  }
  return charts;
}

const SECTION_CHART: Partial<Record<string, ChartKind>> = {
  engagement_chart: 'engagement', followers_chart: 'followers', best_times: 'bestTimes', networks: 'networks', listening: 'shareOfVoice',
};

/** The room a section's first chart takes, so that its title never stands alone at the foot of a page. */
export function sectionChartSpace(p: Page, w: ReportWorkspace | undefined, section: string): number {
  const kind = SECTION_CHART[section];
  const svg = w && kind ? p.charts.get(chartKey(w, kind)) : undefined;
  return svg ? chartHeight(svg) + 30 : 0;
}

function drawChart(p: Page, w: ReportWorkspace, kind: ChartKind): boolean {
  const svg = p.charts.get(chartKey(w, kind));
  if (!svg) return false;
  chart(p, svg);
  return true;
}

const yearChange = (w: ReportWorkspace, pick: (d: Dashboard) => { changePct: number | null }): number | null | undefined =>
  w.yearOverYear ? pick(w.yearOverYear).changePct : undefined;

export function keyFigures(p: Page, w: ReportWorkspace): void {
  const d = w.dashboard.publishing;
  const card = (key: keyof typeof d, kind: Card['kind'] = 'count'): Card => ({ label: p.t.figures[d[key].formula] ?? String(key), figure: d[key], kind, yearBefore: yearChange(w, (x) => x.publishing[key]) });
  const list: Card[] = [
    card('engagement'), card('engagementRateFollowers', 'percent'), card('posts'),
    card('followers'), card('followerGrowth'), card('followerGrowthPct', 'percent'),
    card('likes'), card('reposts'), card('replies'),
  ];
  if (d.views.value) list.push(card('views'), card('engagementRateViews', 'percent'));
  cards(p, list);
}

function objectiveValue(p: Page, o: ReportObjective, v: number | null): string {
  if (o.relative) return p.f.signedPercent(v);
  if (['engagement_rate', 'response_rate', 'share_of_voice', 'positive_share'].includes(o.metric)) return p.f.percent(v);
  if (o.metric === 'first_response_minutes') return v === null ? p.f.number(null) : p.t.community.minutes.replace('{value}', p.f.number(v));
  return p.f.number(v);
}

/** How far along the bar is: the share of the target reached (for "at most", full while under it). */
function reached(o: ReportObjective): number {
  const v = o.progress.current;
  if (v === null) return 0;
  if (o.comparison === 'at_most') return v <= o.target ? 1 : o.target <= 0 ? 0 : Math.max(0, Math.min(1, o.target / v));
  if (o.target === 0) return v >= 0 ? 1 : 0;
  return Math.max(0, Math.min(1, v / o.target));
}

const STATUS_COLOR: Record<string, string> = { met: GOOD, on_track: GOOD, behind: BAD, missed: BAD, pending: MUTED };

export function objectives(p: Page, w: ReportWorkspace): void {
  const { doc, t } = p;
  if (w.objectives.length === 0) return note(p, t.objectives.none);
  const methods = new Set<string>();
  for (const o of w.objectives) {
    ensureSpace(p, 58);
    const y = doc.y;
    doc.roundedRect(PAGE.margin, y, CONTENT_WIDTH, 50, 5).fill(CARD);
    doc.font(FONT.bold).fontSize(10).fillColor(INK).text(oneLine(o.name), PAGE.margin + 12, y + 9, { width: 250, lineBreak: false, ellipsis: true, height: 13 });
    const goal = o.relative ? t.objectives.relative.replace('{value}', objectiveValue(p, o, o.target)) : (o.comparison === 'at_most' ? t.objectives.atMost : t.objectives.atLeast).replace('{value}', objectiveValue(p, o, o.target));
    doc.font(FONT.regular).fontSize(8).fillColor(MUTED).text(printable(`${t.objectives.target}${p.colon}${goal}${o.network ? ` · ${o.network}` : ''}`), PAGE.margin + 12, y + 24, { width: 250, lineBreak: false, ellipsis: true, height: 10 });
    const barX = PAGE.margin + 12;
    const barW = 250;
    doc.roundedRect(barX, y + 37, barW, 5, 2.5).fill(LINE);
    const share = reached(o);
    if (share > 0) doc.roundedRect(barX, y + 37, Math.max(5, barW * share), 5, 2.5).fill(STATUS_COLOR[o.progress.status] === BAD ? BAD : p.brand);
    const col = PAGE.margin + 285;
    doc.font(FONT.regular).fontSize(7.5).fillColor(MUTED).text(printable(t.objectives.current.toUpperCase()), col, y + 9, { lineBreak: false });
    doc.font(FONT.bold).fontSize(12).fillColor(INK).text(printable(objectiveValue(p, o, o.progress.current)), col, y + 20, { lineBreak: false, width: 80, height: 16 });
    doc.font(FONT.regular).fontSize(7.5).fillColor(MUTED).text(printable(t.objectives.forecast.toUpperCase()), col + 75, y + 9, { lineBreak: false });
    doc.font(FONT.bold).fontSize(12).fillColor(INK).text(printable(objectiveValue(p, o, o.progress.forecast)), col + 75, y + 20, { lineBreak: false, width: 70, height: 16 });
    methods.add(o.progress.forecastMethod);
    const status = printable(t.objectives.status[o.progress.status] ?? o.progress.status);
    doc.font(FONT.bold).fontSize(8);
    const sw = doc.widthOfString(status) + 14;
    const color = STATUS_COLOR[o.progress.status] ?? MUTED;
    doc.roundedRect(PAGE.margin + CONTENT_WIDTH - sw - 10, y + 17, sw, 16, 8).fill(tint(color, 0.82));
    doc.fillColor(color).text(status, PAGE.margin + CONTENT_WIDTH - sw - 3, y + 21, { lineBreak: false });
    doc.x = PAGE.margin;
    doc.y = y + 58;
  }
  for (const m of methods) if (t.objectives.forecastMethod[m]) note(p, t.objectives.forecastMethod[m]);
}

export function engagement(p: Page, w: ReportWorkspace): void {
  if (!drawChart(p, w, 'engagement')) return note(p, p.t.noData);
  note(p, p.t.formulas.engagement);
}

export function followers(p: Page, w: ReportWorkspace): void {
  if (!drawChart(p, w, 'followers')) note(p, p.t.noData);
}

function postRow(p: Page, post: PostPerformance, image: Uint8Array | undefined, rank: number, timeZone: string): void {
  const { doc, t, f } = p;
  const height = 92;
  ensureSpace(p, height + 8);
  const y = doc.y;
  doc.roundedRect(PAGE.margin, y, CONTENT_WIDTH, height, 6).lineWidth(0.7).strokeColor(LINE).stroke();
  const imgX = PAGE.margin + 10;
  let drawn = false;
  if (image) {
    try {
      doc.save();
      doc.roundedRect(imgX, y + 10, 72, 72, 5).clip();
      doc.image(Buffer.from(image), imgX, y + 10, { cover: [72, 72], align: 'center', valign: 'center' });
      doc.restore();
      drawn = true;
    } catch {
      doc.restore();
    }
  }
  if (!drawn) {
    doc.roundedRect(imgX, y + 10, 72, 72, 5).fill(tint(p.brand, 0.85));
    doc.font(FONT.bold).fontSize(22).fillColor(p.brand).text(`#${rank}`, imgX, y + 34, { width: 72, align: 'center', lineBreak: false });
  }
  const x = imgX + 84;
  const width = CONTENT_WIDTH - 104;
  const meta = `@${oneLine(post.handle)} · ${oneLine(post.network)} · ${t.posts.published.replace('{date}', f.date(Date.parse(post.publishedAt), timeZone))}`;
  doc.font(FONT.regular).fontSize(8).fillColor(MUTED).text(meta, x, y + 10, { width, lineBreak: false, ellipsis: true, height: 10 });
  doc.font(FONT.regular).fontSize(9.5).fillColor(INK).text(oneLine(post.text).slice(0, 400), x, y + 24, { width, height: 38, ellipsis: true, lineGap: 1 });
  const figures: [string, string][] = [
    [f.number(post.likes), t.posts.likes], [f.number(post.reposts), t.posts.reposts], [f.number(post.replies), t.posts.replies],
  ];
  if (post.views !== null) figures.push([f.number(post.views), t.posts.views]);
  if (post.engagementRate !== null) figures.push([f.percent(post.engagementRate), t.posts.engagementRate]);
  // A video's viewing figures where its network measures them (YouTube), on a line of their own under the counts.
  const watch = post.watch;
  const viewing: [string, string][] = [];
  if (watch?.minutes != null) viewing.push([f.number(watch.minutes), t.posts.watchMinutes]);
  if (watch?.followersGained != null) viewing.push([f.number(watch.followersGained), t.posts.followersGained]);
  const line = (items: [string, string][], at: number) => {
    doc.fontSize(8.5).text('', x, at, { lineBreak: false, continued: true });
    items.forEach(([v, label], i) => {
      doc.font(FONT.bold).fillColor(p.brand).text(printable(v), { continued: true, lineBreak: false });
      doc.font(FONT.regular).fillColor(MUTED).text(printable(` ${label}${i < items.length - 1 ? '   ' : ''}`), { continued: i < items.length - 1, lineBreak: false });
    });
  };
  line(figures, viewing.length ? y + 64 : y + 68);
  if (viewing.length) line(viewing, y + 77);
  doc.x = PAGE.margin;
  doc.y = y + height + 8;
}

export function topPosts(p: Page, w: ReportWorkspace): void {
  const posts = w.dashboard.topPosts.slice(0, 5);
  if (posts.length === 0) return note(p, p.t.posts.none);
  note(p, p.t.posts.rule);
  posts.forEach((post, i) => postRow(p, post, w.images.get(post.id), i + 1, w.timezone));
}

export function bestTimes(p: Page, w: ReportWorkspace): void {
  note(p, p.t.bestTimes.explain.replace('{timezone}', w.timezone));
  if (!drawChart(p, w, 'bestTimes')) note(p, p.t.noData);
}

export function networks(p: Page, w: ReportWorkspace): void {
  note(p, p.t.networks.explain);
  if (!drawChart(p, w, 'networks')) note(p, p.t.noData);
}

export function community(p: Page, w: ReportWorkspace): void {
  const i = w.dashboard.inbox;
  note(p, p.t.community.explain);
  const card = (key: keyof typeof i, kind: Card['kind'] = 'count', lowerIsBetter = false): Card => ({ label: p.t.figures[i[key].formula] ?? String(key), figure: i[key], kind, lowerIsBetter });
  cards(p, [card('volume'), card('responseRate', 'percent'), card('firstResponseMinutes', 'minutes', true), card('moderationActions'), card('complaints', 'count', true), card('negativeShare', 'percent', true)]);
}

export function listening(p: Page, w: ReportWorkspace): void {
  const l = w.dashboard.listening;
  note(p, p.t.listening.explain);
  const card = (key: 'volume' | 'positiveShare' | 'negativeShare', kind: Card['kind'] = 'count', lowerIsBetter = false): Card => ({ label: p.t.figures[l[key].formula] ?? key, figure: l[key], kind, lowerIsBetter });
  cards(p, [card('volume'), card('positiveShare', 'percent'), card('negativeShare', 'percent', true)]);
  if (l.shareOfVoice.length > 0) {
    subTitle(p, p.t.figures.shareOfVoice, 60 + l.shareOfVoice.length * 24);
    drawChart(p, w, 'shareOfVoice');
    note(p, p.t.formulas.shareOfVoice);
  }
  if (l.sentimentByDay.length > 0) {
    subTitle(p, p.t.charts.sentiment, 200);
    drawChart(p, w, 'sentiment');
  }
}
