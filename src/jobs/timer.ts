import type { Clock } from '../shared/clock.js';

/** One timer aimed at the earliest time asked for; a later request never pushes it back. */
export function createWakeTimer(clock: Clock, fire: () => void) {
  let handle: NodeJS.Timeout | null = null;
  let at = Infinity;
  return {
    armAt(time: number): void {
      if (!Number.isFinite(time) || (handle && at <= time)) return;
      if (handle) clearTimeout(handle);
      at = time;
      // Node caps timers near 24.8 days; the safety poll re-arms long before that matters.
      handle = setTimeout(() => {
        handle = null;
        at = Infinity;
        fire();
      }, Math.min(Math.max(0, time - clock.now()), 2 ** 31 - 1));
    },
    clear(): void {
      if (handle) clearTimeout(handle);
      handle = null;
      at = Infinity;
    },
  };
}
