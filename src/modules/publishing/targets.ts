import { sql, type Kysely } from 'kysely';
import type { Database, PostStatus, TargetStatus } from '../../store/schema.js';
import { PostEvent, recordPostEvents } from './events.js';

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

const EVENT_FOR: Record<string, (typeof PostEvent)[keyof typeof PostEvent]> = {
  published: PostEvent.published,
  failed: PostEvent.failed,
  unknown: PostEvent.unknownOutcome,
};

/**
 * Records many accounts' outcomes in one statement per slice instead of one per row (VALUES columns are positional,
 * column1…; the casts give the untyped parameters their types). Both databases look each row up by its key.
 */
export async function writeOutcomes(
  db: Kysely<Database>,
  items: Array<{ targetId: string; outcome: TargetOutcome; now: number }>,
) {
  // Eight parameters a row: a slice stays within both databases' limits on bound parameters.
  for (let i = 0; i < items.length; i += OUTCOMES_SLICE) {
    const rows = items.slice(i, i + OUTCOMES_SLICE).map(({ targetId, outcome: o, now }) =>
      sql`(${targetId}, ${o.status}, ${o.externalId ?? null}, ${o.url ?? null}, ${o.errorKind ?? null}, ${o.errorMessage ?? null}, ${o.status === 'published' ? now : null}, ${now})`,
    );
    await sql`
      update post_targets set
        status = v.column2, external_id = v.column3, external_url = v.column4, error_kind = v.column5, error_message = v.column6,
        published_at = cast(v.column7 as bigint), updated_at = cast(v.column8 as bigint), attempts = post_targets.attempts + 1
      from (values ${sql.join(rows)}) as v
      where post_targets.id = v.column1`.execute(db);
  }
}

const OUTCOMES_SLICE = 1000;

/**
 * Settles the posts whose every account is done: published, failed or unknown, with one history entry each.
 * Returns the posts it settled, for the caller to tell people in the same transaction.
 */
export async function finalizePosts(db: Kysely<Database>, postIds: readonly string[], now: number): Promise<Settled[]> {
  const out: Settled[] = [];
  if (postIds.length === 0) return out;
  const rows = await db.selectFrom('post_targets').select(['post_id', 'status', 'error_message']).where('post_id', 'in', [...postIds]).execute();
  const targetsOf = new Map<string, typeof rows>();
  for (const row of rows) targetsOf.set(row.post_id, [...(targetsOf.get(row.post_id) ?? []), row]);
  const byStatus = new Map<PostStatus, string[]>();
  for (const postId of postIds) {
    const status = postStatusFrom(targetsOf.get(postId) ?? []);
    if (!status) continue;
    const ids = byStatus.get(status);
    if (ids) ids.push(postId);
    else byStatus.set(status, [postId]);
  }
  for (const [status, ids] of byStatus) {
    const settled = await db
      .updateTable('posts')
      .set({ status, published_at: status === 'published' ? now : null, updated_at: now })
      .where('id', 'in', ids)
      .where('status', '=', 'publishing')
      .returning('id')
      .execute();
    out.push(...settled.map(({ id }) => ({ id, status })));
    await recordPostEvents(
      db,
      settled.map(({ id }) => ({
        postId: id,
        kind: EVENT_FOR[status],
        body: (targetsOf.get(id) ?? []).map((t) => t.error_message).filter(Boolean).join('\n'),
        now,
      })),
    );
  }
  return out;
}

export interface Settled {
  id: string;
  status: PostStatus;
}

export async function finalizePost(db: Kysely<Database>, postId: string, now: number): Promise<Settled[]> {
  return finalizePosts(db, [postId], now);
}
