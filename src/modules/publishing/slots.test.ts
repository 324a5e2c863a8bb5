import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { nextFreeSlot } from './slots.js';

const paris = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Paris' }).toMillis();

describe('queue slots', () => {
  const slots = [
    { weekday: 1, minute: 9 * 60 + 30 }, // Tuesday 09:30
    { weekday: 3, minute: 18 * 60 }, // Thursday 18:00
  ];

  it('finds the next slot in the account time zone', () => {
    // Monday 2026-11-30 12:00 in Paris → Tuesday 09:30 Paris.
    expect(nextFreeSlot(slots, 'Europe/Paris', paris('2026-11-30T12:00'), new Set())).toBe(paris('2026-12-01T09:30'));
  });

  it('skips slots that posts already take, and those in the past', () => {
    const taken = new Set([paris('2026-12-01T09:30')]);
    expect(nextFreeSlot(slots, 'Europe/Paris', paris('2026-11-30T12:00'), taken)).toBe(paris('2026-12-03T18:00'));
    expect(nextFreeSlot(slots, 'Europe/Paris', paris('2026-12-01T09:30'), new Set())).toBe(paris('2026-12-03T18:00'));
  });

  it('keeps wall-clock times across a daylight-saving change', () => {
    // Paris leaves summer time on Sunday 2026-10-25; Tuesday 09:30 is 08:30 UTC after, 07:30 UTC before.
    const before = nextFreeSlot(slots, 'Europe/Paris', paris('2026-10-19T00:00'), new Set())!;
    const after = nextFreeSlot(slots, 'Europe/Paris', paris('2026-10-26T00:00'), new Set())!;
    expect(new Date(before).toISOString()).toBe('2026-10-20T07:30:00.000Z');
    expect(new Date(after).toISOString()).toBe('2026-10-27T08:30:00.000Z');
  });

  it('differs by market: the same slot in Montreal is six hours later', () => {
    const montreal = nextFreeSlot(slots, 'America/Toronto', paris('2026-11-30T12:00'), new Set())!;
    expect(DateTime.fromMillis(montreal, { zone: 'America/Toronto' }).toFormat('ccc HH:mm')).toBe('Tue 09:30');
  });

  it('answers null without slots', () => {
    expect(nextFreeSlot([], 'UTC', 0, new Set())).toBeNull();
  });
});
