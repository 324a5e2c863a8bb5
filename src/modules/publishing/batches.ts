import type { AppContext } from '../../context.js';
import { createBatcher, type Batcher } from '../../jobs/index.js';
import { PostEvent, recordPostEvents } from './events.js';
import { finalizePosts, writeOutcomes, type TargetOutcome } from './targets.js';
import { tellOutcomes } from './notify.js';

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
const CLAIM_BATCH = 10_000;

/**
 * Publishing's writes, grouped: the posts a worker handles at once share one transaction (one disk flush)
 * for their claims and one for their outcomes, instead of one each.
 */
function batches(ctx: AppContext): Batches {
  let b = byContext.get(ctx);
  if (b) return b;
  const { store } = ctx;
  b = {
    // The claim is one statement (atomic on its own); the history's "publishing" lines follow it without holding
    // the burst back from the network.
    claims: createBatcher<Claim>(async (items) => {
        const now = Math.max(...items.map((i) => i.now));
        const claimed = await store.db
          .updateTable('posts')
          .set({ status: 'publishing', updated_at: now })
          .where('status', '=', 'scheduled')
          // Grouped by version (few distinct ones): a term per post would nest past SQLite's expression depth.
          .where((eb) => eb.or([...byVersion(items)].map(([version, ids]) => eb.and([eb('version', '=', version), eb('id', 'in', ids)]))))
          // The crisis switch, checked in the same statement: a pause a moment ago holds the post.
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom('publishing_settings').select('workspace_id').whereRef('publishing_settings.workspace_id', '=', 'posts.workspace_id').where('paused_at', 'is not', null))),
          )
          .returning('id')
          .execute();
        const ids = new Set(claimed.map((c) => c.id));
        for (const item of items) item.claimed = ids.has(item.postId);
        recordPostEvents(store.db, [...ids].map((postId) => ({ postId, kind: PostEvent.publishing, now }))).catch((err: unknown) =>
          ctx.log.warn({ err, event: 'publishing.history_not_written' }, 'the "publishing" history lines of a claim were not written'),
        );
      },
      // A burst read ahead is claimed at its minute in one transaction, so that all of it goes out at once.
      CLAIM_BATCH,
    ),
    settles: createBatcher<Settle>((items) =>
      store.db.transaction().execute(async (trx) => {
        const postIds = [...new Set(items.map((i) => i.postId))].sort();
        // Siblings settling in two processes at once would each miss the other's update: the post rows serialise them.
        if (store.dialect === 'postgres') await trx.selectFrom('posts').select('id').where('id', 'in', postIds).orderBy('id').forUpdate().execute();
        await writeOutcomes(trx, items);
        const now = Math.max(...items.map((i) => i.now));
        await tellOutcomes(ctx, trx, await finalizePosts(trx, postIds, now), now);
      }),
    ),
  };
  byContext.set(ctx, b);
  return b;
}

function byVersion(items: Claim[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const i of items) {
    const ids = out.get(i.version);
    if (ids) ids.push(i.postId);
    else out.set(i.version, [i.postId]);
  }
  return out;
}

/** Moves a scheduled post to "publishing"; false when another worker, a change or a pause got there first. */
export async function claimPost(ctx: AppContext, postId: string, version: number, now: number): Promise<boolean> {
  const item: Claim = { postId, version, now };
  await batches(ctx).claims.add(item);
  return item.claimed === true;
}

/** Records one account's outcome, and the post's once no account is still on its way. */
export async function settleTarget(ctx: AppContext, target: { id: string; post_id: string }, outcome: TargetOutcome, now: number) {
  await batches(ctx).settles.add({ targetId: target.id, postId: target.post_id, outcome, now });
}
