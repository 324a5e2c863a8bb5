import type { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { registerRuleRoutes } from './rules-routes.js';
import { registerTryRoutes } from './try-routes.js';
import { registerActionRoutes } from './action-routes.js';
import { registerReviewRoutes } from './review-routes.js';
import { registerModelRoutes } from './model-routes.js';
import { registerCommunityRoutes } from './community-routes.js';

/** Moderation's API: rules and their trial, actions and the log, the review queue, models, offenders and advocates. */
export function registerModerationRoutes(app: OpenAPIHono<HttpEnv>) {
  // The trial and reorder paths before the {ruleId} ones.
  registerTryRoutes(app);
  registerRuleRoutes(app);
  registerActionRoutes(app);
  registerReviewRoutes(app);
  registerModelRoutes(app);
  registerCommunityRoutes(app);
}
