import type { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { userRoute, workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { itemsOf, jsonBody, jsonOk } from '../../http/json.js';
import { WorkspaceCreate, WorkspaceSchema, WorkspaceUpdate } from './schema.js';
import { assertCanCreate, createWorkspace, getWorkspace, listWorkspacesOf } from './service.js';
import { presentWorkspace } from './presenters.js';
import { AuditAction, recordAudit } from '../audit/service.js';

const list = userRoute({
  method: 'get',
  path: '/api/v1/workspaces',
  tags: ['Workspaces'],
  summary: 'Workspaces the signed-in user belongs to',
  responses: { 200: jsonOk(itemsOf(WorkspaceSchema)) },
});

const create = userRoute({
  method: 'post',
  path: '/api/v1/workspaces',
  tags: ['Workspaces'],
  summary: 'Open a workspace for a brand or a client (owners and admins)',
  request: jsonBody(WorkspaceCreate),
  responses: { 201: jsonOk(WorkspaceSchema, 'Created'), 403: { description: 'Not allowed' } },
});

const read = workspaceRoute('workspace.read', {
  method: 'get',
  path: '/api/v1/workspaces/{workspaceId}',
  tags: ['Workspaces'],
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(WorkspaceSchema) },
});

const update = workspaceRoute('workspace.update', {
  method: 'patch',
  path: '/api/v1/workspaces/{workspaceId}',
  tags: ['Workspaces'],
  request: { params: WorkspaceParams, ...jsonBody(WorkspaceUpdate) },
  responses: { 200: jsonOk(WorkspaceSchema) },
});

export function registerWorkspaceRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => {
    const rows = await listWorkspacesOf(c.var.ctx.store.db, c.var.actor.userId);
    return c.json({ items: rows.map((r) => presentWorkspace(r.workspace, r.role)) }, 200);
  });

  app.openapi(create, async (c) => {
    const { db } = c.var.ctx.store;
    await assertCanCreate(db, c.var.actor.userId);
    const input = c.req.valid('json');
    const meta = { ip: c.var.ip, now: c.var.ctx.clock.now() };
    const w = await db.transaction().execute((trx) => createWorkspace(trx, c.var.actor.userId, input, meta));
    return c.json(presentWorkspace(w, 'owner'), 201);
  });

  app.openapi(read, async (c) => {
    const w = await getWorkspace(c.var.ctx.store.db, c.var.member.workspaceId);
    return c.json(presentWorkspace(w, c.var.member.role), 200);
  });

  app.openapi(update, async (c) => {
    const { db } = c.var.ctx.store;
    const changes = c.req.valid('json');
    const id = c.var.member.workspaceId;
    await db.transaction().execute(async (trx) => {
      if (Object.keys(changes).length > 0) await trx.updateTable('workspaces').set(changes).where('id', '=', id).execute();
      await recordAudit(trx, {
        action: AuditAction.workspaceUpdated,
        workspaceId: id,
        actorId: c.var.actor.userId,
        target: { type: 'workspace', id },
        data: changes,
        ip: c.var.ip,
      });
    });
    return c.json(presentWorkspace(await getWorkspace(db, id), c.var.member.role), 200);
  });
}
