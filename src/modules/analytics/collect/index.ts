/** Collecting the figures: what the rest of analytics (dashboards, reports, the benchmark) calls. */
export { applySnapshots, applySnapshotsIn, applyAccountSnapshot, dayDeltas, engagementOf, localDay, type AccountReading, type AnalyticsPostRow, type PostReading } from './rollup.js';
export { collectStep, keepsSnapshot, nextCollectAt, COLLECT_STEPS, type CollectStep } from './schedule.js';
export { ANALYTICS_BACKFILL, ANALYTICS_COLLECT, ANALYTICS_COLLECT_DUE } from './job-names.js';
export { analyticsCollectJob } from './collect-job.js';
export { analyticsCollectDueJob, analyticsCollectTask, collectionsDue } from './due-job.js';
export { analyticsBackfillJob, startAnalyticsBackfill } from './backfill-job.js';
