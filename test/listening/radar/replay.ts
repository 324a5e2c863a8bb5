import { evaluateRadar, type RadarVerdict } from '../../../src/modules/listening/radar/radar.js';
import { MinuteSeries, type Counts } from '../../../src/modules/listening/radar/series.js';
import type { RadarState } from '../../../src/modules/listening/radar/cooldown.js';
import type { RadarSettings } from '../../../src/modules/listening/radar/settings.js';
import { DAY, poisson, rateAt, seededRandom, split, type Curve } from './curve.js';

export interface Spike {
  /** Minutes after the curve's start when the extra mentions begin. */
  onset: number;
  /** Volume at the top of the spike, as a multiple of the usual volume at that time. */
  multiplier: number;
  rampMinutes: number;
  plateauMinutes: number;
  /** Time constant of the exponential fall after the plateau. */
  decayMinutes: number;
  negativeShare: number;
  positiveShare: number;
  seed: number;
}

export const BAD_BUZZ: Omit<Spike, 'onset'> = {
  multiplier: 8,
  rampMinutes: 20,
  plateauMinutes: 300,
  decayMinutes: 60,
  negativeShare: 0.7,
  positiveShare: 0.05,
  seed: 7,
};

/** The extra mentions a spike adds, per minute offset from the curve's start (zeros outside the spike). */
export function spikeMentions(spike: Spike): Map<number, Counts> {
  const random = seededRandom(spike.seed);
  const extra = new Map<number, Counts>();
  const end = spike.rampMinutes + spike.plateauMinutes + 8 * spike.decayMinutes;
  for (let i = 0; i < end; i++) {
    const envelope =
      i < spike.rampMinutes
        ? (i + 1) / spike.rampMinutes
        : i < spike.rampMinutes + spike.plateauMinutes
          ? 1
          : Math.exp(-(i - spike.rampMinutes - spike.plateauMinutes) / spike.decayMinutes);
    const t = spike.onset + i;
    const usual = rateAt(Math.floor(t / DAY) % 7, t % DAY);
    const n = poisson(random, usual * (spike.multiplier - 1) * envelope);
    if (n > 0) extra.set(t, split(random, n, spike.negativeShare, spike.positiveShare));
  }
  return extra;
}

/** The curve's counts for a minute offset, with a spike's extra mentions added. */
export function countsAt(curve: Curve, t: number, extra?: Map<number, Counts>): Counts {
  const day = curve.days[Math.floor(t / DAY)];
  const m = t % DAY;
  const more = extra?.get(t);
  return {
    total: day.total[m] + (more?.total ?? 0),
    negative: day.negative[m] + (more?.negative ?? 0),
    positive: day.positive[m] + (more?.positive ?? 0),
  };
}

/** A series holding the curve (and spike) up to, not including, minute offset `until`. */
export function seriesUntil(curve: Curve, until: number, extra?: Map<number, Counts>): MinuteSeries {
  const series = new MinuteSeries({ since: curve.start });
  for (let t = 0; t < until; t++) series.add(curve.start + t, countsAt(curve, t, extra));
  return series;
}

export interface ReplayMinute {
  t: number;
  verdict: RadarVerdict;
}

/**
 * Replays minutes `from` to `to` (offsets, `to` excluded) as a live topic sees them: each minute's mentions arrive,
 * then the radar judges, with the state it returned the minute before. Calls `see` with every verdict.
 */
export function replay(
  curve: Curve,
  range: { from: number; to: number },
  settings: RadarSettings,
  see: (minute: ReplayMinute) => void,
  extra?: Map<number, Counts>,
): void {
  const series = seriesUntil(curve, range.from, extra);
  let state: RadarState | null = null;
  for (let t = range.from; t < range.to; t++) {
    series.add(curve.start + t, countsAt(curve, t, extra));
    const verdict = evaluateRadar(series, curve.start + t, settings, state);
    state = verdict.state;
    see({ t, verdict });
  }
}

/** Every alert a replay raised, with its minute offset. */
export function replayAlerts(
  curve: Curve,
  range: { from: number; to: number },
  settings: RadarSettings,
  extra?: Map<number, Counts>,
): { t: number; kind: string; score: number }[] {
  const alerts: { t: number; kind: string; score: number }[] = [];
  replay(curve, range, settings, ({ t, verdict }) => {
    for (const a of verdict.alerts) alerts.push({ t, kind: a.kind, score: a.score });
  }, extra);
  return alerts;
}
