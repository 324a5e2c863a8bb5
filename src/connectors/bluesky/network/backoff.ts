export { pause } from '../../../shared/pause.js';
import type { BackoffLimits } from './types.js';

/**
 * The pause before reconnect number `attempt` (0-based): doubling up to the cap, each drawn between half and all of
 * it, so that many listeners cut off at once do not come back at the same moment.
 */
export function backoffDelay(attempt: number, limits: BackoffLimits, random: () => number = Math.random): number {
  const full = Math.min(limits.maxMs, limits.minMs * 2 ** Math.min(attempt, 30));
  return Math.round(full / 2 + (full / 2) * random());
}


/** Waits for `p` at most `ms`; what it settles to does not matter. */
export function settleWithin(p: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    p.catch(() => undefined).finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
