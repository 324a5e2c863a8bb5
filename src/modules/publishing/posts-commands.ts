import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database, PostStatus, PostTable } from '../../store/schema.js';
import { conflict } from '../../http/errors.js';
import type { RoleName } from '../../shared/permissions.js';
import type { PostInput, PostUpdate } from './posts-schema.js';
import { assertAccounts, assertCampaign, assertMedia, loadPost } from './posts-repository.js';
import { PostEvent, recordPostEvent } from './events.js';
import { getSettings } from './settings.js';
import { enqueuePublish } from './schedule.js';
import { assertMayChangePost } from './edit-policy.js';
import { askApprovers } from './notify.js';
import { reviewPostText } from './post-charter.js';
import { legalReasonsOf } from './legal-review.js';
import type { Locale } from '../charter/locale.js';
import { assertOptionsTimely, serializeOptions } from './network-options.js';

export interface Actor {
  userId: string;
  role: RoleName;
  /** The language a refusal is worded in (the charter's findings). */
  locale?: Locale;
}

const EDITABLE: readonly PostStatus[] = ['draft', 'in_review', 'approved', 'scheduled'];
const toMs = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);

export async function createPost(ctx: AppContext, workspaceId: string, actor: Actor, input: PostInput): Promise<string> {
  const { db } = ctx.store;
  await assertAccounts(db, workspaceId, input.accountIds);
  await assertMedia(db, workspaceId, input.mediaIds ?? []);
  await assertCampaign(db, workspaceId, input.campaignId);
  const now = ctx.clock.now();
  assertOptionsTimely(input.options, now);
  const id = crypto.randomUUID();
  await db.transaction().execute(async (trx) => {
    const row: PostTable = {
      id,
      workspace_id: workspaceId,
      author_id: actor.userId,
      status: 'draft',
      body: input.body,
      thread: JSON.stringify(input.thread ?? []),
      labels: JSON.stringify(input.labels ?? []),
      language: input.language ?? null,
      campaign_id: input.campaignId ?? null,
      scheduled_at: toMs(input.scheduledAt),
      version: 1,
      created_at: now,
      updated_at: now,
      published_at: null,
      network_options: serializeOptions(input.options ?? {}),
    };
    await trx.insertInto('posts').values(row).execute();
    await writeTargets(trx, id, input.accountIds, input.variants ?? {}, now);
    await writeMedia(trx, id, input.mediaIds ?? []);
    // A draft is never refused; the check only keeps what legal review its text would need.
    await reviewPostText(trx, row, { enforce: false, locale: actor.locale ?? 'en' });
    await recordPostEvent(trx, id, PostEvent.created, { actorId: actor.userId, now });
  });
  return id;
}

/**
 * Edits a post that has not gone out. Every edit makes a new version: approvals of the old one no longer
 * count, so an approved post goes back to review when the workspace requires approval. Once approved or
 * scheduled, only members who may publish can edit it (see edit-policy).
 */
export async function updatePost(ctx: AppContext, workspaceId: string, actor: Actor, postId: string, input: PostUpdate) {
  const { db } = ctx.store;
  if (input.accountIds) await assertAccounts(db, workspaceId, input.accountIds);
  if (input.mediaIds) await assertMedia(db, workspaceId, input.mediaIds);
  await assertCampaign(db, workspaceId, input.campaignId);
  const settings = await getSettings(db, workspaceId);
  const now = ctx.clock.now();
  assertOptionsTimely(input.options, now);
  const updated = await db.transaction().execute(async (trx) => {
    const post = await loadPost(trx, workspaceId, postId);
    if (!EDITABLE.includes(post.status)) throw conflict('not_editable', 'This post has gone out or is going out: it can no longer be edited.');
    if (input.expectedVersion !== undefined && input.expectedVersion !== post.version) {
      throw conflict('version_conflict', 'Someone else changed this post meanwhile. Reload it to see their changes.');
    }
    assertMayChangePost(actor.role, post.status);
    let needsReview = settings.approvalSteps.length > 0 && (post.status === 'approved' || post.status === 'scheduled');
    const next: Partial<PostTable> = {
      body: input.body ?? post.body,
      thread: input.thread ? JSON.stringify(input.thread) : post.thread,
      labels: input.labels ? JSON.stringify(input.labels) : post.labels,
      language: input.language === undefined ? post.language : input.language,
      campaign_id: input.campaignId === undefined ? post.campaign_id : input.campaignId,
      scheduled_at: input.scheduledAt === undefined ? post.scheduled_at : toMs(input.scheduledAt),
      network_options: input.options === undefined ? post.network_options : serializeOptions(input.options),
      version: post.version + 1,
      status: needsReview ? 'in_review' : post.status,
      updated_at: now,
    };
    if (next.status === 'scheduled' && (next.scheduled_at ?? 0) <= now) next.status = 'approved';
    await trx.updateTable('posts').set(next).where('id', '=', postId).execute();
    if (input.accountIds || input.variants) {
      const accountIds = input.accountIds ?? (await currentAccounts(trx, postId));
      await trx.deleteFrom('post_targets').where('post_id', '=', postId).execute();
      await writeTargets(trx, postId, accountIds, input.variants ?? {}, now);
    }
    if (input.mediaIds) {
      await trx.deleteFrom('post_media').where('post_id', '=', postId).execute();
      await writeMedia(trx, postId, input.mediaIds);
    }
    // A post on its way out keeps to the charter; a draft is only told what legal review it would need.
    let edited = await reviewPostText(trx, { ...post, ...next } as PostTable, { enforce: post.status !== 'draft', locale: actor.locale ?? 'en' });
    if (legalReasonsOf(edited)?.length && (edited.status === 'approved' || edited.status === 'scheduled')) {
      edited = { ...edited, status: 'in_review' };
      await trx.updateTable('posts').set({ status: 'in_review' }).where('id', '=', postId).execute();
      needsReview = true;
    }
    await recordPostEvent(trx, postId, PostEvent.edited, { actorId: actor.userId, data: { version: next.version }, now });
    if (needsReview) await askApprovers(ctx, trx, edited, actor.userId, now);
    return edited;
  });
  await enqueuePublish(ctx, updated);
}

export async function deletePost(ctx: AppContext, workspaceId: string, actor: Actor, postId: string) {
  await ctx.store.db.transaction().execute(async (trx) => {
    const post = await loadPost(trx, workspaceId, postId);
    if (post.status === 'publishing' || post.status === 'published') {
      throw conflict('not_deletable', 'A post that has gone out stays in the history. Delete it on the network instead.');
    }
    assertMayChangePost(actor.role, post.status, 'delete');
    await trx.deleteFrom('posts').where('id', '=', postId).execute();
  });
}

async function currentAccounts(trx: Kysely<Database>, postId: string) {
  const rows = await trx.selectFrom('post_targets').select('account_id').where('post_id', '=', postId).execute();
  return rows.map((r) => r.account_id);
}

async function writeTargets(trx: Kysely<Database>, postId: string, accountIds: readonly string[], variants: Record<string, string>, now: number) {
  const unique = [...new Set(accountIds)];
  if (unique.length === 0) return;
  await trx
    .insertInto('post_targets')
    .values(
      unique.map((accountId) => ({
        id: crypto.randomUUID(),
        post_id: postId,
        account_id: accountId,
        body: variants[accountId] ?? null,
        status: 'pending' as const,
        attempts: 0,
        updated_at: now,
      })),
    )
    .execute();
}

async function writeMedia(trx: Kysely<Database>, postId: string, mediaIds: readonly string[]) {
  const unique = [...new Set(mediaIds)];
  if (unique.length === 0) return;
  await trx
    .insertInto('post_media')
    .values(unique.map((mediaId, position) => ({ post_id: postId, media_id: mediaId, position })))
    .execute();
}
