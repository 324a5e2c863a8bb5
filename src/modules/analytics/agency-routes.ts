import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { userRoute } from '../../http/route.js';
import { jsonOk } from '../../http/json.js';
import { agencyRows } from './agency.js';
import { periodOf } from './period.js';
import { AgencyRowView, PeriodQuery } from './schema.js';
import { tags } from './route-common.js';

const agency = userRoute({
  method: 'get', path: '/api/v1/analytics/agency', tags,
  summary: 'Every workspace the member reads, side by side for one period; inbox figures only where the member reads the inbox',
  request: { query: PeriodQuery },
  responses: { 200: jsonOk(z.object({ items: z.array(AgencyRowView) })) },
});

export function registerAgencyRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(agency, async (c) => {
    const q = c.req.valid('query');
    return c.json({ items: await agencyRows(c.var.ctx, c.var.actor.userId, periodOf(q.from, q.to)) }, 200);
  });
}
