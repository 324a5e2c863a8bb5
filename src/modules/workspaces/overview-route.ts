import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonOk } from '../../http/json.js';
import { workspaceOverview } from './overview.js';

const Glance = z.object({ id: z.string(), status: z.string(), excerpt: z.string(), scheduledAt: z.string().nullable() }).passthrough();
const OverviewSchema = z
  .object({
    zone: z.string(),
    approvalRequired: z.boolean(),
    agenda: z.array(Glance),
    toApprove: z.object({ count: z.number(), items: z.array(Glance) }).passthrough().nullable(),
    problems: z.object({ failed: z.array(Glance), held: z.array(Glance) }).passthrough().nullable(),
    crisis: z.object({ pausedAt: z.string() }).passthrough().nullable(),
  })
  .passthrough()
  .openapi('Overview');

const overview = workspaceRoute('posts.read', {
  method: 'get',
  path: '/api/v1/workspaces/{workspaceId}/overview',
  tags: ['Workspaces'],
  summary: "The workspace's home: this week's posts, what waits for me, what failed, accounts to reconnect, a pause",
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(OverviewSchema) },
});

export function registerOverviewRoute(app: OpenAPIHono<HttpEnv>) {
  app.openapi(overview, async (c) => {
    const { ctx, member, actor } = c.var;
    return c.json(await workspaceOverview(ctx, member.workspaceId, { userId: actor.userId, role: member.role }), 200);
  });
}
