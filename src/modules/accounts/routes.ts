import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { userRoute, workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { itemsOf, jsonBody, jsonOk, noContent } from '../../http/json.js';
import { notFound } from '../../http/errors.js';
import { isConnectorError } from '../../connectors/errors.js';
import { Timezone } from '../workspaces/schema.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { listAccounts } from './service.js';
import { finishMastodonConnect, pendingWorkspace, startMastodonConnect } from './mastodon-oauth.js';
import { replaceSlots, SlotsInput } from './slots.js';
import { registerBlueskyConnectRoute } from './bluesky-connect.js';
import { registerOAuthConnectRoutes } from './oauth2/routes.js';

const AccountSchema = z.object({ id: z.string(), network: z.string(), handle: z.string(), status: z.string() }).passthrough().openapi('SocialAccount');
const AccountParams = WorkspaceParams.extend({ accountId: z.string().min(1).max(64) });
const path = '/api/v1/workspaces/{workspaceId}/accounts';

const list = workspaceRoute('posts.read', {
  method: 'get', path, tags: ['Accounts'], summary: 'Connected accounts and their health',
  request: { params: WorkspaceParams }, responses: { 200: jsonOk(itemsOf(AccountSchema)) },
});
const startMastodon = workspaceRoute('connections.manage', {
  method: 'post', path: `${path}/mastodon`, tags: ['Accounts'], summary: 'Connect a Mastodon account on any instance: answers the page to authorise Ruche on',
  request: { params: WorkspaceParams, ...jsonBody(z.strictObject({ instance: z.string().trim().min(3).max(200) })) },
  responses: { 200: jsonOk(z.object({ authorizeUrl: z.string() })) },
});
const mastodonCallback = userRoute({
  method: 'get', path: '/api/v1/oauth/mastodon/callback', tags: ['Accounts'], summary: 'Where the instance sends the user back',
  request: { query: z.object({ code: z.string().max(2000).optional(), state: z.string().max(200), error: z.string().max(200).optional() }) },
  responses: { 302: { description: 'Back to the accounts page' } },
});
const update = workspaceRoute('connections.manage', {
  method: 'patch', path: `${path}/{accountId}`, tags: ['Accounts'], summary: "The account's time zone (its market) and queue slots",
  request: { params: AccountParams, ...jsonBody(z.strictObject({ timezone: Timezone.optional(), slots: SlotsInput.optional() })) },
  responses: { 200: jsonOk(AccountSchema) },
});
const disconnect = workspaceRoute('connections.manage', {
  method: 'delete', path: `${path}/{accountId}`, tags: ['Accounts'], summary: 'Disconnect: forgets the credentials; the history stays, unsent posts fail until reconnected',
  request: { params: AccountParams }, responses: { 204: noContent },
});

export function registerAccountRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => c.json({ items: await listAccounts(c.var.ctx, c.var.member.workspaceId) }, 200));

  app.openapi(startMastodon, async (c) => {
    const authorizeUrl = await startMastodonConnect(c.var.ctx, c.var.member.workspaceId, c.var.actor.userId, c.req.valid('json').instance);
    return c.json({ authorizeUrl }, 200);
  });

  app.openapi(mastodonCallback, async (c) => {
    const { code, state, error } = c.req.valid('query');
    const back = (wid: string | null, outcome: string) => c.redirect(`/${wid ? `w/${wid}/settings/accounts` : ''}?connect=${encodeURIComponent(outcome)}`, 302);
    const workspaceId = await pendingWorkspace(c.var.ctx, c.var.actor.userId, state);
    if (error || !code) return back(workspaceId, 'refused');
    try {
      await finishMastodonConnect(c.var.ctx, c.var.actor.userId, state, code, c.var.ip);
      return back(workspaceId, 'ok');
    } catch (err) {
      if (isConnectorError(err)) return back(workspaceId, 'failed');
      throw err;
    }
  });

  app.openapi(update, async (c) => {
    const { ctx, member } = c.var;
    const { accountId } = c.req.valid('param');
    const input = c.req.valid('json');
    const account = await ctx.store.db.selectFrom('social_accounts').select('id').where('id', '=', accountId).where('workspace_id', '=', member.workspaceId).executeTakeFirst();
    if (!account) throw notFound('account');
    if (input.timezone) await ctx.store.db.updateTable('social_accounts').set({ timezone: input.timezone, updated_at: ctx.clock.now() }).where('id', '=', accountId).execute();
    if (input.slots) await replaceSlots(ctx.store.db, accountId, input.slots);
    const view = (await listAccounts(ctx, member.workspaceId)).find((a) => a.id === accountId)!;
    return c.json(view, 200);
  });

  app.openapi(disconnect, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const { accountId } = c.req.valid('param');
    await ctx.store.db.transaction().execute(async (trx) => {
      const account = await trx
        .selectFrom('social_accounts')
        .select(['network', 'handle'])
        .where('id', '=', accountId)
        .where('workspace_id', '=', member.workspaceId)
        .executeTakeFirst();
      if (!account) throw notFound('account');
      await trx
        .updateTable('social_accounts')
        .set({ status: 'disconnected', status_message: null, connection_warning: null, credentials: ctx.sealer.seal('{}'), updated_at: ctx.clock.now() })
        .where('id', '=', accountId)
        .execute();
      await recordAudit(trx, {
        action: AuditAction.accountDisconnected, workspaceId: member.workspaceId, actorId: actor.userId,
        target: { type: 'account', id: accountId }, data: { network: account.network, handle: account.handle }, ip,
      });
    });
    return c.body(null, 204);
  });

  registerBlueskyConnectRoute(app);
  registerOAuthConnectRoutes(app);
}
