import { describe, expect, it } from 'vitest';
import { DEFAULT_RADAR_SETTINGS, SENSITIVITY_LEVELS } from '../../../src/modules/listening/radar/settings.js';
import type { Counts } from '../../../src/modules/listening/radar/series.js';
import { DAY, loadCurve } from './curve.js';
import { BAD_BUZZ, countsAt, replay, replayAlerts, spikeMentions } from './replay.js';

const curve = loadCurve();
const MONTH = { from: 0, to: curve.days.length * DAY };
/** A Monday afternoon after four full weeks of history, before the evening peak. */
const ONSET = 28 * DAY + 14 * 60 + 10;
const WINDOW = DEFAULT_RADAR_SETTINGS.windowMinutes;

/**
 * The first minute the spike's window is beyond doubt, decided from the clean curve alone: its count is above the
 * same weekday's median of the past four weeks (windows at the same time, ±30 minutes) by k spreads, and beyond the
 * upper Poisson quantile of that median with the tail of a normal k-sigma event.
 */
function firstVisibleMinute(extra: Map<number, Counts>, k: number): number {
  const clean = (end: number) => {
    let n = 0;
    for (let t = end - WINDOW + 1; t <= end; t++) n += countsAt(curve, t).total;
    return n;
  };
  for (let t = ONSET; t < ONSET + 240; t++) {
    const samples: number[] = [];
    for (let week = 1; week <= 4; week++) for (const o of [-30, -15, 0, 15, 30]) samples.push(clean(t - week * 7 * DAY + o));
    const median = medianOf(samples);
    const spread = Math.max(1.4826 * medianOf(samples.map((s) => Math.abs(s - median))), Math.sqrt(median), 2);
    let observed = 0;
    for (let i = t - WINDOW + 1; i <= t; i++) observed += countsAt(curve, i, extra).total;
    if (observed > median + k * spread && observed > poissonQuantile(median, normalTail(k))) return t;
  }
  throw new Error('the spike never became visible');
}

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The smallest count whose upper tail under Poisson(lambda) is at most p. */
function poissonQuantile(lambda: number, p: number): number {
  let pmf = Math.exp(-lambda);
  let cdf = pmf;
  let k = 0;
  while (1 - cdf > p) {
    k++;
    pmf *= lambda / k;
    cdf += pmf;
  }
  return k;
}

/** Upper tail of the standard normal beyond z (Abramowitz & Stegun 26.2.17, plenty for a threshold). */
function normalTail(z: number): number {
  const t = 1 / (1 + 0.2316419 * z);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI)) * poly;
}

describe('crisis radar, replayed minute by minute over a recorded month', () => {
  it('raises one volume alert for a bad buzz that lasts hours, within a minute of it becoming visible', () => {
    const extra = spikeMentions({ ...BAD_BUZZ, onset: ONSET });
    const alerts = replayAlerts(curve, MONTH, DEFAULT_RADAR_SETTINGS, extra);
    const volume = alerts.filter((a) => a.kind === 'volume_spike');
    expect(volume).toHaveLength(1);
    expect(alerts.filter((a) => a.kind === 'sentiment_drop').length).toBeLessThanOrEqual(1);
    expect(alerts.filter((a) => a.kind === 'positive_surge')).toEqual([]);
    expect(alerts.every((a) => a.t >= ONSET)).toBe(true);
    const visible = firstVisibleMinute(extra, SENSITIVITY_LEVELS.medium.z);
    expect(volume[0].t).toBeGreaterThanOrEqual(ONSET);
    expect(volume[0].t - visible).toBeLessThanOrEqual(1);
  });

  it('raises nothing over a calm month, learning first and then judging', () => {
    const statuses: string[] = [];
    replay(curve, MONTH, DEFAULT_RADAR_SETTINGS, ({ t, verdict }) => {
      if (t % 60 === 0 || verdict.alerts.length > 0) statuses.push(verdict.status);
    });
    expect(statuses).not.toContain('alert');
    expect(statuses[0]).toBe('learning');
    expect(statuses.at(-1)).not.toBe('learning');
    expect(statuses.filter((s) => s === 'learning')).toHaveLength(3 * 24);
  });

  it('takes the large evening peak in its stride', () => {
    const day = 22;
    const dayAverage = curve.days[day].total.reduce((a, b) => a + b, 0) / (DAY / WINDOW);
    let peak = { observed: 0, expected: 0 };
    const statuses = new Set<string>();
    replay(curve, { from: day * DAY + 17 * 60, to: (day + 1) * DAY }, DEFAULT_RADAR_SETTINGS, ({ verdict }) => {
      statuses.add(verdict.status);
      if (verdict.baseline.observed > peak.observed) peak = verdict.baseline;
    });
    expect(peak.observed).toBeGreaterThan(2.5 * dayAverage);
    expect(peak.expected).toBeGreaterThan(2 * dayAverage);
    expect(statuses).not.toContain('alert');
  });

  it('keeps a topic with two days of history learning, even through a bad buzz', () => {
    const extra = spikeMentions({ ...BAD_BUZZ, onset: DAY + 14 * 60 + 10 });
    const seen = new Set<string>();
    let last = null as null | { historyDays: number; neededDays: number };
    replay(curve, { from: 0, to: 2 * DAY }, DEFAULT_RADAR_SETTINGS, ({ verdict }) => {
      seen.add(verdict.status);
      last = verdict;
    }, extra);
    expect([...seen]).toEqual(['learning']);
    expect(last).toMatchObject({ historyDays: 2, neededDays: 3 });
  });

  it('reads a surge of praise as an opportunity, not a bad buzz', () => {
    const extra = spikeMentions({ ...BAD_BUZZ, multiplier: 4, negativeShare: 0.05, positiveShare: 0.8, onset: ONSET });
    const kinds: string[] = [];
    const signalled = new Set<string>();
    replay(curve, { from: 28 * DAY, to: 29 * DAY }, DEFAULT_RADAR_SETTINGS, ({ verdict }) => {
      kinds.push(...verdict.alerts.map((a) => a.kind));
      for (const s of verdict.signals) signalled.add(s.kind);
    }, extra);
    expect(kinds).toEqual(['positive_surge']);
    expect(signalled).toContain('volume_spike');
  });

  it('alerts on a smaller spike at high sensitivity than at low', () => {
    const small = spikeMentions({ ...BAD_BUZZ, multiplier: 1.8, plateauMinutes: 60, onset: ONSET });
    const spikeDay = { from: 28 * DAY, to: 29 * DAY };
    const volumeAlerts = (sensitivity: 'low' | 'high', extra: Map<number, Counts>) =>
      replayAlerts(curve, spikeDay, { ...DEFAULT_RADAR_SETTINGS, sensitivity }, extra).filter((a) => a.kind === 'volume_spike');
    expect(volumeAlerts('high', small)).toHaveLength(1);
    expect(volumeAlerts('low', small)).toEqual([]);
    expect(volumeAlerts('low', spikeMentions({ ...BAD_BUZZ, onset: ONSET }))).toHaveLength(1);
  });
});
