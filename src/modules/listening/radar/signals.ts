import type { ChannelBaseline, SeasonalBaseline } from './baseline.js';
import type { Counts } from './series.js';
import { NEAR_NORMAL_Z, SENSITIVITY_LEVELS, type RadarSettings } from './settings.js';

export type SignalKind = 'volume_spike' | 'sentiment_drop' | 'positive_surge';
export const SIGNAL_KINDS: readonly SignalKind[] = ['volume_spike', 'sentiment_drop', 'positive_surge'];

/**
 * One measure of the evaluation window against its baseline. For a sentiment drop, observed and expected are shares of
 * negative mentions (0 to 1) and spread is the binomial spread of the observed share; otherwise they are mentions.
 * The window runs from windowStart to windowEnd, both included.
 */
export interface RadarSignal {
  kind: SignalKind;
  score: number;
  observed: number;
  expected: number;
  spread: number;
  windowStart: number;
  windowEnd: number;
}

export interface Reading {
  signal: RadarSignal;
  /** Unusual enough, at the topic's sensitivity, to raise an alert if its kind is not cooling down. */
  firing: boolean;
  nearNormal: boolean;
}

/** The binomial spread of a share uses at least this share, so a baseline without any negative mention still has one. */
const MIN_SHARE_FOR_SPREAD = 0.02;

/** The readings that can be taken now; a sentiment drop needs enough mentions and a known baseline share. */
export function readSignals(
  baseline: SeasonalBaseline,
  observed: Counts,
  window: { start: number; end: number },
  settings: RadarSettings,
): Reading[] {
  const level = SENSITIVITY_LEVELS[settings.sensitivity];
  const surge = (kind: SignalKind, count: number, base: ChannelBaseline, rises = true): Reading => {
    const score = countScore(count, base);
    const signal = at(kind, score, count, base.expected, base.spread, window);
    const firing =
      rises && score >= level.z && count >= settings.minMentions && count >= base.expected * level.minRatio;
    return { signal, firing, nearNormal: score < NEAR_NORMAL_Z };
  };
  const readings = [surge('volume_spike', observed.total, baseline.total)];
  const p0 = baseline.negativeShare;
  if (p0 !== null && observed.total > 0 && observed.total >= settings.minMentions) {
    const share = observed.negative / observed.total;
    const p = Math.min(Math.max(p0, MIN_SHARE_FOR_SPREAD), 1 - MIN_SHARE_FOR_SPREAD);
    const spread = Math.sqrt((p * (1 - p)) / observed.total);
    const score = shareScore(share, p0, spread, observed.total);
    readings.push({
      signal: at('sentiment_drop', score, share, p0, spread, window),
      firing: score >= level.z && share - p0 >= level.minShareRise,
      nearNormal: score < NEAR_NORMAL_Z,
    });
  }
  // More praise inside a bad buzz is not an opportunity: positive mentions must hold their usual share.
  const usualPositiveShare = baseline.total.expected > 0 ? baseline.positive.expected / baseline.total.expected : 0;
  const holdsShare = observed.positive >= usualPositiveShare * observed.total;
  readings.push(surge('positive_surge', observed.positive, baseline.positive, holdsShare));
  return readings;
}

/**
 * The robust z of a count, but never more than its Poisson z on the square-root scale (Anscombe): a window of a few
 * mentions has a long right tail, and a normal z would call 12 mentions against an expected 4 a four-sigma event
 * when a month of minute-by-minute evaluations sees that several times by chance.
 */
export function countScore(count: number, base: ChannelBaseline): number {
  const robust = (count - base.expected) / base.spread;
  const poisson = 2 * (Math.sqrt(count + 3 / 8) - Math.sqrt(base.expected + 3 / 8));
  return Math.min(robust, poisson);
}

function at(
  kind: SignalKind,
  score: number,
  observed: number,
  expected: number,
  spread: number,
  window: { start: number; end: number },
): RadarSignal {
  return { kind, score, observed, expected, spread, windowStart: window.start, windowEnd: window.end };
}

/** The same guard for a share: never more than its z on the arcsine scale, where small samples are not skewed. */
export function shareScore(share: number, expected: number, spread: number, n: number): number {
  const linear = (share - expected) / spread;
  const arcsine = 2 * Math.sqrt(n) * (Math.asin(Math.sqrt(share)) - Math.asin(Math.sqrt(expected)));
  return Math.min(linear, arcsine);
}
