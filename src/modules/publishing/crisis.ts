import type { AppContext } from '../../context.js';
import { badRequest, conflict } from '../../http/errors.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { getSettings, saveSettings } from './settings.js';
import { PostEvent, recordPostEvent } from './events.js';
import { enqueuePublish } from './schedule.js';

export type OverdueAction = 'publish_now' | 'reschedule' | 'unschedule';

/** The crisis switch: stops every scheduled post of the workspace at once. */
export async function pausePublishing(ctx: AppContext, workspaceId: string, actor: { userId: string; ip: string | null }) {
  const now = ctx.clock.now();
  const settings = await getSettings(ctx.store.db, workspaceId);
  if (settings.pausedAt !== null) throw conflict('already_paused', 'Publishing is already paused.');
  await ctx.store.db.transaction().execute(async (trx) => {
    await saveSettings(trx, workspaceId, { pausedAt: now, pausedBy: actor.userId }, now);
    await recordAudit(trx, { action: AuditAction.publishingPaused, workspaceId, actorId: actor.userId, ip: actor.ip }, now);
  });
}

/** Scheduled posts whose time came while publishing was paused: resuming must say what to do with each. */
export async function overduePosts(ctx: AppContext, workspaceId: string) {
  return ctx.store.db
    .selectFrom('posts')
    .select(['id', 'body', 'scheduled_at'])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', ctx.clock.now())
    .orderBy('scheduled_at')
    .execute();
}

export async function resumePublishing(
  ctx: AppContext,
  workspaceId: string,
  actor: { userId: string; ip: string | null },
  input: { overdue: OverdueAction; rescheduleAt?: string; decisions?: Array<{ postId: string; action: OverdueAction; at?: string }> },
) {
  const { db } = ctx.store;
  const now = ctx.clock.now();
  const settings = await getSettings(db, workspaceId);
  if (settings.pausedAt === null) throw conflict('not_paused', 'Publishing is not paused.');
  const overdue = await overduePosts(ctx, workspaceId);
  const byPost = new Map((input.decisions ?? []).map((d) => [d.postId, d]));
  const round = `resume-${now}`;
  const plan = overdue.map((p) => {
    const d = byPost.get(p.id);
    const action = d?.action ?? input.overdue;
    const atIso = d?.at ?? input.rescheduleAt;
    if (action === 'reschedule') {
      const at = atIso ? Date.parse(atIso) : NaN;
      if (!Number.isFinite(at) || at <= now) throw badRequest('in_the_past', 'Give a future time for the posts to reschedule.');
      return { id: p.id, action, at };
    }
    return { id: p.id, action, at: now };
  });
  const changed = await db.transaction().execute(async (trx) => {
    await saveSettings(trx, workspaceId, { pausedAt: null, pausedBy: null }, now);
    await recordAudit(trx, { action: AuditAction.publishingResumed, workspaceId, actorId: actor.userId, ip: actor.ip, data: { overdue: plan.length } }, now);
    const out = [];
    for (const step of plan) {
      const status = step.action === 'unschedule' ? ('approved' as const) : ('scheduled' as const);
      await trx.updateTable('posts').set({ status, scheduled_at: step.at, updated_at: now }).where('id', '=', step.id).execute();
      const kind = step.action === 'unschedule' ? PostEvent.unscheduled : PostEvent.scheduled;
      await recordPostEvent(trx, step.id, kind, { actorId: actor.userId, data: { at: step.at, after: 'pause' }, now });
      out.push({ ...step, status });
    }
    return out;
  });
  for (const step of changed) {
    if (step.status !== 'scheduled') continue;
    const post = await db.selectFrom('posts').select(['id', 'workspace_id', 'version', 'status', 'scheduled_at']).where('id', '=', step.id).executeTakeFirstOrThrow();
    await enqueuePublish(ctx, post, round);
  }
  return { resumed: changed.length };
}
