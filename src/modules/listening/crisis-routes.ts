import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { getSettings } from '../publishing/settings.js';
import { CrisisParams } from './schema.js';
import { alertDetail, AlertDetail } from './alert-routes.js';
import { addCrisisNote, closeCrisis, crisisLog, crisisView, listCrises, openCrisis, updateCrisis } from './crisis.js';
import { listeningBase, tags } from './route-common.js';

const path = `${listeningBase}/crises`;

const CrisisView = z.object({
  id: z.string(), title: z.string(), status: z.string(), alertId: z.string().nullable(), pausedPublishing: z.boolean(), holdingStatement: z.string(),
  openedBy: z.object({ id: z.string(), name: z.string() }), openedAt: z.string(), closedAt: z.string().nullable(),
}).openapi('ListeningCrisis');
const LogEntry = z.object({ id: z.string(), kind: z.string(), body: z.string(), at: z.string(), user: z.object({ id: z.string(), name: z.string() }).nullable() });

const open = workspaceRoute('crisis.manage', {
  method: 'post', path, tags, summary: 'Crisis mode: open a room, pause scheduled publishing if asked, draft a holding statement from a saved reply',
  request: { params: WorkspaceParams, ...jsonBody(z.object({
    alertId: z.string().max(64).optional(), title: z.string().trim().min(1).max(200), pausePublishing: z.boolean(), savedReplyId: z.string().max(64).optional(),
  })) },
  responses: { 201: jsonOk(CrisisView) },
});

const list = workspaceRoute('listening.read', {
  method: 'get', path, tags, summary: 'Crisis rooms, newest first',
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(z.object({ items: z.array(CrisisView) })) },
});

const detail = workspaceRoute('listening.read', {
  method: 'get', path: `${path}/{crisisId}`, tags, summary: 'A crisis room: its evidence, statement and log',
  request: { params: CrisisParams },
  responses: { 200: jsonOk(CrisisView.extend({ log: z.array(LogEntry), alert: AlertDetail.nullable(), publishingPaused: z.boolean() })) },
});

const note = workspaceRoute('crisis.manage', {
  method: 'post', path: `${path}/{crisisId}/log`, tags, summary: 'Add a note to the crisis log',
  request: { params: CrisisParams, ...jsonBody(z.object({ body: z.string().trim().min(1).max(5000) })) },
  responses: { 201: jsonOk(LogEntry) },
});

const update = workspaceRoute('crisis.manage', {
  method: 'patch', path: `${path}/{crisisId}`, tags, summary: 'Change the title or the holding statement',
  request: { params: CrisisParams, ...jsonBody(z.object({ title: z.string().trim().min(1).max(200).optional(), holdingStatement: z.string().max(10_000).optional() })) },
  responses: { 200: jsonOk(CrisisView) },
});

const close = workspaceRoute('crisis.manage', {
  method: 'post', path: `${path}/{crisisId}/close`, tags, summary: 'Close the crisis, resuming publishing if asked',
  request: { params: CrisisParams, ...jsonBody(z.object({ resumePublishing: z.boolean(), summary: z.string().max(5000).optional() })) },
  responses: { 200: jsonOk(CrisisView) },
});

export function registerCrisisRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(open, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    return c.json(await openCrisis(ctx, member.workspaceId, { userId: actor.userId, ip }, c.req.valid('json')), 201);
  });

  app.openapi(list, async (c) => c.json({ items: await listCrises(c.var.ctx.store.db, c.var.member.workspaceId) }, 200));

  app.openapi(detail, async (c) => {
    const { ctx, member } = c.var;
    const { db } = ctx.store;
    const view = await crisisView(db, member.workspaceId, c.req.valid('param').crisisId);
    const [log, alert, settings] = await Promise.all([
      crisisLog(db, member.workspaceId, view.id),
      view.alertId ? alertDetail(db, member.workspaceId, view.alertId) : Promise.resolve(null),
      getSettings(db, member.workspaceId),
    ]);
    return c.json({ ...view, log, alert, publishingPaused: settings.pausedAt !== null }, 200);
  });

  app.openapi(note, async (c) => {
    const { ctx, member, actor } = c.var;
    return c.json(await addCrisisNote(ctx, member.workspaceId, c.req.valid('param').crisisId, actor.userId, c.req.valid('json').body), 201);
  });

  app.openapi(update, async (c) => {
    const { ctx, member, actor } = c.var;
    return c.json(await updateCrisis(ctx, member.workspaceId, c.req.valid('param').crisisId, actor.userId, c.req.valid('json')), 200);
  });

  app.openapi(close, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    return c.json(await closeCrisis(ctx, member.workspaceId, c.req.valid('param').crisisId, { userId: actor.userId, ip }, c.req.valid('json')), 200);
  });
}
