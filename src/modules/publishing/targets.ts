import type { Kysely } from 'kysely';
import type { Database, PostStatus, TargetStatus } from '../../store/schema.js';
import { PostEvent, recordPostEvent } from './events.js';

export interface TargetOutcome {
  status: TargetStatus;
  externalId?: string;
  url?: string | null;
  errorKind?: string;
  errorMessage?: string;
}

/** The post's status from its targets once none is still on its way: all out, some failed, or some unknown. */
export function postStatusFrom(targets: readonly { status: TargetStatus }[]): PostStatus | null {
  if (targets.some((t) => t.status === 'pending' || t.status === 'publishing')) return null;
  if (targets.some((t) => t.status === 'failed')) return 'failed';
  if (targets.some((t) => t.status === 'unknown')) return 'unknown';
  return 'published';
}

export async function finalizePost(db: Kysely<Database>, postId: string, now: number): Promise<PostStatus | null> {
  const targets = await db.selectFrom('post_targets').select(['status', 'error_message']).where('post_id', '=', postId).execute();
  const status = postStatusFrom(targets);
  if (!status) return null;
  const res = await db
    .updateTable('posts')
    .set({ status, published_at: status === 'published' ? now : null, updated_at: now })
    .where('id', '=', postId)
    .where('status', '=', 'publishing')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) > 0) {
    const kind = status === 'published' ? PostEvent.published : status === 'failed' ? PostEvent.failed : PostEvent.unknownOutcome;
    const errors = targets.map((t) => t.error_message).filter(Boolean);
    await recordPostEvent(db, postId, kind, { body: errors.join('\n'), now });
  }
  return status;
}
