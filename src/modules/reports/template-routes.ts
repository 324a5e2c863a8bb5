import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { getWorkspace } from '../workspaces/service.js';
import { coveredWorkspaces } from './access.js';
import { TemplateBody, TemplateParams, TemplatePatch, TemplateView } from './schema.js';
import { createTemplate, deleteTemplate, findTemplate, listTemplates, templateView, updateTemplate } from './templates.js';
import { reportsBase, tags } from './report-routes.js';

const path = `${reportsBase}/templates`;

const list = workspaceRoute('analytics.read', {
  method: 'get', path, tags, summary: 'The saved report templates with their schedules',
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(z.object({ items: z.array(TemplateView) })) },
});
const get = workspaceRoute('analytics.read', {
  method: 'get', path: `${path}/{templateId}`, tags, summary: 'A report template',
  request: { params: TemplateParams },
  responses: { 200: jsonOk(TemplateView) },
});
const create = workspaceRoute('reports.manage', {
  method: 'post', path, tags,
  summary: 'Save a report template; with its schedule on, a report of the month or quarter just ended is made and sent on the 1st',
  request: { params: WorkspaceParams, ...jsonBody(TemplateBody) },
  responses: { 201: jsonOk(TemplateView, 'Created') },
});
const update = workspaceRoute('reports.manage', {
  method: 'patch', path: `${path}/{templateId}`, tags, summary: 'Change a template or its schedule',
  request: { params: TemplateParams, ...jsonBody(TemplatePatch) },
  responses: { 200: jsonOk(TemplateView) },
});
const remove = workspaceRoute('reports.manage', {
  method: 'delete', path: `${path}/{templateId}`, tags, summary: 'Delete a template; the reports made from it stay',
  request: { params: TemplateParams },
  responses: { 204: { description: 'Deleted' } },
});

export function registerTemplateRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => {
    const { ctx, member } = c.var;
    return c.json({ items: (await listTemplates(ctx.store.db, member.workspaceId)).map(templateView) }, 200);
  });

  app.openapi(get, async (c) => {
    const { ctx, member } = c.var;
    return c.json(templateView(await findTemplate(ctx.store.db, member.workspaceId, c.req.valid('param').templateId)), 200);
  });

  app.openapi(create, async (c) => {
    const { ctx, member, actor } = c.var;
    const body = c.req.valid('json');
    const ws = await getWorkspace(ctx.store.db, member.workspaceId);
    const workspaceIds = await coveredWorkspaces(ctx.store.db, actor.userId, member.workspaceId, body.workspaceIds);
    const row = await createTemplate(ctx.store.db, ws, body, workspaceIds, actor.userId, ctx.clock.now());
    return c.json(templateView(row), 201);
  });

  app.openapi(update, async (c) => {
    const { ctx, member, actor } = c.var;
    const patch = c.req.valid('json');
    const current = await findTemplate(ctx.store.db, member.workspaceId, c.req.valid('param').templateId);
    const ws = await getWorkspace(ctx.store.db, member.workspaceId);
    const workspaceIds = patch.workspaceIds === undefined ? undefined : await coveredWorkspaces(ctx.store.db, actor.userId, member.workspaceId, patch.workspaceIds);
    const row = await updateTemplate(ctx.store.db, ws, current, patch, workspaceIds, actor.userId, ctx.clock.now());
    return c.json(templateView(row), 200);
  });

  app.openapi(remove, async (c) => {
    const { ctx, member } = c.var;
    const row = await findTemplate(ctx.store.db, member.workspaceId, c.req.valid('param').templateId);
    await deleteTemplate(ctx.store.db, row.id);
    return c.body(null, 204);
  });
}
