import { DateTime } from 'luxon';
import type { WeekStart } from '../../shared/api.js';

export interface Span {
  from: number;
  to: number;
}

/** Today and the current week, as [from, to) instants, by the calendar of the workspace's zone. */
export function todayAndWeek(now: number, zone: string, weekStart: WeekStart): { today: Span; week: Span } {
  let today = DateTime.fromMillis(now, { zone }).startOf('day');
  if (!today.isValid) today = DateTime.fromMillis(now, { zone: 'UTC' }).startOf('day');
  // luxon's weekday: 1 = Monday … 7 = Sunday.
  const back = weekStart === 'sunday' ? today.weekday % 7 : today.weekday - 1;
  const week = today.minus({ days: back });
  return {
    today: { from: today.toMillis(), to: today.plus({ days: 1 }).toMillis() },
    week: { from: week.toMillis(), to: week.plus({ weeks: 1 }).toMillis() },
  };
}
