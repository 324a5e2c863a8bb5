import { DateTime, type IANAZone } from 'luxon';
import { sql, type RawBuilder } from 'kysely';
import type { Period } from '../types.js';
import { DAY_MS, localDay } from '../time.js';
import { offsetSegments } from '../period.js';

const starts = new Map<string, number>();

/** The first instant of a local day (later than midnight where the clocks skip it). */
export function dayStart(day: string, zone: IANAZone): number {
  const key = `${zone.name}\n${day}`;
  let t = starts.get(key);
  if (t === undefined) {
    if (starts.size > 50_000) starts.clear();
    t = DateTime.fromISO(day, { zone }).toMillis();
    starts.set(key, t);
  }
  return t;
}

export const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
export const previousDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/** An edge of a period: a part of one local day, read from the raw rows. */
export interface Edge extends Period {
  day: string;
}

/**
 * A period as the local days it holds whole, which the daily rollups answer, and the parts of days at its ends
 * (a period that does not start or end at midnight), which the raw rows answer. Each edge lies within one day.
 */
export function periodParts(period: Period, zone: IANAZone): { days: { first: string; last: string } | null; edges: Edge[] } {
  const startDay = localDay(period.start, zone);
  const endDay = localDay(period.end, zone);
  const startOfStartDay = dayStart(startDay, zone);
  const first = startOfStartDay === period.start ? startDay : nextDay(startDay);
  const firstStart = first === startDay ? period.start : dayStart(first, zone);
  const lastEnd = dayStart(endDay, zone);
  const edges: Edge[] = [];
  if (firstStart >= lastEnd) {
    // No whole day: at most one midnight inside the period.
    if (lastEnd > period.start && lastEnd < period.end) {
      edges.push({ start: period.start, end: lastEnd, day: startDay }, { start: lastEnd, end: period.end, day: endDay });
    } else if (period.end > period.start) {
      edges.push({ start: period.start, end: period.end, day: startDay });
    }
    return { days: null, edges };
  }
  if (period.start < firstStart) edges.push({ start: period.start, end: firstStart, day: startDay });
  if (lastEnd < period.end) edges.push({ start: lastEnd, end: period.end, day: endDay });
  return { days: { first, last: previousDay(endDay) }, edges };
}

/** The zone's offset (ms) at an instant column in SQL, for instants in [from, to]: the offset of its side of each clock change. */
export function offsetSql(column: RawBuilder<unknown>, zone: IANAZone, from: number, to: number): RawBuilder<number> {
  const segments = offsetSegments(zone, { start: from, end: to + 1 });
  return segments.length === 1
    ? sql<number>`${sql.lit(segments[0]!.offsetMs)}`
    : sql<number>`(case ${sql.join(segments.slice(1).reverse().map((s) => sql`when ${column} >= ${sql.lit(s.from)} then ${sql.lit(s.offsetMs)}`), sql` `)} else ${sql.lit(segments[0]!.offsetMs)} end)`;
}

/** An instant column's local day in SQL, as a day number since 1970 on the zone's clock (rebuilding a rollup groups by it). */
export function localDayNumberSql(column: RawBuilder<unknown>, zone: IANAZone, from: number, to: number): RawBuilder<number> {
  return sql<number>`((${column} + ${offsetSql(column, zone, from, to)}) / ${sql.lit(DAY_MS)})`;
}

export const dayOfNumber = (n: unknown) => new Date(Math.floor(Number(n)) * DAY_MS).toISOString().slice(0, 10);
