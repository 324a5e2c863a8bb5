import type { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';

export function registerReportRoutes(_app: OpenAPIHono<HttpEnv>) {}
