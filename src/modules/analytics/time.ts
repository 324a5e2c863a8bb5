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

type OffsetDay = { offset: number; change: { at: number; offset: number } | null };
const offsetDays = new Map<string, Map<number, OffsetDay>>();

/**
 * The zone's offset at an instant, in minutes, as luxon gives it. Luxon asks Intl each time (some 17 µs), and a
 * year's dashboard places thousands of hourly buckets: each UTC day's offset is kept per zone, with the instant it
 * changes found to the millisecond on the days the clocks change (zones change offset at most once a day).
 */
export function offsetAt(ms: number, zone: IANAZone): number {
  let days = offsetDays.get(zone.name);
  if (!days) offsetDays.set(zone.name, (days = new Map()));
  const key = Math.floor(ms / DAY_MS);
  let day = days.get(key);
  if (!day) {
    // Some 270 years of days per zone; past that the oldest are forgotten all at once.
    if (days.size > 100_000) days.clear();
    const start = key * DAY_MS;
    const end = start + DAY_MS - 1;
    const offset = zone.offset(start);
    const after = zone.offset(end);
    let change: OffsetDay['change'] = null;
    if (after !== offset) {
      let lo = start;
      let hi = end;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (zone.offset(mid) === offset) lo = mid;
        else hi = mid;
      }
      change = { at: hi, offset: after };
    }
    days.set(key, (day = { offset, change }));
  }
  return day.change && ms >= day.change.at ? day.change.offset : day.offset;
}

/** YYYY-MM-DD of an instant in the zone. */
export function localDay(ms: number, zone: IANAZone): string {
  return new Date(ms + offsetAt(ms, zone) * 60_000).toISOString().slice(0, 10);
}

const dayLists = new Map<string, readonly string[]>();

/** The local days a period covers, first to last (its end is excluded). The list is shared: callers only read it. */
export function periodDays(period: Period, zone: IANAZone): { first: string; last: string; days: readonly string[] } {
  const first = localDay(period.start, zone);
  const last = localDay(Math.max(period.start, period.end - 1), zone);
  const key = `${first}${last}`;
  let days = dayLists.get(key);
  if (!days) {
    const list: string[] = [];
    // Calendar days counted in UTC, where each lasts exactly 24 hours.
    for (let d = Date.parse(`${first}T00:00:00Z`); ; d += DAY_MS) {
      const day = new Date(d).toISOString().slice(0, 10);
      list.push(day);
      if (day >= last || list.length > 800) break;
    }
    if (dayLists.size > 2_000) dayLists.clear();
    dayLists.set(key, (days = Object.freeze(list)));
  }
  return { first, last, days };
}

/**
 * Spans of days [first, last] as the fewest disjoint spans that hold them, in order: spans that overlap or touch
 * become one. A query sums each span's days in the order of its index (one range, grouped as it is read), where
 * ranges joined by OR would be grouped through a temporary tree.
 */
export function dayRanges(spans: ReadonlyArray<{ first: string; last: string }>): Array<{ first: string; last: string }> {
  const sorted = spans.filter((s) => s.first <= s.last).map((s) => ({ ...s })).sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const out: Array<{ first: string; last: string }> = [];
  for (const s of sorted) {
    const prev = out[out.length - 1];
    const touches = prev && new Date(Date.parse(`${prev.last}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10) >= s.first;
    if (prev && touches) {
      if (s.last > prev.last) prev.last = s.last;
    } else {
      out.push(s);
    }
  }
  return out;
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
  const offsets = [from, to, (from + to) / 2].map((ms) => offsetAt(ms, zone));
  return offsets.every((o) => o % 60 === 0) ? HOUR_MS : QUARTER_HOUR_MS;
}

/** Where a bucket's start falls in the zone: its local day, weekday (0 = Monday) and hour. */
export function localSlot(ms: number, zone: IANAZone): { day: string; weekday: number; hour: number } {
  const local = new Date(ms + offsetAt(ms, zone) * 60_000);
  return { day: local.toISOString().slice(0, 10), weekday: (local.getUTCDay() + 6) % 7, hour: local.getUTCHours() };
}
