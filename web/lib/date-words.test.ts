import { describe, expect, it } from 'vitest';
import { dateInWords } from './date-words.js';

describe('a date field read back in the app language', () => {
  it('writes the day, and the time on 24 hours, in each language', () => {
    expect(dateInWords('2026-12-31', 'fr')).toBe('jeudi 31 décembre 2026');
    expect(dateInWords('2026-12-31', 'en')).toBe('Thursday, December 31, 2026');
    expect(dateInWords('2026-12-31T14:30', 'fr')).toBe('jeudi 31 décembre 2026 à 14:30');
    expect(dateInWords('2026-12-31T14:30', 'en')).toBe('Thursday, December 31, 2026 at 14:30');
    expect(dateInWords('2026-01-01T00:05', 'en')).toBe('Thursday, January 1, 2026 at 00:05');
    expect(dateInWords('14:30', 'en')).toBe('14:30');
  });

  it('says nothing of an empty or impossible value', () => {
    for (const value of ['', '2026-02-30', '2026-13-01T10:00', '25:00', 'demain']) expect(dateInWords(value, 'fr')).toBeNull();
  });
});
