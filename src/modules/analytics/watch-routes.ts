import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonOk } from '../../http/json.js';
import { AccountWatchFiguresView, ScopeQuery } from './schema.js';
import { accountWatchFigures } from './watch-figures.js';
import { analyticsBase, tags } from './route-common.js';

const watch = workspaceRoute('analytics.read', {
  method: 'get', path: `${analyticsBase}/watch-figures`, tags,
  summary: 'Each account\'s minutes watched and followers gained since it began, where its network measures them (YouTube), or why they are missing',
  request: { params: WorkspaceParams, query: ScopeQuery.pick({ accountId: true, network: true }) },
  responses: { 200: jsonOk(z.object({ items: z.array(AccountWatchFiguresView) })) },
});

export function registerWatchRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(watch, async (c) => {
    const { ctx, member } = c.var;
    const q = c.req.valid('query');
    return c.json({ items: await accountWatchFigures(ctx.store.db, member.workspaceId, q) }, 200);
  });
}
