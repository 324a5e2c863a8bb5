import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { PostEventView } from '../../shared/api.js';
import { loadPost } from './posts-repository.js';

export async function postHistory(db: Kysely<Database>, workspaceId: string, postId: string): Promise<PostEventView[]> {
  await loadPost(db, workspaceId, postId);
  const rows = await db
    .selectFrom('post_events')
    .leftJoin('user', 'user.id', 'post_events.actor_id')
    .selectAll('post_events')
    .select('user.name as actor_name')
    .where('post_events.post_id', '=', postId)
    .orderBy('post_events.created_at')
    .orderBy('post_events.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
    body: r.body,
    data: JSON.parse(r.data) as Record<string, unknown>,
    createdAt: new Date(Number(r.created_at)).toISOString(),
  }));
}
