import type { JobHandler } from './jobs/index.js';
import type { Store } from './store/database.js';
import type { Clock } from './shared/clock.js';
import { purgeJob } from './modules/housekeeping/jobs.js';

/** Every job type of every module; the worker role runs these. */
export function jobDefinitions(store: Store, clock: Clock): JobHandler[] {
  return [purgeJob(store, clock)];
}

/** Recurring duties the scheduler's leader turns into jobs. */
export const recurringTasks = [{ name: 'purge', everyMs: 3600_000, type: 'housekeeping.purge', payload: {} }];
