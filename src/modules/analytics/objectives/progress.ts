import { changePct } from '../figures.js';
import type { ObjectiveMetric, ObjectiveProgress } from '../types.js';

/** Sums grow with time: their pace is projected to the end. Rates and levels are taken as they stand. */
const SUMS: ReadonlySet<ObjectiveMetric> = new Set(['engagement', 'followers_gained', 'posts_published', 'views', 'mentions']);

export const forecastMethodOf = (metric: ObjectiveMetric): 'linear' | 'level' => (SUMS.has(metric) ? 'linear' : 'level');

export interface ObjectiveTerms {
  metric: ObjectiveMetric;
  comparison: 'at_least' | 'at_most';
  target: number;
  relative: boolean;
  periodStart: number;
  periodEnd: number;
}

/**
 * Where an objective stands. `value` is the metric from the period's start to now (or to its end once over);
 * `previous` is the metric over the period of the same length just before, for a relative target.
 * Linear: forecast = value ÷ elapsed share. Level: forecast = value. A relative objective compares the forecast
 * with the previous period (for a sum that is the pace so far against the previous period's).
 */
export function objectiveProgress(o: ObjectiveTerms, value: number | null, previous: number | null, now: number): ObjectiveProgress {
  const method = forecastMethodOf(o.metric);
  if (now < o.periodStart) return { current: null, forecast: null, forecastMethod: method, elapsed: 0, status: 'pending' };
  const elapsed = Math.min(1, (now - o.periodStart) / Math.max(1, o.periodEnd - o.periodStart));
  const projected = value === null ? null : method === 'linear' ? (elapsed > 0 ? value / elapsed : null) : value;
  const current = o.relative ? changePct(projected, previous) : value;
  const forecast = o.relative ? current : projected;
  const meets = (x: number | null) => x !== null && (o.comparison === 'at_least' ? x >= o.target : x <= o.target);
  if (now >= o.periodEnd) return { current, forecast, forecastMethod: method, elapsed: 1, status: meets(forecast) ? 'met' : 'missed' };
  // Nothing measured yet (no reply to time, no previous period to compare with): too early to judge.
  if (forecast === null) return { current, forecast, forecastMethod: method, elapsed, status: 'pending' };
  return { current, forecast, forecastMethod: method, elapsed, status: meets(forecast) ? 'on_track' : 'behind' };
}
