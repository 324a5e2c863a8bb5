import { describe, expect, it } from 'vitest';
import { pickLocale } from './locale.js';
import { dayInZone } from './format.js';

describe('pickLocale', () => {
  it('keeps a saved choice over the browser', () => {
    expect(pickLocale('en', ['fr-FR', 'fr'])).toBe('en');
  });

  it('follows the first browser language it speaks', () => {
    expect(pickLocale(null, ['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(pickLocale(null, ['en-GB', 'fr'])).toBe('en');
  });

  it('falls back to English, ignoring a saved value it does not know', () => {
    expect(pickLocale('klingon', ['de', 'es'])).toBe('en');
    expect(pickLocale(null, [])).toBe('en');
  });
});

describe('dayInZone', () => {
  it('writes dates in the reader language, on the zone\'s calendar, and leaves bad input visible', () => {
    expect(dayInZone('2026-03-01T12:00:00Z', 'Europe/Paris', 'fr')).toBe('1 mars 2026');
    expect(dayInZone('2026-03-01T12:00:00Z', 'Europe/Paris', 'en')).toBe('Mar 1, 2026');
    expect(dayInZone('2026-03-01T02:00:00Z', 'America/New_York', 'en')).toBe('Feb 28, 2026');
    expect(dayInZone('not a date', 'Europe/Paris', 'en')).toBe('not a date');
  });
});
