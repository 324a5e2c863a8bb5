import type { Breakdown, Figure, PostPerformance } from '../analytics/types.js';
import type { ReportData, ReportWorkspace } from './report-data.js';
import type { ReportStrings } from './i18n/index.js';

/**
 * The report's underlying tables, once, for both spreadsheet formats. A cell is a number, a date (a local wall
 * time: spreadsheets have no time zones), a percent (a number shown with %), text, or empty.
 */
export type Cell = number | string | null | { date: Date; time: boolean } | { percent: number };

export interface Table {
  key: string;
  title: string;
  columns: string[];
  rows: Cell[][];
}

const pct = (v: number | null): Cell => (v === null ? null : { percent: v });

/** A moment as the wall time it was in the workspace's zone, held in a UTC Date. */
export function wallTime(ms: number, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(ms);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return new Date(Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')));
}

const day = (iso: string): Cell => ({ date: new Date(`${iso}T00:00:00Z`), time: false });

/** Every post of the period when gathered, else the top and flop posts the dashboard holds. */
export function postsOf(w: ReportWorkspace): PostPerformance[] {
  if (w.posts) return w.posts;
  const seen = new Map<string, PostPerformance>();
  for (const p of [...w.dashboard.topPosts, ...w.dashboard.flopPosts]) seen.set(p.id, p);
  return [...seen.values()];
}

export function reportTables(data: ReportData, t: ReportStrings): Table[] {
  const s = t.sheets;
  const each = <T>(pick: (w: ReportWorkspace) => T[], row: (w: ReportWorkspace, item: T) => Cell[]) => data.workspaces.flatMap((w) => pick(w).map((item) => row(w, item)));
  const figureRows = (w: ReportWorkspace, figures: Record<string, Figure>, percents: string[]) =>
    Object.entries(figures).map(([key, f]): Cell[] => {
      const asPct = percents.includes(key);
      return [w.name, t.figures[f.formula] ?? key, asPct ? pct(f.value) : f.value, asPct ? pct(f.previous) : f.previous, pct(f.changePct), t.formulas[f.formula] ?? ''];
    });
  const figureColumns = [s.workspace, s.figure, s.value, s.previous, s.change, s.formula];
  const breakdown = (key: string, title: string, pick: (w: ReportWorkspace) => Breakdown[]): Table => ({
    key, title, columns: [s.workspace, s.key, s.label, t.charts.posts, t.charts.engagement, t.figures.engagementRateFollowers],
    rows: each(pick, (w, b) => [w.name, b.key, b.label, b.posts, b.engagement, pct(b.engagementRateFollowers)]),
  });
  return [
    { key: 'key_figures', title: t.sections.key_figures, columns: figureColumns, rows: data.workspaces.flatMap((w) => figureRows(w, { ...w.dashboard.publishing }, ['engagementRateFollowers', 'engagementRateViews', 'followerGrowthPct'])) },
    {
      key: 'daily', title: s.daily,
      columns: [s.workspace, s.date, t.figures.engagement, t.figures.likes, t.figures.reposts, t.figures.replies, t.figures.quotes, t.figures.views, t.figures.posts, t.figures.followers],
      rows: each((w) => w.dashboard.series, (w, d) => [w.name, day(d.day), d.engagement, d.likes, d.reposts, d.replies, d.quotes, d.views, d.posts, d.followers]),
    },
    {
      key: 'posts', title: s.posts,
      // Viewing figures are empty where the network does not give them (all but YouTube) or could not be read.
      columns: [s.workspace, s.publishedAt, s.network, s.account, s.text, s.url, t.figures.likes, t.figures.reposts, t.figures.replies, t.figures.quotes, t.figures.views, t.figures.engagement, t.figures.engagementRateFollowers,
        s.watchMinutes, s.averageViewSeconds, s.shares, s.followersGained],
      rows: each(postsOf, (w, p) => [w.name, { date: wallTime(Date.parse(p.publishedAt), w.timezone), time: true }, p.network, p.handle, p.text, p.url, p.likes, p.reposts, p.replies, p.quotes, p.views, p.engagement, pct(p.engagementRate),
        p.watch?.minutes ?? null, p.watch?.averageViewSeconds ?? null, p.watch?.shares ?? null, p.watch?.followersGained ?? null]),
    },
    breakdown('networks', s.networks, (w) => w.dashboard.byNetwork),
    breakdown('accounts', s.accounts, (w) => w.dashboard.byAccount),
    breakdown('campaigns', s.campaigns, (w) => w.dashboard.byCampaign),
    breakdown('labels', s.labels, (w) => w.dashboard.byLabel),
    {
      key: 'objectives', title: s.objectives,
      columns: [s.workspace, s.name, s.metric, s.network, s.target, t.objectives.current, t.objectives.forecast, s.status],
      rows: each((w) => w.objectives, (w, o) => [w.name, o.name, o.metric, o.network, o.relative ? pct(o.target) : o.target, o.progress.current, o.progress.forecast, t.objectives.status[o.progress.status] ?? o.progress.status]),
    },
    { key: 'inbox', title: s.inbox, columns: figureColumns, rows: data.workspaces.flatMap((w) => figureRows(w, { ...w.dashboard.inbox }, ['responseRate', 'negativeShare'])) },
    {
      key: 'listening', title: s.listening, columns: figureColumns,
      rows: data.workspaces.flatMap((w) => figureRows(w, { volume: w.dashboard.listening.volume, positiveShare: w.dashboard.listening.positiveShare, negativeShare: w.dashboard.listening.negativeShare }, ['positiveShare', 'negativeShare'])),
    },
    {
      key: 'share_of_voice', title: s.shareOfVoice, columns: [s.workspace, s.label, s.kind, t.charts.mentions, t.figures.shareOfVoice],
      rows: each((w) => w.dashboard.listening.shareOfVoice, (w, v) => [w.name, v.name, v.kind, v.mentions, pct(v.share)]),
    },
    {
      key: 'sentiment', title: s.sentiment, columns: [s.workspace, s.date, t.charts.positive, t.charts.neutral, t.charts.negative],
      rows: each((w) => w.dashboard.listening.sentimentByDay, (w, d) => [w.name, day(d.day), d.positive, d.neutral, d.negative]),
    },
  ];
}
