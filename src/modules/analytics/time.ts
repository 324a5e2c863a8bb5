import { DateTime, IANAZone } from 'luxon';
import type { Comparison, Period } from './types.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 900_000;

/** The workspace's zone, or UTC when the stored name is not one luxon knows. */
export function zoneOf(name: string): IANAZone {
  const zone = IANAZone.create(name);
  return zone.isValid ? zone : IANAZone.create('UTC');
}

/** YYYY-MM-DD of an instant in the zone. */
export function localDay(ms: number, zone: IANAZone): string {
  return new Date(ms + zone.offset(ms) * 60_000).toISOString().slice(0, 10);
}

/** The local days a period covers, first to last (its end is excluded). */
export function periodDays(period: Period, zone: IANAZone): { first: string; last: string; days: string[] } {
  const first = localDay(period.start, zone);
  const last = localDay(Math.max(period.start, period.end - 1), zone);
  const days: string[] = [];
  for (let d = DateTime.fromISO(first, { zone: 'UTC' }); ; d = d.plus({ days: 1 })) {
    const day = d.toISODate()!;
    days.push(day);
    if (day >= last || days.length > 800) break;
  }
  return { first, last, days };
}

/** The period a dashboard compares with: the same length just before, or the same dates a year earlier in the zone. */
export function comparisonPeriod(period: Period, comparison: Comparison, zone: IANAZone): Period {
  if (comparison === 'previous') return { start: period.start - (period.end - period.start), end: period.start };
  const back = (ms: number) => DateTime.fromMillis(ms, { zone }).minus({ years: 1 }).toMillis();
  return { start: back(period.start), end: back(period.end) };
}

/**
 * The width of the buckets SQL groups instants into before they are placed in local days and hours: an hour where
 * the zone's offsets are whole hours, a quarter of an hour otherwise (India, Nepal, Lord Howe's half-hour summer).
 */
export function bucketWidth(zone: IANAZone, from: number, to: number): number {
  const offsets = [from, to, (from + to) / 2].map((ms) => zone.offset(ms));
  return offsets.every((o) => o % 60 === 0) ? HOUR_MS : QUARTER_HOUR_MS;
}

/** Where a bucket's start falls in the zone: its local day, weekday (0 = Monday) and hour. */
export function localSlot(ms: number, zone: IANAZone): { day: string; weekday: number; hour: number } {
  const local = new Date(ms + zone.offset(ms) * 60_000);
  return { day: local.toISOString().slice(0, 10), weekday: (local.getUTCDay() + 6) % 7, hour: local.getUTCHours() };
}
