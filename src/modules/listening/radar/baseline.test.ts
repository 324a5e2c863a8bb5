import { describe, expect, it } from 'vitest';
import { SPREAD_FLOOR, seasonalBaseline } from './baseline.js';
import { MinuteSeries, type Counts } from './series.js';

/** Monday 4 March 2024, 00:00 UTC, in epoch minutes. */
const MONDAY = Date.UTC(2024, 2, 4) / 60_000;
const DAY = 1440;

/** A topic listened to for `days` days, each minute's counts given by the day and the minute of the day. */
function topic(days: number, counts: (day: number, minuteOfDay: number) => Counts): MinuteSeries {
  const series = new MinuteSeries({ since: MONDAY });
  for (let d = 0; d < days; d++) {
    for (let m = 0; m < DAY; m++) {
      const c = counts(d, m);
      if (c.total > 0) series.add(MONDAY + d * DAY + m, c);
    }
  }
  return series;
}

const weekend = (day: number) => day % 7 >= 5;
/** Weekends are four times as busy as weekdays; one mention in five is negative. */
const busyWeekends = (day: number, m: number): Counts => {
  const total = weekend(day) ? 4 : 1;
  return { total, negative: m % 5 === 0 ? 1 : 0, positive: 0 };
};

describe('seasonal baseline', () => {
  it('compares a Saturday with past Saturdays once there are three weeks of history', () => {
    const series = topic(35, busyWeekends);
    const saturdayNoon = MONDAY + 33 * DAY + 12 * 60;
    const b = seasonalBaseline(series, saturdayNoon, 15, MONDAY)!;
    expect(b.seasonality).toBe('weekday');
    expect(b.total.expected).toBe(60);
    expect(b.samples).toBe(20);
  });

  it('falls back to the daily pattern with less history, where most past days are weekdays', () => {
    const series = topic(13, busyWeekends);
    const saturdayNoon = MONDAY + 12 * DAY + 12 * 60;
    const b = seasonalBaseline(series, saturdayNoon, 15, MONDAY)!;
    expect(b.seasonality).toBe('daily');
    expect(b.total.expected).toBe(15);
  });

  it('follows the time of day: a busy evening is expected in the evening, not at night', () => {
    const evenings = (_d: number, m: number): Counts => ({ total: m >= 19 * 60 && m < 22 * 60 ? 3 : 0, negative: 0, positive: 0 });
    const series = topic(7, evenings);
    expect(seasonalBaseline(series, MONDAY + 6 * DAY + 20 * 60, 15, MONDAY)!.total.expected).toBe(45);
    expect(seasonalBaseline(series, MONDAY + 6 * DAY + 3 * 60, 15, MONDAY)!.total.expected).toBe(0);
  });

  it('is not moved by one past crisis at the same time', () => {
    const crisisThursday = 17;
    const series = topic(28, (d, m) =>
      d === crisisThursday && m >= 11 * 60 && m < 14 * 60 ? { total: 20, negative: 18, positive: 0 } : busyWeekends(d, m),
    );
    const thursdayNoon = MONDAY + 24 * DAY + 12 * 60;
    const b = seasonalBaseline(series, thursdayNoon, 15, MONDAY)!;
    expect(b.total.expected).toBe(15);
    expect(b.negativeShare).toBeCloseTo(0.2, 2);
  });

  it('never trusts a spread below the Poisson spread, nor below the floor for a silent topic', () => {
    const steady = topic(7, () => ({ total: 4, negative: 0, positive: 0 }));
    const b = seasonalBaseline(steady, MONDAY + 6 * DAY + 600, 15, MONDAY)!;
    expect(b.total.expected).toBe(60);
    expect(b.total.spread).toBeCloseTo(Math.sqrt(60), 6);
    const silent = topic(7, () => ({ total: 0, negative: 0, positive: 0 }));
    const quiet = seasonalBaseline(silent, MONDAY + 6 * DAY + 600, 15, MONDAY)!;
    expect(quiet.total).toEqual({ expected: 0, spread: SPREAD_FLOOR });
    expect(quiet.negativeShare).toBeNull();
  });

  it('widens the spread when past days disagree', () => {
    const uneven = topic(14, (d) => ({ total: 1 + (d % 3), negative: 0, positive: 0 }));
    const b = seasonalBaseline(uneven, MONDAY + 13 * DAY + 600, 15, MONDAY)!;
    expect(b.total.spread).toBeGreaterThan(Math.sqrt(b.total.expected) * 2);
  });

  it('has nothing to say before a first full day', () => {
    const series = topic(1, busyWeekends);
    expect(seasonalBaseline(series, MONDAY + 600, 15, MONDAY)).toBeNull();
  });
});
