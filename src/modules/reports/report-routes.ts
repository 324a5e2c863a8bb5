import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { AppError } from '../../http/errors.js';
import { getWorkspace } from '../workspaces/service.js';
import { readMediaFile } from '../media/storage.js';
import { coveredWorkspaces } from './access.js';
import { FileParams, ReportBody, ReportParams, ReportView } from './schema.js';
import {
  attachmentHeader, CONTENT_TYPES, deleteReport, downloadName, findReport, queueReport, reportFromRequest, viewsOf,
} from './service.js';

export const reportsBase = '/api/v1/workspaces/{workspaceId}/reports';
export const tags = ['Reports'];

const list = workspaceRoute('analytics.read', {
  method: 'get', path: reportsBase, tags, summary: 'The generated reports, newest first, with their state and files',
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(z.object({ items: z.array(ReportView) })) },
});
const create = workspaceRoute('reports.manage', {
  method: 'post', path: reportsBase, tags,
  summary: 'Generate a report: queued at once, made in the background (PDF, XLSX, CSV), then sent to its recipients',
  request: { params: WorkspaceParams, ...jsonBody(ReportBody) },
  responses: { 201: jsonOk(ReportView, 'Queued'), 403: { description: 'An agency report names a workspace the member does not read (code workspace_not_readable)' } },
});
const get = workspaceRoute('analytics.read', {
  method: 'get', path: `${reportsBase}/{reportId}`, tags, summary: 'A report: its state, and its progress while it is made',
  request: { params: ReportParams },
  responses: { 200: jsonOk(ReportView) },
});
const remove = workspaceRoute('reports.manage', {
  method: 'delete', path: `${reportsBase}/{reportId}`, tags, summary: 'Delete a report with its files and share links',
  request: { params: ReportParams },
  responses: { 204: { description: 'Deleted' } },
});
const file = workspaceRoute('analytics.read', {
  method: 'get', path: `${reportsBase}/{reportId}/files/{format}`, tags, summary: 'Download a ready report as PDF, XLSX or CSV',
  request: { params: FileParams },
  responses: {
    200: { description: 'The file', content: Object.fromEntries(Object.values(CONTENT_TYPES).map((t) => [t, { schema: z.string().openapi({ format: 'binary' }) }])) },
    409: { description: 'Not ready yet (code report_not_ready)' },
  },
});

export function registerReportCrudRoutes(app: OpenAPIHono<HttpEnv>) {
  // The templates' paths share this prefix: they are registered first, so "templates" is never read as a report id.
  app.openapi(list, async (c) => {
    const { ctx, member } = c.var;
    const rows = await ctx.store.db.selectFrom('reports').selectAll().where('workspace_id', '=', member.workspaceId)
      .orderBy('created_at', 'desc').orderBy('id').limit(200).execute();
    return c.json({ items: await viewsOf(ctx.store.db, rows) }, 200);
  });

  app.openapi(create, async (c) => {
    const { ctx, member, actor } = c.var;
    const body = c.req.valid('json');
    const ws = await getWorkspace(ctx.store.db, member.workspaceId);
    const workspaceIds = await coveredWorkspaces(ctx.store.db, actor.userId, member.workspaceId, body.workspaceIds ?? []);
    const input = await reportFromRequest(ctx, { id: ws.id, timezone: ws.timezone, locale: ws.locale }, body, workspaceIds, actor.userId);
    if (!body.workspaceIds && input.templateId) {
      // A template's agency workspaces are checked again: the member may have lost one since it was saved.
      const tpl = await ctx.store.db.selectFrom('report_templates').select('workspace_ids').where('id', '=', input.templateId).executeTakeFirstOrThrow();
      input.workspaceIds = await coveredWorkspaces(ctx.store.db, actor.userId, member.workspaceId, JSON.parse(tpl.workspace_ids) as string[]);
    }
    const row = await queueReport(ctx, input);
    const [view] = await viewsOf(ctx.store.db, [row]);
    return c.json(view, 201);
  });

  app.openapi(get, async (c) => {
    const { ctx, member } = c.var;
    const row = await findReport(ctx.store.db, member.workspaceId, c.req.valid('param').reportId);
    const [view] = await viewsOf(ctx.store.db, [row]);
    return c.json(view, 200);
  });

  app.openapi(remove, async (c) => {
    const { ctx, member } = c.var;
    await deleteReport(ctx, await findReport(ctx.store.db, member.workspaceId, c.req.valid('param').reportId));
    return c.body(null, 204);
  });

  app.openapi(file, async (c) => {
    const { ctx, member } = c.var;
    const { reportId, format } = c.req.valid('param');
    const row = await findReport(ctx.store.db, member.workspaceId, reportId);
    const key = { pdf: row.pdf_key, xlsx: row.xlsx_key, csv: row.csv_key }[format];
    if (row.status !== 'ready' || !key) throw new AppError('report_not_ready', 409, 'This report is not ready yet: wait until its state says ready.');
    const bytes = await readMediaFile(ctx.config.dataDir, key);
    const ws = await getWorkspace(ctx.store.db, member.workspaceId);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': CONTENT_TYPES[format], 'Content-Disposition': attachmentHeader(downloadName(row, format, ws.timezone)),
      'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store',
    });
  });
}
