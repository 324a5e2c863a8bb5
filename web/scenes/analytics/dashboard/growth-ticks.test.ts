import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { growthTicks } from './growth-ticks.js';

const zone = 'Europe/Paris';
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();

describe('the axis of a post’s curve', () => {
  it('marks each day once, at midnight of the zone, when the readings span several days', () => {
    const axis = growthTicks(at('2026-11-30T21:00'), at('2026-12-03T20:00'), zone, 'fr');
    const labels = axis.ticks!.map((t) => axis.format.format(new Date(t)));
    expect(labels).toEqual(['1 déc.', '2 déc.', '3 déc.']);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('gives the hours when the readings span a day or so', () => {
    const axis = growthTicks(at('2026-12-01T08:00'), at('2026-12-02T09:00'), zone, 'en');
    expect(axis.ticks).toBeUndefined();
    expect(axis.format.format(new Date(at('2026-12-01T14:00')))).toMatch(/Dec.*14:00/);
  });
});
