import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob } from '../../jobs/index.js';
import { publishJobFor } from './schedule.js';

export const PUBLISHING_SWEEP = 'publishing.sweep';
const AHEAD_MS = 5 * 60_000;

/**
 * Queues (again) the publication of every scheduled post due soon or overdue. Idempotency keys make this a
 * no-op for posts whose job exists; it rescues the ones whose job was lost between commit and enqueue.
 */
export function sweepJob(ctx: AppContext) {
  return defineJob({
    type: PUBLISHING_SWEEP,
    version: 1,
    schema: z.object({}),
    maxAttempts: 2,
    async run() {
      const due = await ctx.store.db
        .selectFrom('posts')
        .select(['id', 'workspace_id', 'version', 'scheduled_at', 'status'])
        .where('status', '=', 'scheduled')
        .where('scheduled_at', '<=', ctx.clock.now() + AHEAD_MS)
        .limit(5000)
        .execute();
      const jobs = due.map((post) => publishJobFor(post)).filter((j) => j !== null);
      // One batch: each key already queued is skipped by the queue, in the same statement.
      if (jobs.length) await ctx.jobs.queue.enqueueMany(jobs);
      return { checked: due.length };
    },
  });
}
