import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { todayAndWeek } from './overview-range.js';

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();
const local = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat("ccc yyyy-MM-dd HH:mm");

describe('today and this week in the workspace zone', () => {
  it('starts the week on Monday or on Sunday as the workspace says', () => {
    // Wednesday 15 January 2025, late evening in Kolkata (still the afternoon in UTC).
    const now = at('2025-01-15T23:30', 'Asia/Kolkata');
    const monday = todayAndWeek(now, 'Asia/Kolkata', 'monday');
    expect(local(monday.today.from, 'Asia/Kolkata')).toBe('Wed 2025-01-15 00:00');
    expect(local(monday.week.from, 'Asia/Kolkata')).toBe('Mon 2025-01-13 00:00');
    expect(local(monday.week.to, 'Asia/Kolkata')).toBe('Mon 2025-01-20 00:00');
    const sunday = todayAndWeek(now, 'Asia/Kolkata', 'sunday');
    expect(local(sunday.week.from, 'Asia/Kolkata')).toBe('Sun 2025-01-12 00:00');
  });

  it('puts a Sunday at the end of a Monday week and at the start of a Sunday week', () => {
    const sundayNoon = at('2025-03-30T12:00', 'Europe/Paris');
    expect(local(todayAndWeek(sundayNoon, 'Europe/Paris', 'monday').week.from, 'Europe/Paris')).toBe('Mon 2025-03-24 00:00');
    expect(local(todayAndWeek(sundayNoon, 'Europe/Paris', 'sunday').week.from, 'Europe/Paris')).toBe('Sun 2025-03-30 00:00');
  });

  it('keeps a day of 23 hours whole when the clocks change', () => {
    // Daylight-saving time starts in Paris on 30 March 2025: that day lasts 23 hours.
    const { today } = todayAndWeek(at('2025-03-30T12:00', 'Europe/Paris'), 'Europe/Paris', 'monday');
    expect((today.to - today.from) / 3_600_000).toBe(23);
  });
});
