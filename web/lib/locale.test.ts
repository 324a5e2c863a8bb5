import { describe, expect, it } from 'vitest';
import { pickLocale } from './locale.js';
import { formatDate } from './format.js';

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

describe('formatDate', () => {
  it('writes dates in the reader language, and leaves bad input visible', () => {
    expect(formatDate('2026-03-01T12:00:00Z', 'fr')).toMatch(/mars 2026/);
    expect(formatDate('2026-03-01T12:00:00Z', 'en')).toMatch(/March 1, 2026/);
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });
});
