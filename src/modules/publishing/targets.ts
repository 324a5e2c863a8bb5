import type { Kysely } from 'kysely';
import type { Database, PostStatus, TargetStatus } from '../../store/schema.js';
import { PostEvent, recordPostEvent } from './events.js';

/** Records a target's outcome. */
export async function settleTarget(
  db: Kysely<Database>,
  targetId: string,
  outcome: { status: TargetStatus; externalId?: string; url?: string | null; errorKind?: string; errorMessage?: string },
  now: number,
) {
  await db
    .updateTable('post_targets')
    .set({
      status: outcome.status,
      external_id: outcome.externalId ?? null,
      external_url: outcome.url ?? null,
      error_kind: outcome.errorKind ?? null,
      error_message: outcome.errorMessage ?? null,
      published_at: outcome.status === 'published' ? now : null,
      updated_at: now,
    })
    .where('id', '=', targetId)
    .execute();
}

/** The post's status from its targets once none is still on its way: all out, some failed, or some unknown. */
export function postStatusFrom(targets: readonly { status: TargetStatus }[]): PostStatus | null {
  if (targets.some((t) => t.status === 'pending' || t.status === 'publishing')) return null;
  if (targets.some((t) => t.status === 'failed')) return 'failed';
  if (targets.some((t) => t.status === 'unknown')) return 'unknown';
  return 'published';
}

export async function finalizePost(db: Kysely<Database>, postId: string, now: number): Promise<PostStatus | null> {
  return db.transaction().execute(async (trx) => {
    const targets = await trx.selectFrom('post_targets').select(['status', 'error_message']).where('post_id', '=', postId).execute();
    const status = postStatusFrom(targets);
    if (!status) return null;
    const res = await trx
      .updateTable('posts')
      .set({ status, published_at: status === 'published' ? now : null, updated_at: now })
      .where('id', '=', postId)
      .where('status', '=', 'publishing')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) > 0) {
      const kind = status === 'published' ? PostEvent.published : status === 'failed' ? PostEvent.failed : PostEvent.unknownOutcome;
      const errors = targets.map((t) => t.error_message).filter(Boolean);
      await recordPostEvent(trx, postId, kind, { body: errors.join('\n'), now });
    }
    return status;
  });
}
