import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database, PostTable } from '../../store/schema.js';
import { badRequest, conflict, forbidden } from '../../http/errors.js';
import { can } from '../../shared/permissions.js';
import { approvalState, canDecide } from './approval-policy.js';
import { loadDecisions, loadPost } from './posts-repository.js';
import { PostEvent, recordPostEvent } from './events.js';
import { getSettings } from './settings.js';
import { enqueuePublish } from './schedule.js';
import type { Actor } from './posts-commands.js';
import { assertMayChangePost } from './edit-policy.js';
import { askApprovers, tellAuthorDecision, tellMentioned } from './notify.js';
import { assertMaySee, postVisibility } from './visibility.js';
import { reviewPostText } from './post-charter.js';
import { legalReasonsOf, legalReviewDone, stepsFor } from './legal-review.js';
import { assertFitsNetworks } from './network-fit.js';

/**
 * The approval gate. A post is scheduled only once every approval step is met on its current version;
 * the publish job checks again at its time, so nothing unapproved ever goes out.
 */
export async function submitPost(ctx: AppContext, workspaceId: string, actor: Actor, postId: string) {
  return transition(ctx, workspaceId, postId, async (trx, post, now) => {
    if (post.status !== 'draft') throw conflict('not_a_draft', 'Only a draft can be sent for review.');
    await assertFitsNetworks(trx, post);
    const checked = await reviewPostText(trx, post, { enforce: true, locale: actor.locale ?? 'en' });
    await recordPostEvent(trx, post.id, PostEvent.submitted, { actorId: actor.userId, now });
    const next = await advance(ctx, trx, checked, now, can(actor.role, 'posts.publish'));
    if (next.status === 'in_review') await askApprovers(ctx, trx, next, actor.userId, now);
    return next;
  });
}

export async function decidePost(
  ctx: AppContext,
  workspaceId: string,
  actor: Actor,
  postId: string,
  input: { decision: 'approved' | 'changes_requested'; comment: string },
) {
  return transition(ctx, workspaceId, postId, async (trx, post, now) => {
    assertMaySee(await postVisibility(trx, workspaceId, actor.role), post);
    if (post.status !== 'in_review') throw conflict('not_in_review', 'This post is not waiting for approval.');
    // Approving lets the post out: its text is checked against the charter in force, which may have changed.
    if (input.decision === 'approved') post = await reviewPostText(trx, post, { enforce: true, locale: actor.locale ?? 'en' });
    const approvalSteps = stepsFor((await getSettings(trx, workspaceId)).approvalSteps, post);
    const decisions = await loadDecisions(trx, post);
    if (!canDecide(approvalSteps, decisions, actor)) throw forbidden('It is not your turn to approve this post.');
    const step = approvalState(approvalSteps, decisions).currentStep ?? 0;
    await trx
      .insertInto('approvals')
      .values({
        id: crypto.randomUUID(),
        post_id: post.id,
        post_version: post.version,
        step,
        user_id: actor.userId,
        decision: input.decision,
        comment: input.comment,
        created_at: now,
      })
      .execute();
    const kind = input.decision === 'approved' ? PostEvent.approved : PostEvent.changesRequested;
    await recordPostEvent(trx, post.id, kind, { actorId: actor.userId, body: input.comment, data: { step }, now });
    const told = { actorId: actor.userId, kind: input.decision, comment: input.comment };
    if (input.decision === 'changes_requested') {
      await tellAuthorDecision(ctx, trx, post, told, now);
      return { ...post, status: 'draft' as const, version: post.version + 1 };
    }
    // Approval completing schedules the post at its planned time: approvers are the gate, not the clock.
    const next = await advance(ctx, trx, post, now, true);
    if (next.status === 'in_review') await askApprovers(ctx, trx, next, actor.userId, now);
    else await tellAuthorDecision(ctx, trx, post, told, now);
    return next;
  });
}

/** Puts an approved post on the calendar: at a time, at the accounts' next free slot, or now. */
export async function schedulePost(ctx: AppContext, workspaceId: string, actor: Actor, postId: string, at: number) {
  return transition(ctx, workspaceId, postId, async (trx, post, now) => {
    if (post.status !== 'approved' && post.status !== 'scheduled') {
      throw conflict('not_approved', 'Only an approved post can be scheduled.');
    }
    if (at < now - 1000) throw badRequest('in_the_past', 'Pick a time in the future, or publish now.');
    await assertFitsNetworks(trx, post);
    const checked = await reviewPostText(trx, post, { enforce: true, locale: actor.locale ?? 'en' });
    const { approvalSteps } = await getSettings(trx, workspaceId);
    if (legalReasonsOf(checked)?.length && !legalReviewDone(approvalSteps, await loadDecisions(trx, checked))) {
      // The charter in force sends a term of this post to legal review: it waits for that approval, planned at the time asked.
      const next = { ...checked, status: 'in_review' as const, scheduled_at: Math.max(at, now) };
      await recordPostEvent(trx, post.id, PostEvent.submitted, { actorId: actor.userId, data: { legalReview: true }, now });
      await askApprovers(ctx, trx, next, actor.userId, now);
      return next;
    }
    await recordPostEvent(trx, post.id, PostEvent.scheduled, { actorId: actor.userId, data: { at }, now });
    return { ...checked, status: 'scheduled' as const, scheduled_at: Math.max(at, now) };
  });
}

export async function unschedulePost(ctx: AppContext, workspaceId: string, actor: Actor, postId: string) {
  return transition(ctx, workspaceId, postId, async (trx, post, now) => {
    if (post.status !== 'scheduled') throw conflict('not_scheduled', 'This post is not scheduled.');
    await recordPostEvent(trx, post.id, PostEvent.unscheduled, { actorId: actor.userId, now });
    return { ...post, status: 'approved' as const };
  });
}

/** Drag and drop in the calendar: a new time, same content, same approvals. */
export async function reschedulePost(ctx: AppContext, workspaceId: string, actor: Actor, postId: string, at: number) {
  return transition(ctx, workspaceId, postId, async (trx, post, now) => {
    if (['publishing', 'published', 'failed', 'unknown'].includes(post.status)) {
      throw conflict('not_editable', 'This post has gone out or is going out.');
    }
    assertMayChangePost(actor.role, post.status, 'move');
    // The same rule for every post, draft or scheduled: the calendar takes no post into the past.
    if (at < now - 1000) throw badRequest('in_the_past', 'Pick a time in the future.');
    await recordPostEvent(trx, post.id, PostEvent.scheduled, { actorId: actor.userId, data: { at }, now });
    return { ...post, scheduled_at: at };
  });
}

/**
 * A comment on a post. The team's comments stay internal unless marked visible to the client; a client's are
 * always visible to clients.
 */
export async function commentOnPost(
  ctx: AppContext,
  workspaceId: string,
  actor: Actor,
  postId: string,
  input: { body: string; visibleToClient?: boolean },
) {
  const now = ctx.clock.now();
  const internal = can(actor.role, 'comments.internal') && !input.visibleToClient;
  await ctx.store.db.transaction().execute(async (trx) => {
    const post = await loadPost(trx, workspaceId, postId);
    assertMaySee(await postVisibility(trx, workspaceId, actor.role), post);
    await recordPostEvent(trx, post.id, PostEvent.comment, { actorId: actor.userId, body: input.body, internal, now });
    await tellMentioned(ctx, trx, post, { actorId: actor.userId, body: input.body, internal }, now);
  });
}

/** Moves a submitted post as far as the rules allow. */
async function advance(ctx: AppContext, trx: Kysely<Database>, post: PostTable, now: number, maySchedule: boolean): Promise<PostTable> {
  const approvalSteps = stepsFor((await getSettings(trx, post.workspace_id)).approvalSteps, post);
  const state = approvalState(approvalSteps, await loadDecisions(trx, post));
  if (!state.complete) return { ...post, status: 'in_review' };
  if (state.required) await recordPostEvent(trx, post.id, PostEvent.approvalComplete, { now });
  if (!post.scheduled_at || !maySchedule) return { ...post, status: 'approved' };
  // Approved after its time: someone decides when it goes out rather than it leaving unannounced.
  if (post.scheduled_at <= now) {
    await recordPostEvent(trx, post.id, PostEvent.timePassed, { data: { plannedAt: post.scheduled_at }, now });
    return { ...post, status: 'approved' };
  }
  return { ...post, status: 'scheduled' };
}

/** Runs a state change in a transaction, saves the post, and queues its publication after commit. */
async function transition(
  ctx: AppContext,
  workspaceId: string,
  postId: string,
  change: (trx: Kysely<Database>, post: PostTable, now: number) => Promise<PostTable>,
): Promise<PostTable> {
  const now = ctx.clock.now();
  const next = await ctx.store.db.transaction().execute(async (trx) => {
    const post = await loadPost(trx, workspaceId, postId);
    const after = await change(trx, post, now);
    await trx
      .updateTable('posts')
      .set({ status: after.status, scheduled_at: after.scheduled_at, version: after.version, updated_at: now })
      .where('id', '=', post.id)
      .execute();
    return after;
  });
  await enqueuePublish(ctx, next);
  return next;
}
