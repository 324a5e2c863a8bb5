import type { JobHandler } from '../../jobs/index.js';
import type { AppContext } from '../../context.js';

/** Reports' job types: generating a report, sending scheduled ones. */
export function reportJobs(_ctx: AppContext): JobHandler[] {
  return [];
}

/** Reports' recurring duties. */
export const reportTasks: { name: string; everyMs: number; type: string; payload: Record<string, unknown> }[] = [];
