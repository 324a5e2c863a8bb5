import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { blockedCause } from '../../net/address-guard.js';
import { isConnectorError } from '../../connectors/errors.js';
import { AppError } from '../../http/errors.js';
import { saveConnection } from './service.js';

const BlueskyConnect = z.strictObject({
  /** The account's PDS; bsky.social for most people, their own server for self-hosters. */
  service: z.url().max(200).default('https://bsky.social'),
  identifier: z.string().trim().min(1).max(253),
  appPassword: z.string().min(1).max(100),
});

const connect = workspaceRoute('connections.manage', {
  method: 'post',
  path: '/api/v1/workspaces/{workspaceId}/accounts/bluesky',
  tags: ['Accounts'],
  summary: 'Connect a Bluesky account with its handle and an app password (never the main password)',
  request: { params: WorkspaceParams, ...jsonBody(BlueskyConnect) },
  responses: { 201: jsonOk(z.object({ id: z.string() }), 'Connected') },
});

export function registerBlueskyConnectRoute(app: OpenAPIHono<HttpEnv>) {
  app.openapi(connect, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const input = c.req.valid('json');
    // The AT Protocol libraries are loaded by the first account connected, not with the server.
    const { connectBluesky, MAIN_PASSWORD } = await import('../../connectors/bluesky/connect.js');
    // The PDS named in the account's DID document is called through the same guarded fetch.
    const { credentials, account } = await connectBluesky({
      service: input.service, identifier: input.identifier, password: input.appPassword, fetch: ctx.guardedFetch,
    }).catch((err: unknown) => {
      if (isConnectorError(err) && err.networkCode === MAIN_PASSWORD) throw new AppError('app_password_required', 400, err.message);
      throw blockedCause(err) ?? err;
    });
    const id = await saveConnection(ctx, {
      workspaceId: member.workspaceId, userId: actor.userId, network: 'bluesky', serviceUrl: input.service, credentials, account, ip,
    });
    return c.json({ id }, 201);
  });
}
