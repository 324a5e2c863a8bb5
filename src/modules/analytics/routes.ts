import type { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { registerDashboardRoutes } from './dashboard-routes.js';
import { registerPostRoutes } from './post-routes.js';
import { registerObjectiveRoutes } from './objective-routes.js';
import { registerAgencyRoutes } from './agency-routes.js';
import { registerWatchRoutes } from './watch-routes.js';

export function registerAnalyticsRoutes(app: OpenAPIHono<HttpEnv>) {
  registerDashboardRoutes(app);
  registerPostRoutes(app);
  registerObjectiveRoutes(app);
  registerAgencyRoutes(app);
  registerWatchRoutes(app);
}
