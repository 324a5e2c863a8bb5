import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { userRoute } from '../../http/route.js';
import { jsonOk } from '../../http/json.js';
import { MATRIX, PERMISSIONS, ROLES } from '../../shared/permissions.js';

const matrix = userRoute({
  method: 'get',
  path: '/api/v1/permissions',
  tags: ['Members'],
  summary: 'The roles and what each may do',
  responses: {
    200: jsonOk(z.object({ roles: z.array(z.string()), permissions: z.array(z.string()), matrix: z.record(z.string(), z.array(z.string())) })),
  },
});

export function registerPermissionRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(matrix, (c) => c.json({ roles: [...ROLES], permissions: [...PERMISSIONS], matrix: MATRIX as Record<string, string[]> }, 200));
}
