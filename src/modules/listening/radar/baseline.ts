import { MAD_TO_SD, medianAndMad } from './robust.js';
import { MINUTES_PER_DAY, type MinuteSeries } from './series.js';

/** Below this much history a topic is learning: its daily rhythm is not known well enough to call anything unusual. */
export const LEARNING_DAYS = 3;
/** From this much history on, a window is compared with the same weekday only (three samples of each weekday). */
export const WEEKDAY_DAYS = 21;
/** A silent topic's spread never falls below two mentions, so two mentions in a quiet hour are not a spike. */
export const SPREAD_FLOOR = 2;

const WEEKS_BACK = 4;
const DAYS_BACK = 14;
/** Windows a little before and after the same time of day: more samples, and a rhythm that drifts is forgiven. */
const OFFSETS = [-30, -15, 0, 15, 30];
/** Baseline windows whose volume was this many spreads above normal do not count towards the normal negative share. */
const SHARE_OUTLIER_SPREADS = 3;

const MAX_SAMPLES = Math.max(WEEKS_BACK, DAYS_BACK) * OFFSETS.length;
const totals = new Float64Array(MAX_SAMPLES);
const negatives = new Float64Array(MAX_SAMPLES);
const positives = new Float64Array(MAX_SAMPLES);
const scratch = new Float64Array(MAX_SAMPLES);
const sums = new Float64Array(3);

export interface ChannelBaseline {
  expected: number;
  spread: number;
}

export interface SeasonalBaseline {
  /** 'weekday': the same weekday in past weeks; 'daily': the same time on every past day (not enough weeks yet). */
  seasonality: 'weekday' | 'daily';
  samples: number;
  total: ChannelBaseline;
  positive: ChannelBaseline;
  /** Share of negative mentions in the baseline windows whose own volume was normal; null when they had none. */
  negativeShare: number | null;
}

/**
 * What the window of `windowMinutes` ending at `windowEnd` usually holds at this time of day: the median of the same
 * window on previous days (the same weekday once there are three weeks of history), and a spread of 1.4826 × MAD,
 * never below the Poisson spread of the expected count nor the absolute floor. Windows before `since` are not
 * samples. Null when no previous window is known.
 *
 * Days are whole UTC days back in time, so no time zone is needed; a daylight-saving change shifts the rhythm by an
 * hour for a few weeks, which the ±30 minute windows soften.
 */
export function seasonalBaseline(
  series: MinuteSeries,
  windowEnd: number,
  windowMinutes: number,
  since: number,
): SeasonalBaseline | null {
  const weekday = windowEnd - since + 1 >= WEEKDAY_DAYS * MINUTES_PER_DAY;
  const step = weekday ? 7 : 1;
  const count = weekday ? WEEKS_BACK : DAYS_BACK;
  let n = 0;
  for (let k = 1; k <= count; k++) {
    for (const offset of OFFSETS) {
      const end = windowEnd - k * step * MINUTES_PER_DAY + offset;
      const start = end - windowMinutes + 1;
      if (start < since) continue;
      series.sumInto(start, end, sums);
      totals[n] = sums[0];
      negatives[n] = sums[1];
      positives[n] = sums[2];
      n++;
    }
  }
  if (n === 0) return null;
  const total = channel(totals, n);
  return {
    seasonality: weekday ? 'weekday' : 'daily',
    samples: n,
    total,
    positive: channel(positives, n),
    negativeShare: normalNegativeShare(n, total.expected + SHARE_OUTLIER_SPREADS * total.spread),
  };
}

function channel(values: Float64Array, n: number): ChannelBaseline {
  const { median, mad } = medianAndMad(values, n, scratch);
  return { expected: median, spread: Math.max(MAD_TO_SD * mad, Math.sqrt(median), SPREAD_FLOOR) };
}

/** Pooled over the normal windows, so one past crisis in the samples does not make negativity look usual. */
function normalNegativeShare(n: number, ceiling: number): number | null {
  let negative = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (totals[i] > ceiling) continue;
    negative += negatives[i];
    total += totals[i];
  }
  return total > 0 ? negative / total : null;
}
