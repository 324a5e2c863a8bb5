import type { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { registerTemplateRoutes } from './template-routes.js';
import { registerReportCrudRoutes } from './report-routes.js';
import { registerShareRoutes } from './share-routes.js';

export function registerReportRoutes(app: OpenAPIHono<HttpEnv>) {
  // Templates first: their path would otherwise be read as a report's id.
  registerTemplateRoutes(app);
  registerReportCrudRoutes(app);
  registerShareRoutes(app);
}
