import { LEARNING_DAYS, seasonalBaseline, type SeasonalBaseline } from './baseline.js';
import { mayAlert, readState, type RadarState } from './cooldown.js';
import { MINUTES_PER_DAY, type MinuteSeries } from './series.js';
import { MAX_WINDOW_MINUTES, type RadarSettings } from './settings.js';
import { readSignals, SIGNAL_KINDS, type RadarSignal, type Reading } from './signals.js';

export interface RadarVerdict {
  /**
   * learning: too little history to judge, never alerts; alert: at least one new alert now; elevated: something is
   * unusual but already alerted (cooling down) or read as an opportunity rather than a crisis; calm otherwise.
   */
  status: 'learning' | 'calm' | 'elevated' | 'alert';
  historyDays: number;
  neededDays: number;
  /** What is unusual now at the topic's sensitivity, alerted or not. */
  signals: RadarSignal[];
  /** The signals that should raise an alert now. */
  alerts: RadarSignal[];
  /** To store with the topic and pass to the next evaluation. */
  state: RadarState;
  /** The window's volume against its seasonal baseline, for the chart; zeros while nothing is known. */
  baseline: { expected: number; spread: number; observed: number; seasonality: SeasonalBaseline['seasonality'] | null };
}

/**
 * Judges the window of `settings.windowMinutes` minutes that ends at `nowMinute` (included). Pure and cheap: about a
 * hundred window sums over the series' running sums, and three small sorts.
 *
 * A rise carried by positive mentions is an opportunity, not a crisis: while the extra positive mentions make at
 * least half of the extra volume, the volume spike stays a signal without an alert, and the positive surge is what
 * alerts. The volume spike can alert again once the level has settled; if the mood turns meanwhile, the sentiment
 * drop is what tells.
 */
export function evaluateRadar(
  series: MinuteSeries,
  nowMinute: number,
  settings: RadarSettings,
  state: RadarState | null,
): RadarVerdict {
  const memory = readState(state);
  const windowMinutes = Math.min(Math.max(Math.round(settings.windowMinutes), 1), MAX_WINDOW_MINUTES);
  const window = { start: nowMinute - windowMinutes + 1, end: nowMinute };
  const observed = series.sum(window.start, window.end);
  const since = series.earliest ?? nowMinute + 1;
  const history = Math.max(0, nowMinute - since + 1);
  const historyDays = Math.floor((history / MINUTES_PER_DAY) * 10) / 10;
  const base = history > 0 ? seasonalBaseline(series, nowMinute, windowMinutes, since) : null;
  const baseline = {
    expected: base?.total.expected ?? 0,
    spread: base?.total.spread ?? 0,
    observed: observed.total,
    seasonality: base?.seasonality ?? null,
  };
  const verdict = { historyDays, neededDays: LEARNING_DAYS, baseline };
  if (!base || history < LEARNING_DAYS * MINUTES_PER_DAY) {
    return { ...verdict, status: 'learning', signals: [], alerts: [], state: memory };
  }

  const readings = readSignals(base, observed, window, settings);
  const firing = readings.filter((r) => r.firing);
  const praise = readings.find((r) => r.signal.kind === 'positive_surge');
  const volume = readings.find((r) => r.signal.kind === 'volume_spike');
  const carriedByPraise = praise !== undefined && volume !== undefined && carries(praise, volume);

  const alerts: RadarSignal[] = [];
  for (const kind of SIGNAL_KINDS) {
    const reading = readings.find((r) => r.signal.kind === kind);
    const m = memory.kinds[kind];
    // A measure that cannot be taken (too few mentions for a share) is a calm one.
    if (!reading || reading.nearNormal) m.backToNormal = true;
    if (!reading?.firing) continue;
    if (kind === 'volume_spike' && carriedByPraise) {
      // The rise is already explained; its tail must not read as a new spike before the level settles.
      m.backToNormal = false;
      continue;
    }
    if (!mayAlert(m, nowMinute, settings.cooldownMinutes)) continue;
    alerts.push(reading.signal);
    m.lastAlertMinute = nowMinute;
    m.backToNormal = false;
  }
  const signals = firing.map((r) => r.signal);
  const status = alerts.length > 0 ? 'alert' : signals.length > 0 ? 'elevated' : 'calm';
  return { ...verdict, status, signals, alerts, state: memory };
}

function carries(positive: Reading, volume: Reading): boolean {
  const extraPositive = positive.signal.observed - positive.signal.expected;
  const extraVolume = volume.signal.observed - volume.signal.expected;
  return extraPositive >= extraVolume / 2;
}
