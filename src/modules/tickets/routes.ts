import type { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { registerDepartmentRoutes } from './department-routes.js';
import { registerTicketRoutes } from './ticket-routes.js';
import { registerInboundMailRoutes } from './inbound-routes.js';

export function registerTicketsRoutes(app: OpenAPIHono<HttpEnv>) {
  registerDepartmentRoutes(app);
  registerTicketRoutes(app);
  registerInboundMailRoutes(app);
}
