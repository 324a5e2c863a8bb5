import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { userRoute, workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { itemsOf, jsonBody, jsonOk } from '../../http/json.js';
import { ACCEPTED_IMAGES } from '../media/images.js';
import { WorkspaceCreate, WorkspaceSchema, WorkspaceUpdate } from './schema.js';
import { assertCanCreate, createWorkspace, getWorkspace, listWorkspacesOf } from './service.js';
import { presentWorkspace } from './presenters.js';
import { updateWorkspaceSettings } from './settings.js';
import { readLogo, removeLogo, saveLogo } from './logo.js';
import { registerOverviewRoute } from './overview-route.js';

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
  summary: "Rename the workspace, or change its time zone, language, first day of the week, or what its clients see",
  request: { params: WorkspaceParams, ...jsonBody(WorkspaceUpdate) },
  responses: { 200: jsonOk(WorkspaceSchema) },
});

const logoPath = '/api/v1/workspaces/{workspaceId}/logo';
const putLogo = workspaceRoute('workspace.update', {
  method: 'put',
  path: logoPath,
  tags: ['Workspaces'],
  summary: 'Set the logo (the body is the image); its type is read from the bytes',
  request: {
    params: WorkspaceParams,
    body: { content: Object.fromEntries(ACCEPTED_IMAGES.map((t) => [t, { schema: z.string().openapi({ format: 'binary' }) }])), required: true },
  },
  responses: { 200: jsonOk(WorkspaceSchema), 413: { description: 'Too large' }, 415: { description: 'Not an image we take' } },
});
const deleteLogo = workspaceRoute('workspace.update', {
  method: 'delete',
  path: logoPath,
  tags: ['Workspaces'],
  summary: 'Remove the logo',
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(WorkspaceSchema) },
});
const getLogo = workspaceRoute('workspace.read', {
  method: 'get',
  path: logoPath,
  tags: ['Workspaces'],
  summary: 'The logo (WebP)',
  request: { params: WorkspaceParams, query: z.object({ v: z.string().max(20).optional() }) },
  responses: { 200: { description: 'The image' } },
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
    const { ctx, member, actor } = c.var;
    const meta = { actorId: actor.userId, ip: c.var.ip, now: ctx.clock.now() };
    const w = await updateWorkspaceSettings(ctx.store.db, member.workspaceId, c.req.valid('json'), meta);
    return c.json(presentWorkspace(w, member.role), 200);
  });

  app.openapi(putLogo, async (c) => {
    const { ctx, member, actor } = c.var;
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const w = await saveLogo(ctx, member.workspaceId, bytes, { actorId: actor.userId, ip: c.var.ip });
    return c.json(presentWorkspace(w, member.role), 200);
  });

  app.openapi(deleteLogo, async (c) => {
    const { ctx, member, actor } = c.var;
    const w = await removeLogo(ctx, member.workspaceId, { actorId: actor.userId, ip: c.var.ip });
    return c.json(presentWorkspace(w, member.role), 200);
  });

  app.openapi(getLogo, async (c) => {
    const bytes = await readLogo(c.var.ctx, c.var.member.workspaceId);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'image/webp', 'X-Content-Type-Options': 'nosniff' });
  });

  registerOverviewRoute(app);
}
