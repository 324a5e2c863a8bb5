import type { Kysely } from 'kysely';
import type { Database, PostTable } from '../../store/schema.js';
import { notFound } from '../../http/errors.js';
import { can, type RoleName } from '../../shared/permissions.js';
import { loadPost } from './posts-repository.js';

/** What a member may read of the team's work on posts. */
export interface PostVisibility {
  /** Drafts in progress: posts not yet sent for approval (or sent back). */
  drafts: boolean;
  /** Comments the team keeps to itself. */
  internalComments: boolean;
}

/** What the workspace opens to members whose role does not hold it (its clients). */
export interface ClientGrants {
  drafts: boolean;
  internalComments: boolean;
}

export async function clientGrants(db: Kysely<Database>, workspaceId: string): Promise<ClientGrants> {
  const w = await db
    .selectFrom('workspaces')
    .select(['clients_see_drafts', 'clients_see_internal_comments'])
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return { drafts: Number(w?.clients_see_drafts ?? 0) === 1, internalComments: Number(w?.clients_see_internal_comments ?? 0) === 1 };
}

/**
 * The team sees everything; a member whose role does not hold `posts.drafts` or `comments.internal` (a client)
 * sees drafts and internal comments only when the workspace lets its clients see them.
 */
export function visibilityOf(role: RoleName, grants: ClientGrants): PostVisibility {
  return {
    drafts: can(role, 'posts.drafts') || grants.drafts,
    internalComments: can(role, 'comments.internal') || grants.internalComments,
  };
}

export async function postVisibility(db: Kysely<Database>, workspaceId: string, role: RoleName): Promise<PostVisibility> {
  if (can(role, 'posts.drafts') && can(role, 'comments.internal')) return { drafts: true, internalComments: true };
  return visibilityOf(role, await clientGrants(db, workspaceId));
}

export const hiddenFrom = (v: PostVisibility, post: Pick<PostTable, 'status'>) => post.status === 'draft' && !v.drafts;

/** A post the member may not see is answered as one that does not exist, so that its id tells nothing. */
export function assertMaySee(v: PostVisibility, post: Pick<PostTable, 'status'>): void {
  if (hiddenFrom(v, post)) throw notFound('post');
}

/** The post, when the member may see it; else "not found". */
export async function loadVisiblePost(db: Kysely<Database>, workspaceId: string, postId: string, role: RoleName): Promise<PostTable> {
  const post = await loadPost(db, workspaceId, postId);
  assertMaySee(await postVisibility(db, workspaceId, role), post);
  return post;
}
