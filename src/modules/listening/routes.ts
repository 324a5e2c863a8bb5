import type { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { registerTopicRoutes } from './topic-routes.js';
import { registerSourceRoutes } from './source-routes.js';
import { registerMentionRoutes } from './mention-routes.js';
import { registerAlertRoutes } from './alert-routes.js';
import { registerCrisisRoutes } from './crisis-routes.js';
import { registerListeningSettingsRoutes } from './settings-routes.js';

export function registerListeningRoutes(app: OpenAPIHono<HttpEnv>) {
  registerTopicRoutes(app);
  registerSourceRoutes(app);
  registerMentionRoutes(app);
  registerAlertRoutes(app);
  registerCrisisRoutes(app);
  registerListeningSettingsRoutes(app);
}
