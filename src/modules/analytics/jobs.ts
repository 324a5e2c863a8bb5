import type { JobHandler } from '../../jobs/index.js';
import type { AppContext } from '../../context.js';

/** Analytics' job types: collecting figures, checking objectives. */
export function analyticsJobs(_ctx: AppContext): JobHandler[] {
  return [];
}

/** Analytics' recurring duties. */
export const analyticsTasks: { name: string; everyMs: number; type: string; payload: Record<string, unknown> }[] = [];
