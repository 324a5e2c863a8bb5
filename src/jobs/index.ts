export {
  defineJob,
  createJobRegistry,
  defaultBackoffMs,
  PermanentJobError,
  RetryLaterError,
  type JobContext,
  type JobDefinition,
  type JobHandler,
  type JobOptions,
  type JobRegistry,
} from './define.js';
export { JOB_STATUSES, type Job, type JobProgress, type JobStatus } from './job.js';
export { createJobQueue, type EnqueueItem, type EnqueueOptions, type Enqueued, type JobQueue } from './queue.js';
export { createJobRunner, SQLITE_OWNER_LEASE, type JobRunner, type RunnerOptions, type RunnerStatus } from './runner.js';
export type { JobLog } from './execute.js';
export { createScheduler, SCHEDULER_LEASE, type ScheduledTask, type Scheduler, type SchedulerOptions } from './scheduler.js';
