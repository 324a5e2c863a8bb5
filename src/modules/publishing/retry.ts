import type { AppContext } from '../../context.js';
import { conflict } from '../../http/errors.js';
import { loadPost } from './posts-repository.js';
import { PostEvent, recordPostEvent } from './events.js';
import { publishJobFor } from './schedule.js';

/**
 * Tries again the accounts that failed or whose outcome is unknown. Each account keeps its idempotency key,
 * so an "unknown" post that did go out is found, not published twice.
 */
export async function retryPost(ctx: AppContext, workspaceId: string, actor: { userId: string }, postId: string) {
  const now = ctx.clock.now();
  const post = await ctx.store.db.transaction().execute(async (trx) => {
    const post = await loadPost(trx, workspaceId, postId);
    if (post.status !== 'failed' && post.status !== 'unknown') throw conflict('not_failed', 'Only a failed post can be retried.');
    const again = await trx
      .updateTable('post_targets')
      .set({ status: 'pending', error_kind: null, error_message: null, updated_at: now })
      .where('post_id', '=', postId)
      .where('status', 'in', ['failed', 'unknown'])
      .executeTakeFirst();
    await trx.updateTable('posts').set({ status: 'publishing', updated_at: now }).where('id', '=', postId).execute();
    await recordPostEvent(trx, postId, PostEvent.retried, { actorId: actor.userId, data: { targets: Number(again.numUpdatedRows) }, now });
    return post;
  });
  // The job finds the post "publishing" and carries on with the accounts put back to pending.
  const job = publishJobFor({ ...post, status: 'scheduled' }, `retry-${now}`);
  if (job) await ctx.jobs.queue.enqueueMany([{ ...job, runAt: now }]);
}
