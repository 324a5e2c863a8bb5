import { SIGNAL_KINDS, type SignalKind } from './signals.js';

export interface KindMemory {
  /** When this kind last alerted (epoch minute), or null if never. */
  lastAlertMinute: number | null;
  /** Whether the level went back near normal since that alert (or since a rise that did not alert). */
  backToNormal: boolean;
}

/** What the radar remembers between evaluations of one topic; plain JSON, to be stored with the topic. */
export interface RadarState {
  kinds: Record<SignalKind, KindMemory>;
}

/**
 * A stored state read back: kinds it lacks (a state saved before a kind existed) start afresh, and a field of the
 * wrong type is treated as never set.
 */
export function readState(state: RadarState | null): RadarState {
  const kinds = {} as Record<SignalKind, KindMemory>;
  for (const kind of SIGNAL_KINDS) {
    const m = state?.kinds?.[kind];
    const last = m?.lastAlertMinute;
    kinds[kind] = {
      lastAlertMinute: typeof last === 'number' && Number.isFinite(last) ? last : null,
      backToNormal: m?.backToNormal !== false,
    };
  }
  return { kinds };
}

/**
 * A kind may alert again once the cooldown has passed and its level went back near normal at least once since its
 * last alert: a bad buzz that lasts all afternoon is one alert, and a second wave after a lull is another.
 */
export function mayAlert(memory: KindMemory, now: number, cooldownMinutes: number): boolean {
  if (!memory.backToNormal) return false;
  return memory.lastAlertMinute === null || now - memory.lastAlertMinute >= cooldownMinutes;
}
