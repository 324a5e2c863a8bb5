import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { PostEventView } from '../../shared/api.js';
import type { RoleName } from '../../shared/permissions.js';
import { loadPost } from './posts-repository.js';
import { assertMaySee, postVisibility } from './visibility.js';

/** The post's history as this member may read it: without the team's internal comments unless they see those. */
export async function postHistory(db: Kysely<Database>, workspaceId: string, postId: string, role: RoleName): Promise<PostEventView[]> {
  const visibility = await postVisibility(db, workspaceId, role);
  assertMaySee(visibility, await loadPost(db, workspaceId, postId));
  let q = db
    .selectFrom('post_events')
    .leftJoin('user', 'user.id', 'post_events.actor_id')
    .selectAll('post_events')
    .select('user.name as actor_name')
    .where('post_events.post_id', '=', postId);
  if (!visibility.internalComments) q = q.where('post_events.internal', '=', 0);
  const rows = await q.orderBy('post_events.created_at').orderBy('post_events.id').execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
    body: r.body,
    data: JSON.parse(r.data) as Record<string, unknown>,
    internal: Number(r.internal) === 1,
    createdAt: new Date(Number(r.created_at)).toISOString(),
  }));
}
