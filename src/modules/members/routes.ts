import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { itemsOf, jsonBody, jsonOk, noContent } from '../../http/json.js';
import { ROLES, can } from '../../shared/permissions.js';
import { forbidden } from '../../http/errors.js';
import { changeRole, listMembers, removeMember } from './service.js';

const MemberSchema = z
  .object({ id: z.string(), userId: z.string(), name: z.string(), email: z.string(), role: z.enum(ROLES), joinedAt: z.string() })
  .openapi('Member');
const MemberParams = WorkspaceParams.extend({ memberId: z.string().min(1).max(64) });

const list = workspaceRoute('members.read', {
  method: 'get',
  path: '/api/v1/workspaces/{workspaceId}/members',
  tags: ['Members'],
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(itemsOf(MemberSchema)) },
});

const update = workspaceRoute('members.update', {
  method: 'patch',
  path: '/api/v1/workspaces/{workspaceId}/members/{memberId}',
  tags: ['Members'],
  summary: "Change a member's role",
  request: { params: MemberParams, ...jsonBody(z.strictObject({ role: z.enum(ROLES) })) },
  responses: { 200: jsonOk(MemberSchema), 409: { description: 'Would leave no owner' } },
});

// Leaving a workspace needs no permission beyond membership; removing others needs members.remove.
const remove = workspaceRoute('workspace.read', {
  method: 'delete',
  path: '/api/v1/workspaces/{workspaceId}/members/{memberId}',
  tags: ['Members'],
  summary: 'Remove a member (or leave the workspace)',
  request: { params: MemberParams },
  responses: { 204: noContent, 409: { description: 'Would leave no owner' } },
});

export function registerMemberRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => c.json({ items: await listMembers(c.var.ctx.store.db, c.var.member.workspaceId) }, 200));

  app.openapi(update, async (c) => {
    const { memberId } = c.req.valid('param');
    const { role } = c.req.valid('json');
    const actor = { userId: c.var.actor.userId, role: c.var.member.role, ip: c.var.ip };
    return c.json(await changeRole(c.var.ctx.store.db, c.var.member.workspaceId, memberId, role, actor), 200);
  });

  app.openapi(remove, async (c) => {
    const { memberId } = c.req.valid('param');
    const { member } = c.var;
    const actor = { userId: c.var.actor.userId, role: member.role, ip: c.var.ip };
    if (memberId !== member.membershipId && !can(member.role, 'members.remove')) throw forbidden();
    await removeMember(c.var.ctx.store.db, member.workspaceId, memberId, actor);
    return c.body(null, 204);
  });
}
