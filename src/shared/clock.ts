/** Time, injected so that scheduling code and its tests agree on "now". */
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };
