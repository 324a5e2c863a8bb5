/**
 * The dashboard's figures shaped for its charts and their text alternatives; plain TypeScript so that what the
 * charts and the tables say can be tested without a browser.
 */
import type { Stats, TopAuthor } from './api.js';

export interface VolumeRow {
  at: string;
  /** The count of each series, keyed by topic id. */
  [topicId: string]: number | string;
}

/** One row per bucket with each topic's count: what the volume chart draws and its table lists. */
export function volumeRows(stats: Stats): VolumeRow[] {
  return stats.volume.buckets.map((at, i) => {
    const row: VolumeRow = { at };
    for (const s of stats.volume.series) row[s.topicId] = num(s.total[i]);
    return row;
  });
}

export interface SentimentRow {
  at: string;
  negative: number;
  neutral: number;
  positive: number;
}

/** The selected topics' mentions per bucket split by sentiment; neutral is what is neither. */
export function sentimentRows(stats: Stats): SentimentRow[] {
  return stats.volume.buckets.map((at, i) => {
    let total = 0;
    let negative = 0;
    let positive = 0;
    for (const s of stats.volume.series) {
      total += num(s.total[i]);
      negative += num(s.negative[i]);
      positive += num(s.positive[i]);
    }
    return { at, negative, neutral: Math.max(0, total - negative - positive), positive };
  });
}

export interface Totals {
  total: number;
  negative: number;
  positive: number;
  /** The bucket with the most mentions, if any had one. */
  peak: { at: string; count: number } | null;
}

export function totalsOf(rows: SentimentRow[]): Totals {
  let peak: Totals['peak'] = null;
  let total = 0;
  let negative = 0;
  let positive = 0;
  for (const r of rows) {
    const count = r.negative + r.neutral + r.positive;
    total += count;
    negative += r.negative;
    positive += r.positive;
    if (count > 0 && (!peak || count > peak.count)) peak = { at: r.at, count };
  }
  return { total, negative, positive, peak };
}

export const AUTHOR_SORTS = ['relevance', 'reach', 'engagement', 'mentions'] as const;
export type AuthorSort = (typeof AUTHOR_SORTS)[number];

/** The influencers to know, by the measure the reader picked, largest first. */
export function sortAuthors(authors: readonly TopAuthor[], by: AuthorSort): TopAuthor[] {
  const value = (a: TopAuthor) => num(by === 'reach' ? a.followers : a[by]);
  return [...authors].sort((a, b) => value(b) - value(a) || a.handle.localeCompare(b.handle));
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
