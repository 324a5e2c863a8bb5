import type { JobHandler } from '../../jobs/index.js';
import type { AppContext } from '../../context.js';
import { analyticsBackfillJob, analyticsCollectDueJob, analyticsCollectJob, analyticsCollectTask } from './collect/index.js';

/** Analytics' job types: collecting figures, checking objectives. */
export function analyticsJobs(ctx: AppContext): JobHandler[] {
  return [analyticsCollectJob(ctx), analyticsCollectDueJob(ctx), analyticsBackfillJob(ctx)];
}

/** Analytics' recurring duties. */
export const analyticsTasks: { name: string; everyMs: number; type: string; payload: Record<string, unknown> }[] = [analyticsCollectTask];
