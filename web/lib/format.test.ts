import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json' with { type: 'json' };
import fr from '../i18n/fr.json' with { type: 'json' };
import { dateTimeInZone, timeInZone, zoneCity, zoneLabel } from './format.js';

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
