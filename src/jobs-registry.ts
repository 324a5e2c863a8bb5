import type { JobHandler } from './jobs/index.js';
import type { AppContext } from './context.js';
import { purgeJob, HOUSEKEEPING_PURGE } from './modules/housekeeping/jobs.js';
import { postPublishJob } from './modules/publishing/publish-jobs.js';
import { sweepJob, PUBLISHING_SWEEP } from './modules/publishing/sweep.js';
import { notificationEmailJob } from './modules/notifications/mail-job.js';
import { notificationsPurgeJob } from './modules/notifications/purge.js';
import { NOTIFICATIONS_PURGE } from './modules/notifications/job-names.js';

/** Every job type of every module; the worker role runs these. */
export function jobDefinitions(ctx: AppContext): JobHandler[] {
  return [purgeJob(ctx.store, ctx.clock), postPublishJob(ctx), sweepJob(ctx), notificationEmailJob(ctx), notificationsPurgeJob(ctx)];
}

/** Recurring duties the scheduler's leader turns into jobs. */
export const recurringTasks = [
  { name: 'purge', everyMs: 3600_000, type: HOUSEKEEPING_PURGE, payload: {} },
  // Catches scheduled posts whose job was never queued (a crash between commit and enqueue).
  { name: 'publishing-sweep', everyMs: 60_000, type: PUBLISHING_SWEEP, payload: {} },
  { name: 'notifications-purge', everyMs: 86400_000, type: NOTIFICATIONS_PURGE, payload: {} },
];
