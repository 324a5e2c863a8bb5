import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { readerFor } from './dashboard.js';
import { ObjectiveBody, ObjectiveParams, ObjectivePatch, ObjectiveView } from './objectives/schema.js';
import { archiveObjective, createObjective, listObjectives, objectiveView, updateObjective } from './objectives/objectives.js';
import { analyticsBase, tags } from './route-common.js';

const path = `${analyticsBase}/objectives`;

const list = workspaceRoute('analytics.read', {
  method: 'get', path, tags, summary: 'The objectives with their progress and forecast at the current pace',
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(z.object({ items: z.array(ObjectiveView) })) },
});
const create = workspaceRoute('objectives.manage', {
  method: 'post', path, tags, summary: 'Set an objective for a period',
  request: { params: WorkspaceParams, ...jsonBody(ObjectiveBody) },
  responses: { 201: jsonOk(ObjectiveView, 'Created') },
});
const update = workspaceRoute('objectives.manage', {
  method: 'patch', path: `${path}/{objectiveId}`, tags, summary: 'Change an objective: it is judged afresh',
  request: { params: ObjectiveParams, ...jsonBody(ObjectivePatch) },
  responses: { 200: jsonOk(ObjectiveView) },
});
const remove = workspaceRoute('objectives.manage', {
  method: 'delete', path: `${path}/{objectiveId}`, tags, summary: 'Remove an objective',
  request: { params: ObjectiveParams },
  responses: { 204: { description: 'Removed' } },
});

export function registerObjectiveRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => {
    const { ctx, member } = c.var;
    const r = await readerFor(ctx.store, member.workspaceId, ctx.clock.now());
    const rows = await listObjectives(ctx.store.db, member.workspaceId);
    return c.json({ items: await Promise.all(rows.map((o) => objectiveView(r, o))) }, 200);
  });

  app.openapi(create, async (c) => {
    const { ctx, member, actor } = c.var;
    const now = ctx.clock.now();
    const row = await createObjective(ctx.store.db, member.workspaceId, actor.userId, c.req.valid('json'), now);
    return c.json(await objectiveView(await readerFor(ctx.store, member.workspaceId, now), row), 201);
  });

  app.openapi(update, async (c) => {
    const { ctx, member } = c.var;
    const now = ctx.clock.now();
    const row = await updateObjective(ctx.store.db, member.workspaceId, c.req.valid('param').objectiveId, c.req.valid('json'), now);
    return c.json(await objectiveView(await readerFor(ctx.store, member.workspaceId, now), row), 200);
  });

  app.openapi(remove, async (c) => {
    const { ctx, member } = c.var;
    await archiveObjective(ctx.store.db, member.workspaceId, c.req.valid('param').objectiveId, ctx.clock.now());
    return c.body(null, 204);
  });
}

