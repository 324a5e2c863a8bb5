/** The crisis radar: pure detection over per-minute counts of a topic; storing and notifying live elsewhere. */
export { evaluateRadar, type RadarVerdict } from './radar.js';
export { MinuteSeries, type MinuteCount, type Counts } from './series.js';
export {
  DEFAULT_RADAR_SETTINGS,
  SENSITIVITY_LEVELS,
  type RadarSettings,
  type Sensitivity,
  type SensitivityLevel,
} from './settings.js';
export type { RadarSignal, SignalKind } from './signals.js';
export type { RadarState } from './cooldown.js';
export { LEARNING_DAYS } from './baseline.js';
export { countTerms, risingTerms, type RisingTerm } from './rising-terms.js';
