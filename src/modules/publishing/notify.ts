import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database, PostStatus, PostTable } from '../../store/schema.js';
import { notify } from '../notifications/notify.js';
import { NotificationKind } from '../notifications/kinds.js';
import { excerpt } from '../notifications/excerpt.js';
import { mentionedMembers } from '../notifications/mentions.js';
import { membersWithPermission, membersWithRoles, userName } from '../notifications/recipients.js';
import { approvalState } from './approval-policy.js';
import { loadDecisions } from './posts-repository.js';
import { getSettings } from './settings.js';
import { clientGrants, hiddenFrom, visibilityOf } from './visibility.js';
import { isRole } from '../../shared/permissions.js';
import { stepsFor } from './legal-review.js';

/**
 * Who publishing tells, and of what. Each function runs inside the transaction of the change it reports,
 * so that a notification exists exactly when the change does.
 */
type Post = Pick<PostTable, 'id' | 'workspace_id' | 'author_id' | 'body' | 'version' | 'charter_review'>;

const post = (p: Pick<Post, 'id'>) => ({ type: 'post' as const, id: p.id });

/** Asks the members who may approve at the post's current step; once per version and step. */
export async function askApprovers(ctx: AppContext, db: Kysely<Database>, p: Post, actorId: string, now: number) {
  const approvalSteps = stepsFor((await getSettings(db, p.workspace_id)).approvalSteps, p);
  const decisions = await loadDecisions(db, p as PostTable);
  const { currentStep } = approvalState(approvalSteps, decisions);
  if (currentStep === null) return;
  const decided = new Set(decisions.filter((d) => d.step === currentStep).map((d) => d.userId));
  const approvers = await membersWithRoles(db, p.workspace_id, approvalSteps[currentStep].roles);
  await notify(ctx, db, {
    workspaceId: p.workspace_id,
    kind: NotificationKind.approvalRequested,
    recipients: approvers.filter((id) => !decided.has(id)),
    object: post(p),
    params: { authorName: await userName(db, p.author_id), excerpt: excerpt(p.body) },
    actorId,
    dedupeKey: `approval:${p.id}:${p.version}:${currentStep}`,
    now,
  });
}

/** Tells the author that approval is complete, or that an approver wants changes. */
export async function tellAuthorDecision(
  ctx: AppContext,
  db: Kysely<Database>,
  p: Post,
  decision: { actorId: string; kind: 'approved' | 'changes_requested'; comment: string },
  now: number,
) {
  await notify(ctx, db, {
    workspaceId: p.workspace_id,
    kind: decision.kind === 'approved' ? NotificationKind.postApproved : NotificationKind.postChangesRequested,
    recipients: [p.author_id],
    object: post(p),
    params: { actorName: await userName(db, decision.actorId), excerpt: excerpt(p.body), comment: excerpt(decision.comment, 280) },
    actorId: decision.actorId,
    now,
  });
}

/** Posts that did not go out (or may not have): their authors and everyone who may publish are told. */
export async function tellOutcomes(ctx: AppContext, db: Kysely<Database>, settled: ReadonlyArray<{ id: string; status: PostStatus }>, now: number) {
  const bad = settled.filter((s) => s.status === 'failed' || s.status === 'unknown');
  if (bad.length === 0) return;
  const posts = await db.selectFrom('posts').select(['id', 'workspace_id', 'author_id', 'body']).where('id', 'in', bad.map((b) => b.id)).execute();
  const errors = await db
    .selectFrom('post_targets')
    .select(['post_id', 'error_message'])
    .where('post_id', 'in', bad.map((b) => b.id))
    .where('error_message', 'is not', null)
    .execute();
  const publishers = new Map<string, string[]>();
  for (const p of posts) {
    if (!publishers.has(p.workspace_id)) publishers.set(p.workspace_id, await membersWithPermission(db, p.workspace_id, 'posts.publish'));
    const reasons = [...new Set(errors.filter((e) => e.post_id === p.id).map((e) => e.error_message))].join(' · ');
    await notify(ctx, db, {
      workspaceId: p.workspace_id,
      kind: NotificationKind.postFailed,
      recipients: [p.author_id, ...publishers.get(p.workspace_id)!],
      object: post(p),
      params: { excerpt: excerpt(p.body), outcome: bad.find((b) => b.id === p.id)!.status, reason: excerpt(reasons, 200) },
      now,
    });
  }
}

/** Its planned time came while the post still waited for approval: it did not go out. */
export async function tellAuthorWaiting(ctx: AppContext, p: Post & { scheduled_at: number | null }) {
  await notify(ctx, ctx.store.db, {
    workspaceId: p.workspace_id,
    kind: NotificationKind.postWaiting,
    recipients: [p.author_id],
    object: post(p),
    params: { excerpt: excerpt(p.body) },
    dedupeKey: `waiting:${p.id}:${p.version}:${p.scheduled_at ?? ''}`,
    now: ctx.clock.now(),
  });
}

/**
 * Members named in a comment (@name, @localpart) are told, the commenter excepted, and only those who may read
 * it: a client is not told of an internal comment, or of a draft, that the workspace keeps from clients.
 */
export async function tellMentioned(
  ctx: AppContext,
  db: Kysely<Database>,
  p: Post & Pick<PostTable, 'status'>,
  comment: { actorId: string; body: string; internal: boolean },
  now: number,
) {
  if (!comment.body.includes('@')) return;
  const members = await db
    .selectFrom('memberships')
    .innerJoin('user', 'user.id', 'memberships.user_id')
    .select(['memberships.user_id as userId', 'memberships.role', 'user.name', 'user.email'])
    .where('memberships.workspace_id', '=', p.workspace_id)
    .execute();
  const grants = await clientGrants(db, p.workspace_id);
  const readers = members.filter((m) => {
    if (!isRole(m.role)) return false;
    const sees = visibilityOf(m.role, grants);
    return !hiddenFrom(sees, p) && (!comment.internal || sees.internalComments);
  });
  await notify(ctx, db, {
    workspaceId: p.workspace_id,
    kind: NotificationKind.commentMention,
    recipients: mentionedMembers(comment.body, readers),
    object: post(p),
    params: { actorName: await userName(db, comment.actorId), comment: excerpt(comment.body, 280), excerpt: excerpt(p.body, 80) },
    actorId: comment.actorId,
    now,
  });
}
