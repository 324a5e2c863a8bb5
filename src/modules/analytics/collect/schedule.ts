/**
 * When to read a post's counts again. A post gathers most of its engagement in its first hours, then almost
 * nothing: it is read often while young and rarely once old, so that 200,000 posts cost a few thousand calls an
 * hour, not millions.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface CollectStep {
  /** The step applies while the post is younger than this. */
  untilAge: number;
  /** Read every… */
  every: number;
  /** A snapshot whose counts did not change is still written when the last one is older than this. */
  keepEvery: number;
}

export const COLLECT_STEPS: readonly CollectStep[] = [
  { untilAge: 6 * HOUR, every: 15 * MINUTE, keepEvery: HOUR },
  { untilAge: 48 * HOUR, every: HOUR, keepEvery: 6 * HOUR },
  { untilAge: 7 * DAY, every: 6 * HOUR, keepEvery: DAY },
  { untilAge: 30 * DAY, every: DAY, keepEvery: 7 * DAY },
  { untilAge: 90 * DAY, every: 7 * DAY, keepEvery: 30 * DAY },
  { untilAge: Infinity, every: 30 * DAY, keepEvery: 90 * DAY },
];

/** The step for a post of this age (a post dated in the future counts as just published). */
export function collectStep(ageMs: number): CollectStep {
  const age = Math.max(0, ageMs);
  return COLLECT_STEPS.find((s) => age < s.untilAge) ?? COLLECT_STEPS[COLLECT_STEPS.length - 1];
}

/** The next read after one at `collectedAt`: never sooner than the interval of the post's age then. */
export function nextCollectAt(publishedAt: number, collectedAt: number): number {
  return collectedAt + collectStep(collectedAt - publishedAt).every;
}

/**
 * Whether a reading becomes a snapshot: always when a count moved, else only when the last snapshot is older
 * than the step's ceiling (so a quiet post still shows on a growth curve, without a row per read).
 */
export function keepsSnapshot(opts: { changed: boolean; publishedAt: number; takenAt: number; lastSnapshotAt: number | null }): boolean {
  if (opts.changed || opts.lastSnapshotAt === null) return true;
  return opts.takenAt - opts.lastSnapshotAt >= collectStep(opts.takenAt - opts.publishedAt).keepEvery;
}
