import type { JobHandler } from './jobs/index.js';
import type { AppContext } from './context.js';
import { purgeJob, HOUSEKEEPING_PURGE } from './modules/housekeeping/jobs.js';
import { postPublishJob } from './modules/publishing/publish-jobs.js';
import { postProcessingJob } from './modules/publishing/processing-job.js';
import { sweepJob, PUBLISHING_SWEEP } from './modules/publishing/sweep.js';
import { notificationEmailJob } from './modules/notifications/mail-job.js';
import { notificationsPurgeJob } from './modules/notifications/purge.js';
import { NOTIFICATIONS_PURGE } from './modules/notifications/job-names.js';
import { ticketJobs, ticketsOverdueTask } from './modules/tickets/jobs.js';
import { inboxReplyJob } from './modules/inbox/reply-job.js';
import type { Config } from './config/config.js';
import { pollJob } from './modules/inbound/poll-job.js';
import { pollAllJob } from './modules/inbound/poll-all.js';
import { rulesSweepJob, rulesSweepTask } from './modules/inbound/rules-sweep.js';
import { INBOX_POLL_ALL } from './modules/inbound/job-names.js';
import { moderationJobs, moderationHighlightsTask } from './modules/moderation/jobs.js';
import { listeningPollDueJob, listeningPollJob, listeningPollTask } from './modules/listening/poll-job.js';
import { webhookJob } from './modules/listening/webhook.js';
import { listeningBackfillJob } from './modules/listening/backfill-job.js';
import { analyticsJobs, analyticsTasks } from './modules/analytics/jobs.js';
import { reportJobs, reportTasks } from './modules/reports/jobs.js';
import { oauthTokenRefreshJob, oauthTokenRefreshTask } from './modules/accounts/oauth2/token-refresh.js';
import { metaWebhookJob } from './modules/webhooks/meta-job.js';

/** Every job type of every module; the worker role runs these. */
export function jobDefinitions(ctx: AppContext): JobHandler[] {
  return [purgeJob(ctx.store, ctx.clock), postPublishJob(ctx), postProcessingJob(ctx), sweepJob(ctx), notificationEmailJob(ctx), notificationsPurgeJob(ctx), pollJob(ctx), pollAllJob(ctx), rulesSweepJob(ctx), ...ticketJobs(ctx), inboxReplyJob(ctx), ...moderationJobs(ctx),
    listeningPollJob(ctx), listeningPollDueJob(ctx), webhookJob(ctx), listeningBackfillJob(ctx), ...analyticsJobs(ctx), ...reportJobs(ctx), oauthTokenRefreshJob(ctx), metaWebhookJob(ctx)];
}

/** Recurring duties the scheduler's leader turns into jobs. */
export const recurringTasks = [
  { name: 'purge', everyMs: 3600_000, type: HOUSEKEEPING_PURGE, payload: {} },
  // Catches scheduled posts whose job was never queued (a crash between commit and enqueue).
  { name: 'publishing-sweep', everyMs: 60_000, type: PUBLISHING_SWEEP, payload: {} },
  { name: 'notifications-purge', everyMs: 86400_000, type: NOTIFICATIONS_PURGE, payload: {} },
  ticketsOverdueTask,
  moderationHighlightsTask,
  rulesSweepTask,
  listeningPollTask,
  ...analyticsTasks,
  ...reportTasks,
  oauthTokenRefreshTask,
];

/** The recurring duties with the periods config sets. */
export function scheduledTasks(config: Config) {
  return [...recurringTasks, { name: 'inbox-poll', everyMs: config.inboxPollMs, type: INBOX_POLL_ALL, payload: {} }];
}
