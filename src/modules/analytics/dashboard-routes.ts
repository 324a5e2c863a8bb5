import type { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonOk } from '../../http/json.js';
import { computeDashboard } from './dashboard.js';
import { DashboardQuery, DashboardView } from './schema.js';
import { periodOf } from './period.js';
import { analyticsBase, tags } from './route-common.js';

const dashboard = workspaceRoute('analytics.read', {
  method: 'get', path: `${analyticsBase}/dashboard`, tags,
  summary: 'Every figure of a period against the previous one or the year before, each with its formula; inbox figures only for those who read the inbox',
  request: { params: WorkspaceParams, query: DashboardQuery },
  responses: { 200: jsonOk(DashboardView) },
});

export function registerDashboardRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(dashboard, async (c) => {
    const { ctx, member } = c.var;
    const q = c.req.valid('query');
    const scope = { workspaceId: member.workspaceId, accountId: q.accountId ?? null, network: q.network ?? null, campaignId: q.campaignId ?? null, label: q.label ?? null };
    return c.json(await computeDashboard(ctx, scope, periodOf(q.from, q.to), q.compare, member.role), 200);
  });
}
