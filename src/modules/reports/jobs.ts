import type { JobHandler } from '../../jobs/index.js';
import type { AppContext } from '../../context.js';
import { reportGenerateJob } from './generate-job.js';
import { reportSendJob } from './send-job.js';
import { reportsScheduleDueJob, reportsScheduleTask } from './schedule-job.js';

/** Reports' job types: generating a report, sending it, making the scheduled ones. */
export function reportJobs(ctx: AppContext): JobHandler[] {
  return [reportGenerateJob(ctx), reportSendJob(ctx), reportsScheduleDueJob(ctx)];
}

/** Reports' recurring duties. */
export const reportTasks: { name: string; everyMs: number; type: string; payload: Record<string, unknown> }[] = [reportsScheduleTask];
