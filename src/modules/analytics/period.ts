import { DateTime, type IANAZone } from 'luxon';
import { badRequest } from '../../http/errors.js';
import type { Period } from './types.js';
import { DAY_MS, offsetAt } from './time.js';

export const MAX_PERIOD_DAYS = 400;

/** A period from the query's ISO instants: it must end after it starts and last at most 400 days. */
export function periodOf(from: string, to: string): Period {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (!(end > start)) throw badRequest('invalid_period', '"to" must come after "from".');
  if (end - start > MAX_PERIOD_DAYS * DAY_MS) throw badRequest('period_too_long', `A period lasts at most ${MAX_PERIOD_DAYS} days.`);
  return { start, end };
}

/** One local day of the zone as instants: 23 or 25 hours on the days the clocks change. */
export function dayPeriod(day: string, zone: IANAZone): Period {
  const start = DateTime.fromISO(day, { zone });
  if (!start.isValid) throw badRequest('invalid_day', 'The day must be a real date, YYYY-MM-DD.');
  return { start: start.toMillis(), end: start.plus({ days: 1 }).toMillis() };
}

/**
 * The zone's offsets over a period, as segments [from, offsetMs): SQL adds the right one to each instant to read
 * its local weekday and hour. Clock changes are found day by day, then to the millisecond.
 */
export function offsetSegments(zone: IANAZone, period: Period): { from: number; offsetMs: number }[] {
  const off = (ms: number) => offsetAt(ms, zone) * 60_000;
  const segments = [{ from: Number.MIN_SAFE_INTEGER, offsetMs: off(period.start) }];
  for (let t = period.start; t < period.end; t += DAY_MS) {
    const next = Math.min(t + DAY_MS, period.end);
    if (off(next) === off(t)) continue;
    let lo = t;
    let hi = next;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (off(mid) === off(t)) lo = mid;
      else hi = mid;
    }
    segments.push({ from: hi, offsetMs: off(hi) });
  }
  return segments;
}
