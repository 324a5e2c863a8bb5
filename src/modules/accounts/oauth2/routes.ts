import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../../http/types.js';
import { userRoute, workspaceRoute, WorkspaceParams } from '../../../http/route.js';
import { jsonBody, jsonOk } from '../../../http/json.js';
import { notFound } from '../../../http/errors.js';
import { isConnectorError } from '../../../connectors/errors.js';
import { isNetworkId, NETWORKS } from '../../../connectors/index.js';
import { oauthNetworks, oauthProvider } from '../../../connectors/oauth2/providers.js';
import type { NetworkId } from '../../../connectors/types.js';
import { networkApp } from './apps.js';
import { scopeReason } from '../../network-apps/guides.js';
import { retryConnectionWarning } from './retry-warning.js';
import { choosePendingTarget, finishOAuthCallback, pendingTargets, ScopesMissingError, startOAuthConnect, stateWorkspace } from './connect.js';

const NetworkParam = z.string().min(1).max(32);
const accounts = '/api/v1/workspaces/{workspaceId}/accounts';
const PendingParams = WorkspaceParams.extend({ pendingId: z.string().min(1).max(64) });
const Target = z.object({
  id: z.string(), kind: z.string(), name: z.string(), handle: z.string(),
  /** Why it cannot be chosen, in English; `unavailableCode` is the same reason for the interface to translate. */
  unavailable: z.string().optional(), unavailableCode: z.string().optional(), unavailableValues: z.record(z.string(), z.string()).optional(),
});

const networks = workspaceRoute('posts.read', {
  method: 'get', path: '/api/v1/workspaces/{workspaceId}/oauth-networks', tags: ['Accounts'],
  summary: 'The networks connected through the installer\'s developer app, whether each can be connected yet, and the permissions asked',
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(z.object({ items: z.array(z.object({
    network: z.string(), name: z.string(), ready: z.boolean(),
    scopes: z.array(z.object({ scope: z.string(), en: z.string().nullable(), fr: z.string().nullable() })),
  })) })) },
});
const start = workspaceRoute('connections.manage', {
  method: 'post', path: `${accounts}/oauth/{network}`, tags: ['Accounts'],
  summary: 'Connect an account of an OAuth 2 network: answers the network\'s page to authorise Ruche on',
  request: { params: WorkspaceParams.extend({ network: NetworkParam }) },
  responses: { 200: jsonOk(z.object({ authorizeUrl: z.string() })) },
});
const callback = userRoute({
  method: 'get', path: '/api/v1/oauth/{network}/callback', tags: ['Accounts'], summary: 'Where the network sends the user back',
  request: {
    params: z.object({ network: NetworkParam }),
    query: z.object({ code: z.string().max(4000).optional(), state: z.string().max(200), error: z.string().max(200).optional(), error_description: z.string().max(1000).optional() }),
  },
  responses: { 302: { description: 'Back to the accounts page, with the picker or the reason it failed' } },
});
const pending = workspaceRoute('connections.manage', {
  method: 'get', path: `${accounts}/pending/{pendingId}`, tags: ['Accounts'], summary: 'What the token can connect (Pages, organisations, channels, boards)',
  request: { params: PendingParams },
  responses: { 200: jsonOk(z.object({ network: z.string(), targets: z.array(Target) })) },
});
const choose = workspaceRoute('connections.manage', {
  method: 'post', path: `${accounts}/pending/{pendingId}`, tags: ['Accounts'], summary: 'Connect the one picked',
  request: { params: PendingParams, ...jsonBody(z.strictObject({ targetId: z.string().min(1).max(200) })) },
  responses: { 201: jsonOk(z.object({
    id: z.string(),
    warning: z.string().nullable().describe('What the network refused without stopping the account, in its words (e.g. Meta webhooks not turned on)'),
  }), 'Connected') },
});

const retryWarning = workspaceRoute('connections.manage', {
  method: 'post', path: `${accounts}/{accountId}/connection-warning/retry`, tags: ['Accounts'],
  summary: 'Ask the network again for what connecting left unresolved (e.g. Meta webhooks); answers the warning that still stands, or null',
  request: { params: WorkspaceParams.extend({ accountId: z.string().min(1).max(64) }) },
  responses: { 200: jsonOk(z.object({ warning: z.string().nullable() })) },
});

const oauthNetwork = (value: string): NetworkId => {
  if (!isNetworkId(value) || !oauthProvider(value)) throw notFound('network');
  return value;
};

export function registerOAuthConnectRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(networks, async (c) => {
    const items = await Promise.all(oauthNetworks().map(async (network) => {
      const provider = oauthProvider(network)!;
      return {
        network, name: NETWORKS[network].name, ready: (await networkApp(c.var.ctx, network)) !== null,
        // The same reasons as Settings > Networks gives the administrator: the provider's own, else the guide's.
        scopes: provider.scopes.map((scope) => ({ scope, en: scopeReason(network, scope)?.en ?? null, fr: scopeReason(network, scope)?.fr ?? null })),
      };
    }));
    return c.json({ items }, 200);
  });

  app.openapi(start, async (c) => {
    const network = oauthNetwork(c.req.valid('param').network);
    const authorizeUrl = await startOAuthConnect(c.var.ctx, network, NETWORKS[network].name, c.var.member.workspaceId, c.var.actor.userId);
    return c.json({ authorizeUrl }, 200);
  });

  app.openapi(callback, async (c) => {
    const { ctx, actor } = c.var;
    const network = oauthNetwork(c.req.valid('param').network);
    const { code, state, error, error_description: description } = c.req.valid('query');
    const workspaceId = await stateWorkspace(ctx, actor.userId, state);
    const back = (query: Record<string, string>) =>
      c.redirect(`/${workspaceId ? `w/${encodeURIComponent(workspaceId)}/settings/accounts` : ''}?${new URLSearchParams({ network, ...query })}`, 302);
    // RFC 6749 §4.1.2.1: the user said no (access_denied) or the network refused the request.
    if (error || !code) return back(error && error !== 'access_denied' ? { connect: 'failed', message: description ?? error } : { connect: 'refused' });
    try {
      const done = await finishOAuthCallback(ctx, network, actor.userId, state, code);
      return back({ pending: done.pendingId });
    } catch (err) {
      if (err instanceof ScopesMissingError) return back({ connect: 'missing_scopes', scopes: err.missing.join(' ') });
      if (isConnectorError(err)) return back({ connect: 'failed', message: err.message });
      if (err instanceof Error && 'status' in err && err.status === 404) return back({ connect: 'expired' });
      throw err;
    }
  });

  app.openapi(pending, async (c) => {
    const { pendingId } = c.req.valid('param');
    return c.json(await pendingTargets(c.var.ctx, c.var.member.workspaceId, c.var.actor.userId, pendingId), 200);
  });

  app.openapi(choose, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const { pendingId } = c.req.valid('param');
    const { accountId, warning } = await choosePendingTarget(ctx, member.workspaceId, actor.userId, pendingId, c.req.valid('json').targetId, ip);
    return c.json({ id: accountId, warning }, 201);
  });

  app.openapi(retryWarning, async (c) => {
    const { accountId } = c.req.valid('param');
    return c.json(await retryConnectionWarning(c.var.ctx, c.var.member.workspaceId, accountId), 200);
  });
}
