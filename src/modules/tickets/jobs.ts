import type { AppContext } from '../../context.js';
import { departmentMailJob } from './department-mail.js';
import { overdueJob } from './overdue.js';
import { TICKETS_OVERDUE } from './job-names.js';

export function ticketJobs(ctx: AppContext) {
  return [departmentMailJob(ctx), overdueJob(ctx)];
}

/** Overdue tickets are looked for every five minutes. */
export const ticketsOverdueTask = { name: 'tickets-overdue', everyMs: 5 * 60_000, type: TICKETS_OVERDUE, payload: {} };
