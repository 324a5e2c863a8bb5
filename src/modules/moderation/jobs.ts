import type { AppContext } from '../../context.js';
import type { JobHandler } from '../../jobs/index.js';
import { moderationActJob } from './act-job.js';
import { moderationDeliverJob } from './deliver-job.js';
import { moderationRetrainJob } from './retrain-job.js';
import { moderationHighlightsJob } from './highlight-job.js';
import { MODERATION_HIGHLIGHTS } from './job-names.js';

export function moderationJobs(ctx: AppContext): JobHandler[] {
  return [moderationActJob(ctx), moderationDeliverJob(ctx), moderationRetrainJob(ctx), moderationHighlightsJob(ctx)];
}

/** Hourly: a workspace is told of its past week's highlight once, early in the new week. */
export const moderationHighlightsTask = { name: 'moderation-highlights', everyMs: 3600_000, type: MODERATION_HIGHLIGHTS, payload: {} };
