import type { Kysely } from 'kysely';
import type { Database, PostTable } from '../../store/schema.js';
import { notFound } from '../../http/errors.js';
import { isRole, type RoleName } from '../../shared/permissions.js';
import type { Decision } from './approval-policy.js';

export async function loadPost(db: Kysely<Database>, workspaceId: string, postId: string): Promise<PostTable> {
  const post = await db
    .selectFrom('posts')
    .selectAll()
    .where('id', '=', postId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!post) throw notFound('post');
  return post;
}

/** Decisions on the post's current version, with the role each decider holds now. */
export async function loadDecisions(db: Kysely<Database>, post: PostTable): Promise<Decision[]> {
  const rows = await db
    .selectFrom('approvals')
    .innerJoin('memberships', (j) =>
      j.onRef('memberships.user_id', '=', 'approvals.user_id').on('memberships.workspace_id', '=', post.workspace_id),
    )
    .select(['approvals.step', 'approvals.user_id', 'approvals.decision', 'memberships.role'])
    .where('approvals.post_id', '=', post.id)
    .where('approvals.post_version', '=', post.version)
    .execute();
  return rows
    .filter((r) => isRole(r.role))
    .map((r) => ({ step: r.step, userId: r.user_id, role: r.role as RoleName, decision: r.decision }));
}

/** The same for many posts in one query: each post's decisions on its current version. */
export async function loadDecisionsOf(db: Kysely<Database>, workspaceId: string, posts: readonly PostTable[]): Promise<Map<string, Decision[]>> {
  const out = new Map<string, Decision[]>(posts.map((p) => [p.id, []]));
  if (posts.length === 0) return out;
  const versions = new Map(posts.map((p) => [p.id, Number(p.version)]));
  const rows = await db
    .selectFrom('approvals')
    .innerJoin('memberships', (j) => j.onRef('memberships.user_id', '=', 'approvals.user_id').on('memberships.workspace_id', '=', workspaceId))
    .select(['approvals.post_id', 'approvals.post_version', 'approvals.step', 'approvals.user_id', 'approvals.decision', 'memberships.role'])
    .where('approvals.post_id', 'in', [...versions.keys()])
    .execute();
  for (const r of rows) {
    if (Number(r.post_version) !== versions.get(r.post_id) || !isRole(r.role)) continue;
    out.get(r.post_id)!.push({ step: r.step, userId: r.user_id, role: r.role as RoleName, decision: r.decision });
  }
  return out;
}

export async function loadTargets(db: Kysely<Database>, postIds: string[]) {
  if (postIds.length === 0) return [];
  return db
    .selectFrom('post_targets')
    .innerJoin('social_accounts', 'social_accounts.id', 'post_targets.account_id')
    .selectAll('post_targets')
    .select(['social_accounts.network', 'social_accounts.handle', 'social_accounts.timezone'])
    .where('post_targets.post_id', 'in', postIds)
    .execute();
}

export async function loadMedia(db: Kysely<Database>, postIds: string[]) {
  if (postIds.length === 0) return [];
  return db
    .selectFrom('post_media')
    .innerJoin('media', 'media.id', 'post_media.media_id')
    .selectAll('media')
    .select(['post_media.post_id', 'post_media.position'])
    .where('post_media.post_id', 'in', postIds)
    .orderBy('post_media.position')
    .execute();
}

/** Accounts must belong to the workspace: ids from another workspace are "not found". */
export async function assertAccounts(db: Kysely<Database>, workspaceId: string, accountIds: readonly string[]) {
  if (accountIds.length === 0) return;
  const rows = await db
    .selectFrom('social_accounts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...accountIds])
    .execute();
  if (rows.length !== new Set(accountIds).size) throw notFound('account');
}

export async function assertMedia(db: Kysely<Database>, workspaceId: string, mediaIds: readonly string[]) {
  if (mediaIds.length === 0) return;
  const rows = await db.selectFrom('media').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', [...mediaIds]).execute();
  if (rows.length !== new Set(mediaIds).size) throw notFound('media');
}

export async function assertCampaign(db: Kysely<Database>, workspaceId: string, campaignId: string | null | undefined) {
  if (!campaignId) return;
  const row = await db.selectFrom('campaigns').select('id').where('workspace_id', '=', workspaceId).where('id', '=', campaignId).executeTakeFirst();
  if (!row) throw notFound('campaign');
}
