import { describe, expect, it } from 'vitest';
import { MinuteSeries } from './series.js';

const T0 = 28_500_000;

describe('per-minute series', () => {
  it('sums any window, across blocks and with late arrivals, as a plain count would', () => {
    const series = new MinuteSeries();
    const plain = new Map<number, number>();
    // A fixed but irregular spread of mentions over a day, added out of order.
    for (let i = 0; i < 3000; i++) {
      const minute = T0 + ((i * 7919) % 1440);
      const total = 1 + (i % 4);
      series.add(minute, { total, negative: i % 2, positive: 0 });
      plain.set(minute, (plain.get(minute) ?? 0) + total);
    }
    for (const [from, to] of [[T0, T0], [T0 + 60, T0 + 70], [T0 + 63, T0 + 64], [T0 - 100, T0 + 2000], [T0 + 500, T0 + 499]]) {
      let expected = 0;
      for (let m = from; m <= to; m++) expected += plain.get(m) ?? 0;
      expect(series.sum(from, to).total).toBe(expected);
    }
    expect(series.get(T0 + 5000)).toEqual({ minute: T0 + 5000, total: 0, negative: 0, positive: 0 });
  });

  it('keeps negative and positive mentions apart from the total', () => {
    const series = new MinuteSeries();
    series.add(T0, { total: 5, negative: 2, positive: 1 });
    series.add(T0, { total: 3, negative: 0, positive: 3 });
    expect(series.get(T0)).toEqual({ minute: T0, total: 8, negative: 2, positive: 4 });
  });

  it('forgets minutes older than its retention, and ignores late mentions for them', () => {
    const series = new MinuteSeries({ retentionMinutes: 1440 });
    series.add(T0, { total: 4, negative: 0, positive: 0 });
    series.add(T0 + 3 * 1440, { total: 1, negative: 0, positive: 0 });
    series.add(T0 + 1, { total: 9, negative: 0, positive: 0 });
    expect(series.sum(T0 - 10, T0 + 10).total).toBe(0);
    expect(series.sum(T0, T0 + 3 * 1440).total).toBe(1);
  });

  it('knows when listening began: the start given, else the first mention', () => {
    expect(new MinuteSeries({ since: T0 }).earliest).toBe(T0);
    const series = new MinuteSeries();
    expect(series.earliest).toBeNull();
    series.add(T0 + 10, { total: 1, negative: 0, positive: 0 });
    series.add(T0 + 2, { total: 1, negative: 0, positive: 0 });
    expect(series.earliest).toBe(T0 + 2);
  });

  it('refuses counts that cannot be', () => {
    const series = new MinuteSeries();
    expect(() => series.add(T0, { total: -1, negative: 0, positive: 0 })).toThrow(RangeError);
    expect(() => series.add(T0, { total: 1.5, negative: 0, positive: 0 })).toThrow(RangeError);
    expect(() => series.add(T0, { total: 2, negative: 2, positive: 1 })).toThrow(RangeError);
    expect(() => series.add(T0 + 0.5, { total: 1, negative: 0, positive: 0 })).toThrow(RangeError);
    expect(series.sum(T0 - 5, T0 + 5).total).toBe(0);
  });
});
