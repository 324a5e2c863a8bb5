import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { currentName, formatOffset, searchZones, timeIn, zoneChoices } from './timezones.js';

// A winter instant: Paris is at UTC+01:00, New York at UTC−05:00.
const winter = DateTime.fromISO('2025-01-15T12:00:00Z').toMillis();
const summer = DateTime.fromISO('2025-07-15T12:00:00Z').toMillis();

describe('time zone choices', () => {
  it('tells the time there on the 24-hour clock in both languages', () => {
    expect(timeIn('Asia/Kolkata', 'en', winter)).toBe('17:30');
    expect(timeIn('Asia/Kolkata', 'fr', winter)).toBe('17:30');
    expect(timeIn('America/New_York', 'en', winter)).toBe('07:00');
  });

  const choices = zoneChoices(winter);
  const ids = choices.map((c) => c.id);

  it('lists zones under their current names, once each', () => {
    expect(ids).toContain('Asia/Kolkata');
    expect(ids).toContain('Europe/Kyiv');
    expect(ids).not.toContain('Asia/Calcutta');
    expect(ids).not.toContain('Europe/Kiev');
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('UTC');
    expect(currentName('Europe/Kiev')).toBe('Europe/Kyiv');
  });

  it('gives each its offset now, daylight-saving time included, and sorts by it', () => {
    const paris = (at: number) => zoneChoices(at).find((c) => c.id === 'Europe/Paris')!.offset;
    expect(paris(winter)).toBe('UTC+01:00');
    expect(paris(summer)).toBe('UTC+02:00');
    expect(choices.find((c) => c.id === 'Asia/Kolkata')!.offset).toBe('UTC+05:30');
    expect(choices.find((c) => c.id === 'America/New_York')!.offset).toBe('UTC\u221205:00');
    const offsets = choices.map((c) => c.offsetMinutes);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(formatOffset(0)).toBe('UTC');
  });

  it('finds a zone by city, old name, words with spaces, or offset', () => {
    const first = (q: string) => searchZones(choices, q)[0]?.id;
    expect(first('Kolkata')).toBe('Asia/Kolkata');
    expect(first('calcutta')).toBe('Asia/Kolkata');
    expect(first('kiev')).toBe('Europe/Kyiv');
    expect(first('new york')).toBe('America/New_York');
    expect(first('são paulo')).toBe('America/Sao_Paulo');
    expect(searchZones(choices, '+5:30').map((c) => c.id)).toContain('Asia/Kolkata');
    expect(searchZones(choices, 'utc-5').map((c) => c.id)).toContain('America/New_York');
    expect(searchZones(choices, 'Mars')).toEqual([]);
  });

  it('keeps a saved zone the browser does not list', () => {
    expect(zoneChoices(winter, ['America/Montreal']).map((c) => c.id)).toContain('America/Montreal');
  });
});
