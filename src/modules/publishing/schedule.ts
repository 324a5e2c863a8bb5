import type { AppContext } from '../../context.js';
import type { EnqueueItem } from '../../jobs/index.js';
import type { PostStatus } from '../../store/schema.js';
import { POST_PUBLISH, type PostPublishPayloadV1 } from './job-names.js';

interface Plannable {
  id: string;
  workspace_id: string;
  version: number;
  status: PostStatus;
  scheduled_at: number | null;
}

/**
 * Queues the check-and-publish of one version of a post at its time. A post still in review gets the job
 * too: at its time it tells the author the post is waiting. The key makes a repeated call a no-op; a job
 * left from an older version or time finds the post changed and stops. `round` makes a new key on purpose
 * (resuming after a pause).
 */
export async function enqueuePublish(ctx: AppContext, post: Plannable, round?: string) {
  const job = publishJobFor(post, round);
  if (job) await ctx.jobs.queue.enqueueMany([job]);
}

export function publishJobFor(post: Plannable, round?: string): EnqueueItem | null {
  if (post.scheduled_at === null || (post.status !== 'scheduled' && post.status !== 'in_review')) return null;
  const payload: PostPublishPayloadV1 = { postId: post.id, version: post.version, scheduledAt: post.scheduled_at };
  return {
    type: POST_PUBLISH,
    payload,
    runAt: post.scheduled_at,
    workspaceId: post.workspace_id,
    idempotencyKey: [POST_PUBLISH, post.id, `v${post.version}`, post.scheduled_at, post.status, round].filter(Boolean).join(':'),
  };
}
