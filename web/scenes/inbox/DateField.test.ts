import { describe, expect, it } from 'vitest';
import { dateOrder, readDate, showDate } from './DateField.js';

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
    expect(readDate('12/03/2026', 'en')).toBe('2026-12-03');
    expect(readDate('', 'fr')).toBe('');
  });

  it('refuses what is not a day', () => {
    expect(readDate('31/02/2026', 'fr')).toBeNull();
    expect(readDate('13/31/2026', 'en')).toBeNull();
    expect(readDate('03/12', 'fr')).toBeNull();
    expect(readDate('demain', 'fr')).toBeNull();
  });
});
