import { DateTime } from 'luxon';
import type { Period } from '../analytics/types.js';
import { zoneOf } from '../analytics/time.js';

export type RecurringPeriod = 'month' | 'quarter';

/** When a scheduled report is made: its period's first day at this hour, workspace time, once the period is over. */
export const SCHEDULE_HOUR = 8;

const startOf = (dt: DateTime, period: RecurringPeriod) => (period === 'month' ? dt.startOf('month') : dt.startOf('quarter'));

/** The month or quarter that ended last before `now`, in the zone. */
export function lastCompletedPeriod(period: RecurringPeriod, now: number, timezone: string): Period {
  const current = startOf(DateTime.fromMillis(now, { zone: zoneOf(timezone) }), period);
  const previous = current.minus(period === 'month' ? { months: 1 } : { months: 3 });
  return { start: previous.toMillis(), end: current.toMillis() };
}

/** The next run strictly after `now`: the 1st of the next month or quarter at 08:00 in the zone. */
export function nextRunAt(period: RecurringPeriod, now: number, timezone: string): number {
  const local = DateTime.fromMillis(now, { zone: zoneOf(timezone) });
  const thisOne = startOf(local, period).set({ hour: SCHEDULE_HOUR });
  if (thisOne.toMillis() > now) return thisOne.toMillis();
  return startOf(local, period).plus(period === 'month' ? { months: 1 } : { months: 3 }).set({ hour: SCHEDULE_HOUR }).toMillis();
}

/** A period given as local days (from and to both included) in the zone. */
export function periodFromDays(from: string, to: string, timezone: string): Period {
  const zone = zoneOf(timezone);
  const start = DateTime.fromISO(from, { zone }).startOf('day');
  const end = DateTime.fromISO(to, { zone }).startOf('day').plus({ days: 1 });
  return { start: start.toMillis(), end: end.toMillis() };
}
