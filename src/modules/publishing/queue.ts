import type { AppContext } from '../../context.js';
import { conflict } from '../../http/errors.js';
import { can } from '../../shared/permissions.js';
import type { Actor } from './posts-commands.js';
import { loadPost } from './posts-repository.js';
import { nextSlotForPost } from './next-slot.js';
import { reschedulePost, schedulePost, submitPost } from './workflow.js';

/**
 * "Add to queue": the post takes its accounts' next free slot, whatever its state. A draft is submitted with
 * that time, so where approval is needed it waits in review planned for the slot; a post in review keeps its
 * approvals and moves to the slot; an approved or scheduled one is scheduled there (by those who may publish).
 */
export async function queuePost(ctx: AppContext, workspaceId: string, actor: Actor, postId: string) {
  const { db } = ctx.store;
  const post = await loadPost(db, workspaceId, postId);
  const at = await nextSlotForPost(db, postId, ctx.clock.now());
  switch (post.status) {
    case 'draft':
      await reschedulePost(ctx, workspaceId, actor, postId, at);
      return submitPost(ctx, workspaceId, actor, postId);
    case 'in_review':
      return reschedulePost(ctx, workspaceId, actor, postId, at);
    case 'approved':
    case 'scheduled':
      // Scheduling is publishing's call; a writer moving an approved post is refused by the same rule as a drag.
      return can(actor.role, 'posts.publish') ? schedulePost(ctx, workspaceId, actor, postId, at) : reschedulePost(ctx, workspaceId, actor, postId, at);
    default:
      throw conflict('not_editable', 'This post has gone out or is going out.');
  }
}
