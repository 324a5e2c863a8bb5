import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { dashboardRange, presetRange } from './period.js';

const zone = 'Europe/Paris';
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
const local = (iso: string) => DateTime.fromISO(iso).setZone(zone).toISO({ suppressMilliseconds: true });

describe('the dashboard’s periods', () => {
  it('reads the running month and quarter up to today, never the days to come', () => {
    const now = at('2026-12-06T15:30');
    const month = dashboardRange('this_month', zone, now);
    expect(local(month.from)).toBe('2026-12-01T00:00:00+01:00');
    expect(local(month.to)).toBe('2026-12-07T00:00:00+01:00');
    const quarter = dashboardRange('this_quarter', zone, now);
    expect(local(quarter.from)).toBe('2026-10-01T00:00:00+02:00');
    expect(local(quarter.to)).toBe('2026-12-07T00:00:00+01:00');
  });

  it('keeps finished periods and chosen days whole, and objectives the whole running month', () => {
    const now = at('2026-12-06T15:30');
    expect(dashboardRange('last_month', zone, now)).toEqual(presetRange('last_month', zone, now));
    const custom = { from: '2026-12-01', to: '2026-12-31' };
    expect(local(dashboardRange('custom', zone, now, custom).to)).toBe('2027-01-01T00:00:00+01:00');
    expect(local(presetRange('this_month', zone, now).to)).toBe('2027-01-01T00:00:00+01:00');
  });

  it('reads the last day of a month whole', () => {
    const now = at('2026-12-31T23:00');
    expect(local(dashboardRange('this_month', zone, now).to)).toBe('2027-01-01T00:00:00+01:00');
  });
});
