import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { publicRoute, workspaceRoute } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { AppError } from '../../http/errors.js';
import { hit, type Limit } from '../session/rate-limit.js';
import { readMediaFile } from '../media/storage.js';
import { ReportParams, ShareBody, ShareCreated, ShareParams, ShareView, SharedReportView, TokenParams } from './schema.js';
import { attachmentHeader, downloadName, findReport } from './service.js';
import { createShare, listShares, revokeShare, sharedReport, shareUrl, shareView } from './shares.js';
import { reportsBase, tags } from './report-routes.js';

const path = `${reportsBase}/{reportId}/shares`;
const publicPath = '/api/v1/shared-reports/{token}';
const gone = { description: 'Unknown, revoked or expired link' };
const tooMany = { description: 'Too many requests from this address; Retry-After says when to try again' };

const list = workspaceRoute('reports.manage', {
  method: 'get', path, tags, summary: 'The report’s share links, active or not (their tokens are never shown again)',
  request: { params: ReportParams },
  responses: { 200: jsonOk(z.object({ items: z.array(ShareView) })) },
});
const create = workspaceRoute('reports.manage', {
  method: 'post', path, tags, summary: 'A read-only link to the report for a client, expiring after 1 to 90 days; its address is shown only here',
  request: { params: ReportParams, ...jsonBody(ShareBody) },
  responses: { 201: jsonOk(ShareCreated, 'Created'), 409: { description: 'The report is not ready (code report_not_ready)' } },
});
const revoke = workspaceRoute('reports.manage', {
  method: 'delete', path: `${path}/{shareId}`, tags, summary: 'Revoke a share link: it opens nothing from now on',
  request: { params: ShareParams },
  responses: { 204: { description: 'Revoked' } },
});
const sharedMeta = publicRoute({
  method: 'get', path: publicPath, tags, summary: 'What a share link opens: the report’s title, brand and period; no sign-in',
  request: { params: TokenParams },
  responses: { 200: jsonOk(SharedReportView), 404: gone, 429: tooMany },
});
const sharedPdf = publicRoute({
  method: 'get', path: `${publicPath}/pdf`, tags, summary: 'The shared report’s PDF; no sign-in',
  request: { params: TokenParams },
  responses: { 200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }, 404: gone, 429: tooMany },
});

/** Guessing tokens is hopeless (256 bits), but an address that tries many is slowed all the same. */
const sharedLimit = (ip: string | null): Limit => ({ key: `shared-report-ip:${ip ?? '-'}`, max: 300, windowMs: 15 * 60_000 });

export function registerShareRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => {
    const { ctx, member } = c.var;
    const report = await findReport(ctx.store.db, member.workspaceId, c.req.valid('param').reportId);
    const now = ctx.clock.now();
    return c.json({ items: (await listShares(ctx.store.db, report.id)).map((s) => shareView(s, now)) }, 200);
  });

  app.openapi(create, async (c) => {
    const { ctx, member, actor } = c.var;
    const report = await findReport(ctx.store.db, member.workspaceId, c.req.valid('param').reportId);
    if (report.status !== 'ready') throw new AppError('report_not_ready', 409, 'Only a ready report can be shared: wait until its state says ready.');
    const { row, token } = await createShare(ctx.store.db, report, c.req.valid('json').expiresInDays, actor.userId, ctx.clock.now());
    return c.json({ id: row.id, url: shareUrl(ctx.config.publicUrl, token), expiresAt: new Date(Number(row.expires_at)).toISOString() }, 201);
  });

  app.openapi(revoke, async (c) => {
    const { ctx, member } = c.var;
    const { reportId, shareId } = c.req.valid('param');
    const report = await findReport(ctx.store.db, member.workspaceId, reportId);
    await revokeShare(ctx.store.db, report.id, shareId, ctx.clock.now());
    return c.body(null, 204);
  });

  app.openapi(sharedMeta, async (c) => {
    const { ctx, ip } = c.var;
    await hit(ctx.store.db, sharedLimit(ip), ctx.clock.now());
    const r = await sharedReport(ctx.store.db, c.req.valid('param').token, ctx.clock.now());
    const iso = (ms: number) => new Date(Number(ms)).toISOString();
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.json({
      title: r.title, workspaceName: r.workspace_name, period: r.period, periodStart: iso(r.period_start), periodEnd: iso(r.period_end),
      timezone: r.timezone, locale: r.locale, brandColor: r.brand_color, pages: r.pages === null ? null : Number(r.pages),
      createdAt: iso(r.created_at), expiresAt: iso(r.expires_at),
    }, 200);
  });

  app.openapi(sharedPdf, async (c) => {
    const { ctx, ip } = c.var;
    await hit(ctx.store.db, sharedLimit(ip), ctx.clock.now());
    const r = await sharedReport(ctx.store.db, c.req.valid('param').token, ctx.clock.now());
    const bytes = await readMediaFile(ctx.config.dataDir, r.pdf_key!);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/pdf', 'Content-Disposition': attachmentHeader(downloadName(r, 'pdf', r.timezone)),
      'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer',
    });
  });
}
