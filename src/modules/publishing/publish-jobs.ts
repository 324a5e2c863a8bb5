import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob } from '../../jobs/index.js';
import { POST_PUBLISH, TARGET_PUBLISH } from './job-names.js';
import { PostEvent, recordPostEvent } from './events.js';
import { getSettings } from './settings.js';
import { finalizePost } from './targets.js';
import { publishTarget } from './publish-target.js';

/**
 * At the planned time: checks the gate (current version, approved, not paused) and fans out one job
 * per account, so that one slow or failing network does not hold the others.
 */
export function postPublishJob(ctx: AppContext) {
  return defineJob({
    type: POST_PUBLISH,
    version: 1,
    schema: z.object({ postId: z.string(), version: z.number().int(), scheduledAt: z.number() }),
    maxAttempts: 10,
    async run(payload) {
      const { db } = ctx.store;
      const now = ctx.clock.now();
      const post = await db.selectFrom('posts').selectAll().where('id', '=', payload.postId).executeTakeFirst();
      if (!post || post.version !== payload.version || post.scheduled_at !== payload.scheduledAt) return { skipped: 'stale' };
      if (post.status === 'draft' || post.status === 'in_review') {
        // Never published unapproved: the post waits and its history tells the author why.
        await recordPostEvent(db, post.id, PostEvent.waitingForApproval, { now });
        return { skipped: 'not_approved' };
      }
      if (post.status !== 'scheduled') return { skipped: post.status };
      if ((await getSettings(db, post.workspace_id)).pausedAt !== null) {
        await recordPostEvent(db, post.id, PostEvent.heldPaused, { now });
        return { skipped: 'paused' };
      }
      const claimed = await db
        .updateTable('posts')
        .set({ status: 'publishing', updated_at: now })
        .where('id', '=', post.id)
        .where('status', '=', 'scheduled')
        .where('version', '=', payload.version)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return { skipped: 'raced' };
      await recordPostEvent(db, post.id, PostEvent.publishing, { now });
      const targets = await db.selectFrom('post_targets').select('id').where('post_id', '=', post.id).where('status', '=', 'pending').execute();
      await ctx.jobs.queue.enqueueMany(
        targets.map((t) => ({
          type: TARGET_PUBLISH,
          payload: { targetId: t.id },
          workspaceId: post.workspace_id,
          idempotencyKey: `${TARGET_PUBLISH}:${t.id}:v${post.version}`,
        })),
      );
      if (targets.length === 0) await finalizePost(db, post.id, now);
      return { targets: targets.length };
    },
  });
}

export const TARGET_MAX_ATTEMPTS = 6;

/** Publishes one post to one account; retried with backoff on transient errors and rate limits. */
export function targetPublishJob(ctx: AppContext) {
  return defineJob({
    type: TARGET_PUBLISH,
    version: 1,
    schema: z.object({ targetId: z.string() }),
    maxAttempts: TARGET_MAX_ATTEMPTS,
    async run(payload, job) {
      return { outcome: await publishTarget(ctx, payload.targetId, { lastAttempt: job.attempt >= TARGET_MAX_ATTEMPTS }) };
    },
  });
}
