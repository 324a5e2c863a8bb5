import { describe, expect, it } from 'vitest';
import { calendarInstant, fromLocalInput, longInZone, minuteToTime, shortInZone, timeToMinute, toLocalInput } from './zoned.js';

describe('times in a zone', () => {
  it('reads and writes datetime-local values in the given zone', () => {
    expect(fromLocalInput('2026-03-10T09:30', 'Europe/Paris')).toBe('2026-03-10T08:30:00.000Z');
    expect(toLocalInput('2026-03-10T08:30:00.000Z', 'America/Toronto')).toBe('2026-03-10T04:30');
    expect(fromLocalInput('', 'UTC')).toBeNull();
    expect(shortInZone('2026-03-10T08:30:00.000Z', 'Europe/Paris', 'en')).toBe('Tue 09:30');
  });

  it('writes dates in full on the 24-hour clock in both languages', () => {
    expect(longInZone('2026-03-10T13:05:00.000Z', 'Europe/Paris', 'en')).toBe('Tue, Mar 10, 2026, 14:05');
    expect(longInZone('2026-03-10T07:05:00.000Z', 'Europe/Paris', 'fr')).toBe('mar. 10 mars 2026, 08:05');
  });

  it('takes FullCalendar times with or without an offset', () => {
    expect(calendarInstant('2026-03-11T09:30:00+01:00', 'Europe/Paris')).toBe('2026-03-11T08:30:00.000Z');
    expect(calendarInstant('2026-03-11T09:30:00', 'Europe/Paris')).toBe('2026-03-11T08:30:00.000Z');
  });

  it('converts queue slot times', () => {
    expect(minuteToTime(615)).toBe('10:15');
    expect(timeToMinute('10:15')).toBe(615);
    expect(timeToMinute('25:00')).toBeNull();
  });
});
