import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import type { AppContext } from '../../context.js';
import type { PublishingSettingsView } from '../../shared/api.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { ApprovalSteps } from './approval-policy.js';
import { getSettings, saveSettings } from './settings.js';
import { overduePosts, pausePublishing, resumePublishing } from './crisis.js';

const Settings = z.object({ approvalSteps: z.array(z.object({ roles: z.array(z.string()), count: z.number() })), paused: z.boolean() }).passthrough().openapi('PublishingSettings');
const OverdueAction = z.enum(['publish_now', 'reschedule', 'unschedule']);
const path = '/api/v1/workspaces/{workspaceId}/publishing';

const read = workspaceRoute('posts.read', {
  method: 'get', path, tags: ['Publishing'],
  summary: 'Approval steps, and whether publishing is paused (with the posts whose time has passed)',
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(Settings) },
});
const update = workspaceRoute('workspace.update', {
  method: 'patch', path, tags: ['Publishing'],
  summary: 'Whether posts need approval, and by whom: steps of N people holding given roles',
  request: { params: WorkspaceParams, ...jsonBody(z.strictObject({ approvalSteps: ApprovalSteps })) },
  responses: { 200: jsonOk(Settings) },
});
const pause = workspaceRoute('crisis.manage', {
  method: 'post', path: `${path}/pause`, tags: ['Publishing'],
  summary: 'Crisis switch: pause every scheduled post of the workspace at once',
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(Settings) },
});
const resume = workspaceRoute('crisis.manage', {
  method: 'post', path: `${path}/resume`, tags: ['Publishing'],
  summary: 'Resume publishing, saying what to do with posts whose time passed during the pause',
  request: {
    params: WorkspaceParams,
    ...jsonBody(
      z.strictObject({
        overdue: OverdueAction,
        rescheduleAt: z.iso.datetime({ offset: true }).optional(),
        decisions: z.array(z.strictObject({ postId: z.string(), action: OverdueAction, at: z.iso.datetime({ offset: true }).optional() })).max(5000).optional(),
      }),
    ),
  },
  responses: { 200: jsonOk(Settings) },
});

async function view(ctx: AppContext, workspaceId: string): Promise<PublishingSettingsView> {
  const s = await getSettings(ctx.store.db, workspaceId);
  const overdue = s.pausedAt === null ? [] : await overduePosts(ctx, workspaceId);
  return {
    approvalSteps: s.approvalSteps,
    paused: s.pausedAt !== null,
    pausedAt: s.pausedAt === null ? null : new Date(s.pausedAt).toISOString(),
    pausedBy: s.pausedBy,
    overdue: overdue.map((p) => ({ id: p.id, body: p.body.slice(0, 280), scheduledAt: new Date(Number(p.scheduled_at)).toISOString() })),
  };
}

export function registerPublishingSettingsRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(read, async (c) => c.json(await view(c.var.ctx, c.var.member.workspaceId), 200));
  app.openapi(update, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const { approvalSteps } = c.req.valid('json');
    const now = ctx.clock.now();
    await ctx.store.db.transaction().execute(async (trx) => {
      await saveSettings(trx, member.workspaceId, { approvalSteps }, now);
      await recordAudit(trx, { action: AuditAction.approvalSettingsChanged, workspaceId: member.workspaceId, actorId: actor.userId, data: { approvalSteps }, ip }, now);
    });
    return c.json(await view(ctx, member.workspaceId), 200);
  });
  app.openapi(pause, async (c) => {
    await pausePublishing(c.var.ctx, c.var.member.workspaceId, { userId: c.var.actor.userId, ip: c.var.ip });
    return c.json(await view(c.var.ctx, c.var.member.workspaceId), 200);
  });
  app.openapi(resume, async (c) => {
    await resumePublishing(c.var.ctx, c.var.member.workspaceId, { userId: c.var.actor.userId, ip: c.var.ip }, c.req.valid('json'));
    return c.json(await view(c.var.ctx, c.var.member.workspaceId), 200);
  });
}
