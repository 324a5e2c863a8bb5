import type { AppContext } from '../../context.js';
import { createBatcher, type Batcher } from '../../jobs/index.js';
import { PostEvent, recordPostEvent } from './events.js';
import { finalizePost, type TargetOutcome } from './targets.js';

interface Claim {
  postId: string;
  version: number;
  now: number;
  claimed?: boolean;
}

interface Settle {
  targetId: string;
  postId: string;
  outcome: TargetOutcome;
  now: number;
}

interface Batches {
  claims: Batcher<Claim>;
  settles: Batcher<Settle>;
}

const byContext = new WeakMap<AppContext, Batches>();

/**
 * Publishing's writes, grouped: the posts a worker handles at once share one transaction (one disk flush)
 * for their claims and one for their outcomes, instead of one each.
 */
function batches(ctx: AppContext): Batches {
  let b = byContext.get(ctx);
  if (b) return b;
  const { store } = ctx;
  b = {
    claims: createBatcher<Claim>((items) =>
      store.db.transaction().execute(async (trx) => {
        for (const item of items) {
          const res = await trx
            .updateTable('posts')
            .set({ status: 'publishing', updated_at: item.now })
            .where('id', '=', item.postId)
            .where('status', '=', 'scheduled')
            .where('version', '=', item.version)
            .executeTakeFirst();
          item.claimed = Number(res.numUpdatedRows) > 0;
          if (item.claimed) await recordPostEvent(trx, item.postId, PostEvent.publishing, { now: item.now });
        }
      }),
    ),
    settles: createBatcher<Settle>((items) =>
      store.db.transaction().execute(async (trx) => {
        const postIds = [...new Set(items.map((i) => i.postId))].sort();
        // Siblings settling in two processes at once would each miss the other's update: the post rows serialise them.
        if (store.dialect === 'postgres') await trx.selectFrom('posts').select('id').where('id', 'in', postIds).orderBy('id').forUpdate().execute();
        for (const { targetId, outcome, now } of items) {
          await trx
            .updateTable('post_targets')
            .set((eb) => ({
              status: outcome.status,
              external_id: outcome.externalId ?? null,
              external_url: outcome.url ?? null,
              error_kind: outcome.errorKind ?? null,
              error_message: outcome.errorMessage ?? null,
              published_at: outcome.status === 'published' ? now : null,
              attempts: eb('attempts', '+', 1),
              updated_at: now,
            }))
            .where('id', '=', targetId)
            .execute();
        }
        const now = Math.max(...items.map((i) => i.now));
        for (const postId of postIds) await finalizePost(trx, postId, now);
      }),
    ),
  };
  byContext.set(ctx, b);
  return b;
}

/** Moves a scheduled post to "publishing"; false when another worker, or a change, got there first. */
export async function claimPost(ctx: AppContext, postId: string, version: number, now: number): Promise<boolean> {
  const item: Claim = { postId, version, now };
  await batches(ctx).claims.add(item);
  return item.claimed === true;
}

/** Records one account's outcome, and the post's once no account is still on its way. */
export async function settleTarget(ctx: AppContext, target: { id: string; post_id: string }, outcome: TargetOutcome, now: number) {
  await batches(ctx).settles.add({ targetId: target.id, postId: target.post_id, outcome, now });
}
