import { describe, expect, it } from 'vitest';
import { dateOrder, joinDateTime, readDate, readTime, showDate, showTime } from './DateField.js';

describe('dates typed in the app language', () => {
  it('orders day, month and year the way each language writes them', () => {
    expect(dateOrder('fr')).toEqual(['day', 'month', 'year']);
    expect(dateOrder('en')).toEqual(['month', 'day', 'year']);
  });

  it('shows and reads a day the same way', () => {
    expect(showDate('2026-12-03', 'fr')).toBe('03/12/2026');
    expect(showDate('2026-12-03', 'en')).toBe('12/03/2026');
    expect(readDate('03/12/2026', 'fr')).toBe('2026-12-03');
    expect(readDate('3/12/26', 'fr')).toBe('2026-12-03');
    expect(readDate('3.12.2026', 'fr')).toBe('2026-12-03');
    expect(readDate('12/03/2026', 'en')).toBe('2026-12-03');
    expect(readDate('12-3-26', 'en')).toBe('2026-12-03');
    expect(readDate('', 'fr')).toBe('');
    expect(showDate('', 'fr')).toBe('');
  });

  it('reads a day pasted the ISO way in both languages', () => {
    expect(readDate('2026-12-03', 'fr')).toBe('2026-12-03');
    expect(readDate('2026-12-03', 'en')).toBe('2026-12-03');
  });

  it('refuses what is not a day', () => {
    expect(readDate('31/02/2026', 'fr')).toBeNull();
    expect(readDate('13/31/2026', 'en')).toBeNull();
    expect(readDate('03/12', 'fr')).toBeNull();
    expect(readDate('03/12/202', 'fr')).toBeNull();
    expect(readDate('demain', 'fr')).toBeNull();
  });
});

describe('times typed in the app language', () => {
  it('shows a time on the 24-hour clock in both languages, as the rest of the app writes times', () => {
    for (const language of ['fr', 'en']) {
      expect(showTime('14:30')).toBe('14:30');
      expect(showTime('09:05')).toBe('09:05');
      expect(showTime('00:15')).toBe('00:15');
      expect(showTime('14:30:15')).toBe('14:30:15');
      expect(showTime('')).toBe('');
    }
  });

  it('reads either clock, whatever the language', () => {
    expect(readTime('14:30')).toBe('14:30');
    expect(readTime('2:30 PM')).toBe('14:30');
    expect(readTime('2:30pm')).toBe('14:30');
    expect(readTime('2 p.m.')).toBe('14:00');
    expect(readTime('12:15 AM')).toBe('00:15');
    expect(readTime('12 pm')).toBe('12:00');
    expect(readTime('14h30')).toBe('14:30');
    expect(readTime('9 h')).toBe('09:00');
    expect(readTime('9')).toBe('09:00');
    expect(readTime('14:30:15')).toBe('14:30:15');
    expect(readTime('')).toBe('');
  });

  it('shows what it reads back unchanged', () => {
    for (const time of ['00:00', '00:15', '09:05', '12:00', '12:59', '13:00', '23:59']) expect(readTime(showTime(time))).toBe(time);
  });

  it('refuses what is not a time', () => {
    expect(readTime('25:00')).toBeNull();
    expect(readTime('14:60')).toBeNull();
    expect(readTime('13:00 PM')).toBeNull();
    expect(readTime('0 AM')).toBeNull();
    expect(readTime('midi')).toBeNull();
    expect(readTime('2:3')).toBeNull();
  });

  it('joins a day and a time only when both are there', () => {
    expect(joinDateTime('2026-12-03', '14:30')).toBe('2026-12-03T14:30');
    expect(joinDateTime('2026-12-03', '')).toBe('');
    expect(joinDateTime('', '14:30')).toBe('');
  });
});
