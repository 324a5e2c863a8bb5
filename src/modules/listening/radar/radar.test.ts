import { describe, expect, it } from 'vitest';
import { readState, type RadarState } from './cooldown.js';
import { evaluateRadar } from './radar.js';
import { MinuteSeries, type Counts } from './series.js';
import { DEFAULT_RADAR_SETTINGS, type RadarSettings } from './settings.js';

const MONDAY = Date.UTC(2024, 2, 4) / 60_000;
const DAY = 1440;

/** Two mentions a minute, one in ten negative, one in eight positive, for `days` days. */
function steadyTopic(days: number): MinuteSeries {
  const series = new MinuteSeries({ since: MONDAY });
  for (let t = 0; t < days * DAY; t++) series.add(MONDAY + t, usual(t));
  return series;
}

function usual(t: number): Counts {
  return { total: 2, negative: t % 5 === 0 ? 1 : 0, positive: t % 4 === 0 ? 1 : 0 };
}

/** Adds `extra` mentions a minute to the minutes from..to (offsets from MONDAY). */
function burst(series: MinuteSeries, from: number, to: number, extra: Counts): void {
  for (let t = from; t <= to; t++) series.add(MONDAY + t, extra);
}

const settings: RadarSettings = { ...DEFAULT_RADAR_SETTINGS };
const noon = (day: number) => day * DAY + 12 * 60;

describe('crisis radar', () => {
  it('says it is learning, and how much history it has and needs, instead of alerting', () => {
    const series = steadyTopic(2);
    burst(series, 2 * DAY, 2 * DAY + 30, { total: 20, negative: 15, positive: 0 });
    const v = evaluateRadar(series, MONDAY + 2 * DAY + 30, settings, null);
    expect(v.status).toBe('learning');
    expect(v.historyDays).toBeCloseTo(2, 1);
    expect(v.neededDays).toBe(3);
    expect(v.alerts).toEqual([]);
    expect(v.baseline.observed).toBe(300);
  });

  it('is calm on an ordinary noon', () => {
    const series = steadyTopic(10);
    const v = evaluateRadar(series, MONDAY + noon(9), settings, null);
    expect(v.status).toBe('calm');
    expect(v.signals).toEqual([]);
    expect(v.baseline).toMatchObject({ expected: 30, observed: 30, seasonality: 'daily' });
  });

  it('alerts on a volume spike with what it observed, expected and over which window', () => {
    const series = steadyTopic(10);
    const now = noon(9) + 14;
    series.add(MONDAY + now, { total: 40, negative: 8, positive: 10 });
    const v = evaluateRadar(series, MONDAY + now, settings, null);
    expect(v.status).toBe('alert');
    expect(v.alerts.map((a) => a.kind)).toEqual(['volume_spike']);
    expect(v.alerts[0]).toMatchObject({ observed: 70, expected: 30, windowStart: MONDAY + now - 14, windowEnd: MONDAY + now });
    expect(v.alerts[0].score).toBeGreaterThan(4.5);
  });

  it('holds one alert for a spike that lasts, and alerts again on a second wave after a lull and the cooldown', () => {
    const series = steadyTopic(10);
    const start = noon(9);
    // Longer than the cooldown: the level must come back near normal before the next alert.
    burst(series, start, start + 480, { total: 8, negative: 2, positive: 2 });
    const alerts: number[] = [];
    const statuses = new Set<string>();
    let state: RadarState | null = null;
    const watch = (from: number, to: number) => {
      for (let t = from; t <= to; t++) {
        const v = evaluateRadar(series, MONDAY + t, settings, state);
        state = JSON.parse(JSON.stringify(v.state));
        if (v.alerts.some((a) => a.kind === 'volume_spike')) alerts.push(t - start);
        statuses.add(v.status);
      }
    };
    watch(start - 60, start + 540);
    expect(alerts).toHaveLength(1);
    expect(statuses).toContain('elevated');
    burst(series, start + 600, start + 700, { total: 8, negative: 2, positive: 2 });
    watch(start + 541, start + 700);
    expect(alerts).toHaveLength(2);
    expect(alerts[1]).toBeGreaterThanOrEqual(600);
  });

  it('does not alert again within the cooldown, even after the level came back to normal', () => {
    const series = steadyTopic(10);
    const start = noon(9);
    burst(series, start, start + 30, { total: 8, negative: 2, positive: 2 });
    burst(series, start + 120, start + 150, { total: 8, negative: 2, positive: 2 });
    let state: RadarState | null = null;
    let count = 0;
    for (let t = start; t <= start + 150; t++) {
      const v = evaluateRadar(series, MONDAY + t, settings, state);
      state = v.state;
      count += v.alerts.filter((a) => a.kind === 'volume_spike').length;
    }
    expect(count).toBe(1);
    const shortCooldown = { ...settings, cooldownMinutes: 60 };
    state = null;
    count = 0;
    for (let t = start; t <= start + 150; t++) {
      const v = evaluateRadar(series, MONDAY + t, shortCooldown, state);
      state = v.state;
      count += v.alerts.filter((a) => a.kind === 'volume_spike').length;
    }
    expect(count).toBe(2);
  });

  it('does not alert a silent topic on two mentions, nor on fewer than the minimum', () => {
    const series = new MinuteSeries({ since: MONDAY });
    const now = MONDAY + 10 * DAY;
    series.add(now, { total: 2, negative: 2, positive: 0 });
    expect(evaluateRadar(series, now, settings, null).status).toBe('calm');
    series.add(now, { total: 7, negative: 0, positive: 0 });
    expect(evaluateRadar(series, now, settings, null).alerts).toEqual([]);
    series.add(now, { total: 4, negative: 0, positive: 0 });
    expect(evaluateRadar(series, now, settings, null).alerts.map((a) => a.kind)).toEqual(['volume_spike']);
    expect(evaluateRadar(series, now, { ...settings, minMentions: 20 }, null).alerts).toEqual([]);
  });

  it('alerts on a sentiment drop at the usual volume', () => {
    const series = new MinuteSeries({ since: MONDAY });
    for (let t = 0; t < 10 * DAY; t++) {
      const angry = t >= noon(9) - 29 && t <= noon(9);
      series.add(MONDAY + t, angry ? { total: 2, negative: 1, positive: 0 } : usual(t));
    }
    const v = evaluateRadar(series, MONDAY + noon(9), settings, null);
    expect(v.alerts.map((a) => a.kind)).toEqual(['sentiment_drop']);
    expect(v.alerts[0].observed).toBeCloseTo(0.5, 5);
    expect(v.alerts[0].expected).toBeCloseTo(0.1, 2);
  });

  it('reads a rise carried by praise as an opportunity, not a crisis', () => {
    const series = steadyTopic(10);
    const now = noon(9) + 14;
    burst(series, noon(9), now, { total: 3, negative: 0, positive: 3 });
    const v = evaluateRadar(series, MONDAY + now, settings, null);
    expect(v.alerts.map((a) => a.kind)).toEqual(['positive_surge']);
    expect(v.signals.map((s) => s.kind)).toContain('volume_spike');
  });

  it('sees no opportunity in the praise a bad buzz also brings', () => {
    const series = steadyTopic(10);
    const now = noon(9) + 14;
    // Eight times the usual positive mentions, but a smaller share of a conversation turned angry.
    burst(series, noon(9), now, { total: 20, negative: 18, positive: 2 });
    const v = evaluateRadar(series, MONDAY + now, settings, null);
    expect(v.alerts.map((a) => a.kind).sort()).toEqual(['sentiment_drop', 'volume_spike']);
    expect(v.signals.map((s) => s.kind)).not.toContain('positive_surge');
  });

  it('reads back a stored state, and a damaged one as no memory', () => {
    const fresh = readState(null);
    expect(fresh.kinds.volume_spike).toEqual({ lastAlertMinute: null, backToNormal: true });
    const damaged = readState({ kinds: { volume_spike: { lastAlertMinute: 'soon' } } } as unknown as RadarState);
    expect(damaged.kinds.volume_spike.lastAlertMinute).toBeNull();
    expect(damaged.kinds.positive_surge.lastAlertMinute).toBeNull();
  });
});
