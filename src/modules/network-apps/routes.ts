/**
 * Settings > Networks: the installer's developer apps on the commercial networks, for the whole instance. Only an
 * instance administrator reads or changes them (checked here, on every request); every change is audit-logged.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { userRoute } from '../../http/route.js';
import { jsonBody, jsonOk, noContent } from '../../http/json.js';
import { badRequest, notFound } from '../../http/errors.js';
import { isNetworkId } from '../../connectors/index.js';
import { oauthProvider } from '../../connectors/oauth2/providers.js';
import type { NetworkId } from '../../connectors/types.js';
import { removeNetworkApp, saveNetworkApp } from '../accounts/oauth2/apps.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { requireInstanceAdmin } from './admins.js';
import { presentNetworkApp, presentNetworkApps } from './presenters.js';

const Words = z.object({ en: z.string(), fr: z.string() });
const NetworkAppView = z.object({
  network: z.string(), name: z.string(), configured: z.boolean(), source: z.enum(['settings', 'env']).nullable(),
  clientId: z.string().nullable(), secretSet: z.boolean(), redirectUrl: z.string(),
  console: z.object({ name: z.string(), url: z.string() }), app: Words.nullable(),
  scopes: z.array(z.object({ scope: z.string(), en: z.string().nullable(), fr: z.string().nullable() })),
  review: Words.extend({ needed: z.boolean() }).nullable(),
  env: z.object({ clientId: z.string(), clientSecret: z.string() }),
}).openapi('NetworkApp');

/** Keys are single tokens of visible characters: a pasted space or line break is a mistake, said so. */
const Key = (what: string, max: number) => z.string().trim()
  .min(1, `${what} is empty.`).max(max, `${what} is longer than ${max} characters.`)
  .regex(/^[\x21-\x7e]+$/, `${what} holds spaces or characters that are not plain ASCII: paste it again from the console.`);
const SaveApp = z.strictObject({ clientId: Key('The client ID', 200), clientSecret: Key('The client secret', 500).optional() });

const Params = z.object({ network: z.string().min(1).max(32) });
const path = '/api/v1/instance/networks';

const list = userRoute({
  method: 'get', path, tags: ['Instance'],
  summary: 'The developer apps of the commercial networks: configured or not, from Settings or the environment, and how to create them',
  responses: { 200: jsonOk(z.object({
    items: z.array(NetworkAppView),
    redirectAddress: z.object({
      host: z.string(),
      problem: z.enum(['local', 'http']).nullable().openapi({ description: 'Why the networks cannot use the redirect URLs: a host only this machine or its network knows, or plain HTTP; null when they can' }),
    }),
    metaWebhook: z.object({ callbackUrl: z.string(), verifyToken: z.string(), verifyTokenSource: z.enum(['settings', 'env']) }).nullable(),
  })), 403: { description: 'Not an instance administrator' } },
});
const save = userRoute({
  method: 'put', path: `${path}/{network}`, tags: ['Instance'],
  summary: 'Save a network\'s app keys (the secret sealed; kept when omitted)',
  request: { params: Params, ...jsonBody(SaveApp) },
  responses: { 200: jsonOk(NetworkAppView), 403: { description: 'Not an instance administrator' }, 404: { description: 'No such network' } },
});
const remove = userRoute({
  method: 'delete', path: `${path}/{network}`, tags: ['Instance'],
  summary: 'Forget the keys saved in Settings (the environment\'s, if any, apply again)',
  request: { params: Params },
  responses: { 204: noContent, 403: { description: 'Not an instance administrator' }, 404: { description: 'No such network' } },
});

const oauthNetwork = (value: string): NetworkId => {
  if (!isNetworkId(value) || !oauthProvider(value)) throw notFound('network');
  return value;
};

export function registerNetworkAppRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => {
    const { ctx, actor } = c.var;
    await requireInstanceAdmin(ctx.store.db, { id: actor.userId, email: actor.email });
    return c.json(await presentNetworkApps(ctx), 200);
  });

  app.openapi(save, async (c) => {
    const { ctx, actor, ip } = c.var;
    await requireInstanceAdmin(ctx.store.db, { id: actor.userId, email: actor.email });
    const network = oauthNetwork(c.req.valid('param').network);
    const { clientId, clientSecret } = c.req.valid('json');
    const before = await ctx.store.db.selectFrom('network_apps').select('client_id').where('network', '=', network).executeTakeFirst();
    if (!before && !clientSecret) throw badRequest('secret_required', 'Give the client secret too: no secret is saved for this network yet.');
    await saveNetworkApp(ctx, network, { clientId, clientSecret }, actor.userId);
    await recordAudit(ctx.store.db, {
      action: AuditAction.networkAppSaved, actorId: actor.userId, ip,
      data: { network, clientIdChanged: before?.client_id !== clientId, secretChanged: !!clientSecret },
    }, ctx.clock.now());
    return c.json(await presentNetworkApp(ctx, network), 200);
  });

  app.openapi(remove, async (c) => {
    const { ctx, actor, ip } = c.var;
    await requireInstanceAdmin(ctx.store.db, { id: actor.userId, email: actor.email });
    const network = oauthNetwork(c.req.valid('param').network);
    const before = await ctx.store.db.selectFrom('network_apps').select('network').where('network', '=', network).executeTakeFirst();
    if (!before) throw notFound('network app saved in Settings');
    await removeNetworkApp(ctx, network);
    await recordAudit(ctx.store.db, { action: AuditAction.networkAppRemoved, actorId: actor.userId, ip, data: { network } }, ctx.clock.now());
    return c.body(null, 204);
  });
}
