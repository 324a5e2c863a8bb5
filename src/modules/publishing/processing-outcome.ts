import type { AppContext } from '../../context.js';
import type { NetworkProcessing } from '../../connectors/types.js';
import type { PostStatus } from '../../store/schema.js';
import { PostEvent, recordPostEvent } from './events.js';
import { postStatusFrom } from './targets.js';
import { tellOutcomes } from './notify.js';
import type { PostProcessingPayloadV1 } from './job-names.js';

type Refusal = Pick<NetworkProcessing, 'reason' | 'message'> & { state: 'failed' | 'rejected' };

/**
 * The network failed or refused a post after accepting it: its target is failed with the network's words (a post
 * nobody can see must not read "published"), the history says so, and the post, once settled, takes its targets'
 * status, its author and publishers told as for any failure. The network's id stays on the target: the refused
 * upload is still on the account, where the team may look at it. False when the target changed meanwhile.
 */
export async function refuseAfterProcessing(ctx: AppContext, payload: PostProcessingPayloadV1, refusal: Refusal): Promise<boolean> {
  const { store } = ctx;
  const now = ctx.clock.now();
  const message = (refusal.message ?? `The network ${refusal.state === 'rejected' ? 'rejected' : 'could not process'} the post.`).slice(0, 2000);
  return store.db.transaction().execute(async (trx) => {
    const target = await trx.selectFrom('post_targets').innerJoin('social_accounts', 'social_accounts.id', 'post_targets.account_id')
      .select(['post_targets.post_id', 'social_accounts.network', 'social_accounts.handle'])
      .where('post_targets.id', '=', payload.targetId).executeTakeFirst();
    if (!target) return false;
    // Serialises with the publishing batch settling the post's other accounts, as those batches do among themselves.
    if (store.dialect === 'postgres') await trx.selectFrom('posts').select('id').where('id', '=', target.post_id).forUpdate().execute();
    const changed = await trx.updateTable('post_targets')
      .set({ status: 'failed', error_kind: 'rejected', error_message: message, updated_at: now })
      .where('id', '=', payload.targetId).where('status', '=', 'published').where('external_id', '=', payload.externalId)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) return false;
    await recordPostEvent(trx, target.post_id, PostEvent.networkProcessingFailed, {
      now, body: message, data: { network: target.network, handle: target.handle, state: refusal.state, reason: refusal.reason },
    });
    // A post still "publishing" is settled by its last account's outcome, which now counts this failure.
    const post = await trx.selectFrom('posts').select('status').where('id', '=', target.post_id).executeTakeFirstOrThrow();
    if (post.status !== 'published' && post.status !== 'unknown') return true;
    const targets = await trx.selectFrom('post_targets').select('status').where('post_id', '=', target.post_id).execute();
    const status: PostStatus | null = postStatusFrom(targets);
    if (!status || status === post.status) return true;
    await trx.updateTable('posts').set({ status, published_at: null, updated_at: now }).where('id', '=', target.post_id).execute();
    await tellOutcomes(ctx, trx, [{ id: target.post_id, status }], now);
    return true;
  });
}
