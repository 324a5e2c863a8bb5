import { describe, expect, it } from 'vitest';
import { en, fr } from '../i18n/bundles.js';
import { dateTimeInZone, timeInZone, weekDays, zoneCity, zoneLabel } from './format.js';

const translate = (dict: { zone: Record<string, string> }) => (key: string, values: Record<string, string>) =>
  dict.zone[key.replace('zone.', '')].replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name]);

describe('times in a zone, as every page shows them', () => {
  it('gives the weekday and the 24-hour time, in French and English', () => {
    expect(timeInZone('2026-12-03T07:54:00Z', 'Europe/Paris', 'fr')).toBe('jeu. 08:54');
    expect(timeInZone('2026-12-03T07:54:00Z', 'Europe/Paris', 'en')).toBe('Thu 08:54');
    expect(timeInZone('2026-12-03T19:05:00Z', 'America/New_York', 'en')).toBe('Thu 14:05');
  });

  it('writes a full date on the same clock', () => {
    expect(dateTimeInZone('2026-12-04T13:30:00Z', 'Europe/Paris', 'fr')).toBe('ven. 4 déc. 2026, 14:30');
    expect(dateTimeInZone('2026-12-04T13:30:00Z', 'Europe/Paris', 'en')).toBe('Fri, Dec 4, 2026, 14:30');
    expect(dateTimeInZone(null, 'Europe/Paris', 'en')).toBe('');
  });

  it('names the clock by its city, with French elision', () => {
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zoneLabel(translate(fr), 'Europe/Paris')).toBe('heure de Paris');
    expect(zoneLabel(translate(fr), 'Europe/Amsterdam')).toBe('heure d’Amsterdam');
    expect(zoneLabel(translate(en), 'America/New_York')).toBe('New York time');
    expect(zoneLabel(translate(fr), 'UTC')).toBe('UTC');
  });
});

describe('the days of a week', () => {
  it('names its Monday and its Sunday, the month and year once where they are shared', () => {
    // Spaces as a reader sees them (the browser puts thin ones around the dash).
    const days = (from: string, to: string, locale: string) => weekDays(from, to, locale).replace(/[\u2009\u202f\u00a0]/g, ' ');
    expect(days('2026-11-23T00:00:00.000Z', '2026-11-30T00:00:00.000Z', 'en')).toBe('November 23 – 29, 2026');
    expect(days('2026-11-23T00:00:00.000Z', '2026-11-30T00:00:00.000Z', 'fr')).toBe('23–29 novembre 2026');
    expect(days('2026-11-30T00:00:00.000Z', '2026-12-07T00:00:00.000Z', 'fr')).toBe('30 novembre – 6 décembre 2026');
    expect(days('2026-12-28T00:00:00.000Z', '2027-01-04T00:00:00.000Z', 'en')).toBe('December 28, 2026 – January 3, 2027');
  });
});
