import type { JobHandler } from '../../jobs/index.js';
import type { AppContext } from '../../context.js';
import { analyticsBackfillJob, analyticsCollectDueJob, analyticsCollectJob, analyticsCollectTask } from './collect/index.js';
import { objectivesCheckJob, objectivesCheckTask } from './objectives/check-job.js';

/** Analytics' job types: collecting figures, checking objectives. */
export function analyticsJobs(ctx: AppContext): JobHandler[] {
  return [analyticsCollectJob(ctx), analyticsCollectDueJob(ctx), analyticsBackfillJob(ctx), objectivesCheckJob(ctx)];
}

/** Analytics' recurring duties. */
export const analyticsTasks: { name: string; everyMs: number; type: string; payload: Record<string, unknown> }[] = [analyticsCollectTask, objectivesCheckTask];
