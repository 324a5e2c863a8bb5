/** How a period is cut into the whole local days (and months) the rollups answer and the parts of days the rows answer. */
import { describe, expect, it } from 'vitest';
import { periodParts } from '../../../src/modules/analytics/rollups/days.js';
import { monthsAndDays } from '../../../src/modules/analytics/post-sums.js';
import { zoneOf } from '../../../src/modules/analytics/time.js';

const t = (iso: string) => Date.parse(iso);
const PARIS = zoneOf('Europe/Paris');

describe('a period’s whole days and parts of days', () => {
  it('is all whole days from local midnight to local midnight, across a change of clocks', () => {
    // March 2026 in Paris: 31 days, the 29th has 23 hours.
    expect(periodParts({ start: t('2026-02-28T23:00:00Z'), end: t('2026-03-31T22:00:00Z') }, PARIS))
      .toEqual({ days: { first: '2026-03-01', last: '2026-03-31' }, edges: [] });
  });

  it('reads the hours before the first midnight and after the last one from the rows, each within its day', () => {
    const parts = periodParts({ start: t('2026-01-05T10:00:00Z'), end: t('2026-01-08T15:30:00Z') }, PARIS);
    expect(parts.days).toEqual({ first: '2026-01-06', last: '2026-01-07' });
    expect(parts.edges).toEqual([
      { start: t('2026-01-05T10:00:00Z'), end: t('2026-01-05T23:00:00Z'), day: '2026-01-05' },
      { start: t('2026-01-07T23:00:00Z'), end: t('2026-01-08T15:30:00Z'), day: '2026-01-08' },
    ]);
  });

  it('has no whole day in a period shorter than a day, split at the midnight inside it', () => {
    expect(periodParts({ start: t('2026-01-05T20:00:00Z'), end: t('2026-01-06T05:00:00Z') }, PARIS)).toEqual({ days: null, edges: [
      { start: t('2026-01-05T20:00:00Z'), end: t('2026-01-05T23:00:00Z'), day: '2026-01-05' },
      { start: t('2026-01-05T23:00:00Z'), end: t('2026-01-06T05:00:00Z'), day: '2026-01-06' },
    ] });
    expect(periodParts({ start: t('2026-01-05T10:00:00Z'), end: t('2026-01-05T11:00:00Z') }, PARIS))
      .toEqual({ days: null, edges: [{ start: t('2026-01-05T10:00:00Z'), end: t('2026-01-05T11:00:00Z'), day: '2026-01-05' }] });
  });

  it('starts a day where the clocks skip midnight: Santiago’s 7 September 2025 begins at 01:00', () => {
    const santiago = zoneOf('America/Santiago');
    expect(periodParts({ start: t('2025-09-07T04:00:00Z'), end: t('2025-09-08T03:00:00Z') }, santiago))
      .toEqual({ days: { first: '2025-09-07', last: '2025-09-07' }, edges: [] });
  });
});

describe('whole days as months and days', () => {
  it('reads whole months from the monthly rows and the days around them from the daily ones', () => {
    expect(monthsAndDays('2026-01-01', '2026-01-31')).toEqual({ months: ['2026-01', '2026-01'], days: [] });
    expect(monthsAndDays('2025-02-10', '2026-02-09')).toEqual({ months: ['2025-03', '2026-01'], days: [['2025-02-10', '2025-02-28'], ['2026-02-01', '2026-02-09']] });
    expect(monthsAndDays('2024-02-01', '2024-02-29')).toEqual({ months: ['2024-02', '2024-02'], days: [] });
  });

  it('reads days alone when no month is whole', () => {
    expect(monthsAndDays('2026-01-02', '2026-01-31')).toEqual({ months: null, days: [['2026-01-02', '2026-01-31']] });
    expect(monthsAndDays('2024-02-01', '2024-02-28')).toEqual({ months: null, days: [['2024-02-01', '2024-02-28']] });
  });
});
