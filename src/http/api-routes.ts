import type { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from './types.js';
import { registerHealthRoutes } from '../modules/health/routes.js';
import { registerSetupRoutes } from '../modules/setup/routes.js';
import { registerSessionRoutes } from '../modules/session/routes.js';
import { registerPasswordResetRoutes } from '../modules/session/password-reset-routes.js';
import { registerPermissionRoutes } from '../modules/permissions/routes.js';
import { registerWorkspaceRoutes } from '../modules/workspaces/routes.js';
import { registerMemberRoutes } from '../modules/members/routes.js';
import { registerInvitationRoutes } from '../modules/invitations/routes.js';
import { registerAuditRoutes } from '../modules/audit/routes.js';
import { registerJobRoutes } from '../modules/jobs/routes.js';
import { registerAccountRoutes } from '../modules/accounts/routes.js';
import { registerMediaRoutes } from '../modules/media/routes.js';
import { registerCampaignRoutes } from '../modules/publishing/campaign-routes.js';
import { registerPostRoutes } from '../modules/publishing/posts-routes.js';
import { registerPostActionRoutes } from '../modules/publishing/post-action-routes.js';
import { registerBulkDecisionRoutes } from '../modules/publishing/bulk-decision-routes.js';
import { registerPublishingSettingsRoutes } from '../modules/publishing/settings-routes.js';
import { registerNotificationRoutes } from '../modules/notifications/routes.js';
import { registerInboxRoutes } from '../modules/inbox/routes.js';
import { registerTicketsRoutes } from '../modules/tickets/routes.js';
import { registerModerationRoutes } from '../modules/moderation/routes.js';

/** Every module's routes; the OpenAPI document and the tenant-isolation test are built from them. */
export function registerApiRoutes(app: OpenAPIHono<HttpEnv>) {
  registerHealthRoutes(app);
  registerSetupRoutes(app);
  registerSessionRoutes(app);
  registerPasswordResetRoutes(app);
  registerPermissionRoutes(app);
  registerWorkspaceRoutes(app);
  registerMemberRoutes(app);
  registerInvitationRoutes(app);
  registerAuditRoutes(app);
  registerJobRoutes(app);
  registerAccountRoutes(app);
  registerMediaRoutes(app);
  registerCampaignRoutes(app);
  registerPostRoutes(app);
  registerPostActionRoutes(app);
  registerPublishingSettingsRoutes(app);
  registerBulkDecisionRoutes(app);
  registerNotificationRoutes(app);
  registerInboxRoutes(app);
  registerTicketsRoutes(app);
  registerModerationRoutes(app);
}
