/** The dashboard's periods, as a community manager names them, turned into instants in the workspace's time zone. */
import { DateTime } from 'luxon';

export const PRESETS = [
  'this_month',
  'last_month',
  'this_quarter',
  'last_quarter',
  'last_30',
  'last_90',
  'custom',
] as const;
export type Preset = (typeof PRESETS)[number];

export interface Range {
  /** ISO instant, included. */
  from: string;
  /** ISO instant, excluded. */
  to: string;
}

export function isPreset(value: string | null): value is Preset {
  return (PRESETS as readonly string[]).includes(value ?? '');
}

/** A preset's range; `custom` reads its first and last days (YYYY-MM-DD, both included). */
export function presetRange(preset: Preset, zone: string, now: number, custom?: { from: string; to: string }): Range {
  const today = DateTime.fromMillis(now, { zone }).startOf('day');
  const iso = (a: DateTime, b: DateTime): Range => ({
    from: a.toUTC().toISO()!,
    to: b.toUTC().toISO()!,
  });
  switch (preset) {
    case 'this_month':
      return iso(today.startOf('month'), today.startOf('month').plus({ months: 1 }));
    case 'last_month':
      return iso(today.startOf('month').minus({ months: 1 }), today.startOf('month'));
    case 'this_quarter':
      return iso(today.startOf('quarter'), today.startOf('quarter').plus({ months: 3 }));
    case 'last_quarter':
      return iso(today.startOf('quarter').minus({ months: 3 }), today.startOf('quarter'));
    case 'last_30':
      return iso(today.minus({ days: 29 }), today.plus({ days: 1 }));
    case 'last_90':
      return iso(today.minus({ days: 89 }), today.plus({ days: 1 }));
    case 'custom': {
      const from = DateTime.fromISO(custom?.from ?? '', { zone });
      const to = DateTime.fromISO(custom?.to ?? '', { zone });
      if (!from.isValid || !to.isValid || to < from) return presetRange('last_30', zone, now);
      return iso(from.startOf('day'), to.startOf('day').plus({ days: 1 }));
    }
  }
}

/**
 * What the dashboard reads for a preset: the running month or quarter only up to today (included), so that no day
 * to come is drawn or read out as a figure, and the comparison covers as many days. Objectives keep the whole period.
 */
export function dashboardRange(preset: Preset, zone: string, now: number, custom?: { from: string; to: string }): Range {
  const range = presetRange(preset, zone, now, custom);
  if (preset !== 'this_month' && preset !== 'this_quarter') return range;
  const tomorrow = DateTime.fromMillis(now, { zone }).startOf('day').plus({ days: 1 }).toUTC().toISO()!;
  return { from: range.from, to: tomorrow < range.to ? tomorrow : range.to };
}

/** A YYYY-MM-DD day of `zone` as the start and end instants of that day. */
export function dayRange(day: string, zone: string): Range {
  const start = DateTime.fromISO(day, { zone }).startOf('day');
  return {
    from: start.toUTC().toISO()!,
    to: start.plus({ days: 1 }).toUTC().toISO()!,
  };
}

/** The last day a range covers, as YYYY-MM-DD in `zone` (its end is excluded). */
export function lastDay(range: Range, zone: string): string {
  return DateTime.fromISO(range.to).setZone(zone).minus({ milliseconds: 1 }).toISODate()!;
}

export function firstDay(range: Range, zone: string): string {
  return DateTime.fromISO(range.from).setZone(zone).toISODate()!;
}
