import { describe, expect, it } from 'vitest';
import { formatChange, formatTick, formatValue, safeUrl } from './figures.js';
import { dayShort, hourName, weekdayName } from './days.js';

// French groups thousands with a narrow no-break space and puts a no-break space before "%".
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('figures in the reader\'s locale', () => {
  it('writes counts, percentages and durations as French and English readers write them', () => {
    expect(spaces(formatValue(1234.5, 'count', 'fr'))).toBe('1 235');
    expect(spaces(formatValue(4.25, 'count', 'fr'))).toBe('4,3');
    expect(formatValue(1234, 'count', 'en')).toBe('1,234');
    expect(spaces(formatValue(4.2, 'percent', 'fr'))).toBe('4,2 %');
    expect(formatValue(4.2, 'percent', 'en')).toBe('4.2%');
    expect(spaces(formatValue(65, 'minutes', 'fr'))).toBe('1 h 5 min');
    expect(spaces(formatValue(47, 'minutes', 'en'))).toBe('47 min');
    expect(formatValue(null, 'count', 'en')).toBe('–');
    expect(spaces(formatChange(-3.5, 'fr'))).toMatch(/^[-−]3,5 %$/);
    expect(formatChange(12, 'en')).toBe('+12%');
  });

  it('keeps axis labels whole until they would not fit, then shortens them', () => {
    expect(spaces(formatTick(12345, 'fr'))).toBe('12 345');
    expect(spaces(formatTick(1_250_000, 'fr'))).toBe('1,3 M');
    expect(formatTick(1_250_000, 'en')).toBe('1.3M');
  });

  it('says days, weekdays and hours as the reader does, Monday first', () => {
    expect(dayShort('2026-12-03', 'fr')).toBe('3 déc.');
    expect(dayShort('2026-12-03', 'en')).toBe('Dec 3');
    expect(weekdayName(0, 'fr')).toBe('lundi');
    expect(weekdayName(6, 'en')).toBe('Sunday');
    expect(hourName(9, 'fr')).toBe('09:00');
  });

  it('lets only web addresses out of the app', () => {
    expect(safeUrl('https://bsky.app/profile/x/post/1')).toBe('https://bsky.app/profile/x/post/1');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
  });
});
