import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Breakdown, DaySeriesPoint, HeatCell, ListeningFigures } from '../../analytics/types.js';
import type { ReportStrings } from '../i18n/index.js';
import type { Formats } from '../format.js';
import { printable } from './text.js';

/**
 * The report's charts as SVG: vega-lite specs compiled to vega and rendered without a browser or a canvas
 * (renderer 'none' + toSVG), then drawn into the PDF as vectors. Labels that come from users or networks go
 * through `printable` first, like every other text of the report.
 */

const GREY = '#9aa3ad';
const SENTIMENT = { positive: '#2f9e6b', neutral: '#b8c0c8', negative: '#d6455d' };

const config = {
  font: 'Inter',
  view: { stroke: null },
  axis: { labelFontSize: 9, titleFontSize: 9, titleFontWeight: 'bold' as const, labelColor: '#4a5561', titleColor: '#4a5561', gridColor: '#e6e9ed', domainColor: '#c9cfd6', tickColor: '#c9cfd6' },
  legend: { labelFontSize: 9, titleFontSize: 9, orient: 'bottom' as const, labelColor: '#4a5561', titleColor: '#4a5561' },
  background: 'white',
};

async function toSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compile({ ...spec, config: { ...config, ...(spec.config ?? {}) } } as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Every n-th label, so that a quarter's 92 days do not overlap on the axis. */
function sparse<T>(items: T[], most: number): T[] {
  const step = Math.max(1, Math.ceil(items.length / most));
  return items.filter((_, i) => i % step === 0);
}

export interface ChartContext {
  t: ReportStrings;
  f: Formats;
  brandColor: string;
  width: number;
}

/** This period's engagement per day over the comparison period's, aligned day by day. */
export function engagementChart(c: ChartContext, series: DaySeriesPoint[], comparison: DaySeriesPoint[]): Promise<string> {
  const labels = series.map((p) => c.f.day(p.day));
  const values = [
    ...series.map((p, i) => ({ i, day: labels[i], engagement: p.engagement, serie: c.t.charts.thisPeriod })),
    ...comparison.slice(0, series.length).map((p, i) => ({ i, day: labels[i], engagement: p.engagement, serie: c.t.charts.previousPeriod })),
  ];
  const domain = [c.t.charts.thisPeriod, c.t.charts.previousPeriod];
  const line = (serie: string, dash: number[] | undefined) => ({
    transform: [{ filter: { field: 'serie', equal: serie } }],
    mark: { type: 'line', strokeWidth: serie === domain[0] ? 2.2 : 1.5, interpolate: 'monotone', ...(dash ? { strokeDash: dash } : {}) },
  });
  // The previous period is drawn first, dashed and grey, so this period's line stays on top.
  return toSvg({
    width: c.width, height: 170, data: { values },
    encoding: {
      x: { field: 'day', type: 'ordinal', sort: labels, title: c.t.charts.day, axis: { values: sparse(labels, 10), labelAngle: 0 } },
      y: { field: 'engagement', type: 'quantitative', title: c.t.charts.engagement },
      color: { field: 'serie', type: 'nominal', title: null, scale: { domain, range: [c.brandColor, GREY] } },
    },
    layer: [line(domain[1], [4, 3]), line(domain[0], undefined)],
  } as TopLevelSpec);
}

export function followersChart(c: ChartContext, series: DaySeriesPoint[]): Promise<string> {
  const points = series.filter((p) => p.followers !== null);
  const labels = points.map((p) => c.f.day(p.day));
  return toSvg({
    width: c.width, height: 150, data: { values: points.map((p, i) => ({ day: labels[i], followers: p.followers })) },
    mark: { type: 'area', line: { color: c.brandColor, strokeWidth: 2 }, color: { x1: 1, y1: 1, x2: 1, y2: 0, gradient: 'linear', stops: [{ offset: 0, color: 'white' }, { offset: 1, color: c.brandColor }] }, opacity: 0.5 },
    encoding: {
      x: { field: 'day', type: 'ordinal', sort: labels, title: c.t.charts.day, axis: { values: sparse(labels, 10), labelAngle: 0 } },
      y: { field: 'followers', type: 'quantitative', title: c.t.charts.followers, scale: { zero: false } },
    },
  } as TopLevelSpec);
}

export function networksChart(c: ChartContext, rows: Breakdown[]): Promise<string> {
  const values = rows.map((r) => ({ network: printable(r.label) || r.key, engagement: r.engagement, posts: r.posts }));
  return toSvg({
    width: c.width - 80, height: Math.max(40, values.length * 26), data: { values },
    layer: [
      { mark: { type: 'bar', color: c.brandColor, cornerRadiusEnd: 3, height: 16 } },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 9, color: '#333' }, encoding: { text: { field: 'engagement', type: 'quantitative', format: ',d' } } },
    ],
    encoding: {
      y: { field: 'network', type: 'nominal', title: c.t.charts.network, sort: '-x' },
      x: { field: 'engagement', type: 'quantitative', title: c.t.charts.engagement },
    },
  } as TopLevelSpec);
}

export function bestTimesChart(c: ChartContext, cells: HeatCell[]): Promise<string> {
  const values = cells.map((h) => ({ hour: h.hour, weekday: c.t.weekdays[h.weekday] ?? String(h.weekday), engagement: h.meanEngagement, posts: h.posts }));
  return toSvg({
    width: c.width - 40, height: 150, data: { values },
    mark: { type: 'rect', cornerRadius: 2, stroke: 'white', strokeWidth: 1 },
    encoding: {
      x: { field: 'hour', type: 'ordinal', title: c.t.charts.hour, scale: { domain: Array.from({ length: 24 }, (_, i) => i) }, axis: { labelAngle: 0 } },
      y: { field: 'weekday', type: 'ordinal', title: c.t.charts.weekday, sort: c.t.weekdays, scale: { domain: c.t.weekdays } },
      color: { field: 'engagement', type: 'quantitative', title: c.t.charts.meanEngagement, scale: { range: ['#f4f6f8', c.brandColor] }, legend: { orient: 'bottom', direction: 'horizontal', gradientLength: 180 } },
    },
  } as TopLevelSpec);
}

export function sentimentChart(c: ChartContext, days: ListeningFigures['sentimentByDay']): Promise<string> {
  const labels = days.map((d) => c.f.day(d.day));
  const values = days.flatMap((d, i) => [
    { day: labels[i], sentiment: c.t.charts.positive, mentions: d.positive },
    { day: labels[i], sentiment: c.t.charts.neutral, mentions: d.neutral },
    { day: labels[i], sentiment: c.t.charts.negative, mentions: d.negative },
  ]);
  const domain = [c.t.charts.positive, c.t.charts.neutral, c.t.charts.negative];
  return toSvg({
    width: c.width, height: 140, data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'day', type: 'ordinal', sort: labels, title: c.t.charts.day, axis: { values: sparse(labels, 10), labelAngle: 0 } },
      y: { field: 'mentions', type: 'quantitative', title: c.t.charts.mentions, stack: 'zero' },
      color: { field: 'sentiment', type: 'nominal', title: null, scale: { domain, range: [SENTIMENT.positive, SENTIMENT.neutral, SENTIMENT.negative] } },
      order: { field: 'sentiment', sort: 'ascending' },
    },
  } as TopLevelSpec);
}

const HEX = /^#[0-9a-f]{6}$/i;

export function shareOfVoiceChart(c: ChartContext, rows: ListeningFigures['shareOfVoice']): Promise<string> {
  const values = rows.map((r) => ({ topic: printable(r.name) || '?', share: Math.round(r.share * 10) / 10, color: HEX.test(r.color) ? r.color : GREY }));
  return toSvg({
    width: c.width - 100, height: Math.max(40, values.length * 24), data: { values },
    layer: [
      { mark: { type: 'bar', cornerRadiusEnd: 3, height: 14 }, encoding: { color: { field: 'color', type: 'nominal', scale: null, legend: null } } },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 9, color: '#333' }, encoding: { text: { field: 'share', type: 'quantitative' } } },
    ],
    encoding: {
      y: { field: 'topic', type: 'nominal', title: c.t.charts.topic, sort: '-x' },
      x: { field: 'share', type: 'quantitative', title: c.t.charts.share, scale: { domain: [0, 100] } },
    },
  } as TopLevelSpec);
}
