/**
 * Durable jobs in the store's own database. A module defines its jobs and names their types as constants:
 *   export const POST_PUBLISH = 'post.publish';
 *   export const publishJob = defineJob({ type: POST_PUBLISH, version: 1, schema, run: async (payload, ctx) => … });
 * enqueues them with `queue.enqueue(publishJob, payload, { idempotencyKey, runAt, workspaceId })`, and the worker
 * role runs `createJobRunner(store, createJobRegistry([...every module's jobs]))`. Every runner must know every
 * type: a runner fails the jobs it cannot recognise. Delivery is at least once; a job's effect must be idempotent.
 */
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
export { createJobQueue, type EnqueueItem, type EnqueueOptions, type Enqueued, type InTransaction, type JobQueue } from './queue.js';
export { createJobRunner, SQLITE_OWNER_LEASE, type JobRunner, type RunnerOptions, type RunnerStatus } from './runner.js';
export type { JobLog } from './execute.js';
export { createBatcher, type Batcher } from './batcher.js';
export { createScheduler, SCHEDULER_LEASE, type ScheduledTask, type Scheduler, type SchedulerOptions } from './scheduler.js';
