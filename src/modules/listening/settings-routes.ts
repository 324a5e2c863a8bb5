import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import type { AppContext } from '../../context.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { badRequest } from '../../http/errors.js';
import { signPayload, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook.js';
import { listeningBase, tags } from './route-common.js';

const SettingsView = z.object({ webhookUrl: z.string().nullable(), hasSecret: z.boolean(), emailAlerts: z.boolean() }).openapi('ListeningSettings');

async function read(ctx: AppContext, workspaceId: string) {
  const row = await ctx.store.db.selectFrom('listening_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
  return { webhookUrl: row?.webhook_url ?? null, hasSecret: Boolean(row?.webhook_secret), emailAlerts: row ? Number(row.email_alerts) === 1 : true };
}

function webhookUrl(raw: string | null): string | null {
  if (raw === null || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw badRequest('invalid_url', 'This is not a web address.', { field: 'webhookUrl' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badRequest('invalid_url', 'A webhook address starts with https://.', { field: 'webhookUrl' });
  return url.toString();
}

const get = workspaceRoute('listening.read', {
  method: 'get', path: `${listeningBase}/settings`, tags, summary: 'Where alerts go besides the app: a webhook, e-mail',
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(SettingsView) },
});

const put = workspaceRoute('listening.manage', {
  method: 'put', path: `${listeningBase}/settings`, tags, summary: 'Set the alerts\' webhook (Slack or Teams incoming webhook, or any JSON receiver) and e-mail',
  request: { params: WorkspaceParams, ...jsonBody(z.object({ webhookUrl: z.string().max(2048).nullable(), webhookSecret: z.string().max(200).nullable().optional(), emailAlerts: z.boolean() })) },
  responses: { 200: jsonOk(SettingsView) },
});

const test = workspaceRoute('listening.manage', {
  method: 'post', path: `${listeningBase}/settings/test-webhook`, tags, summary: 'Send a signed test message to the webhook',
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(z.object({ ok: z.boolean(), status: z.number().nullable(), error: z.string().nullable() })) },
});

export function registerListeningSettingsRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(get, async (c) => c.json(await read(c.var.ctx, c.var.member.workspaceId), 200));

  app.openapi(put, async (c) => {
    const { ctx, member } = c.var;
    const body = c.req.valid('json');
    const now = ctx.clock.now();
    const url = webhookUrl(body.webhookUrl);
    const secret = body.webhookSecret === undefined ? undefined : body.webhookSecret ? ctx.sealer.seal(body.webhookSecret) : null;
    await ctx.store.db.insertInto('listening_settings')
      .values({ workspace_id: member.workspaceId, webhook_url: url, webhook_secret: secret ?? null, email_alerts: body.emailAlerts ? 1 : 0, updated_at: now })
      .onConflict((oc) => oc.column('workspace_id').doUpdateSet({
        webhook_url: url, email_alerts: body.emailAlerts ? 1 : 0, updated_at: now, ...(secret !== undefined ? { webhook_secret: secret } : {}),
      }))
      .execute();
    return c.json(await read(ctx, member.workspaceId), 200);
  });

  app.openapi(test, async (c) => {
    const { ctx, member } = c.var;
    const row = await ctx.store.db.selectFrom('listening_settings').selectAll().where('workspace_id', '=', member.workspaceId).executeTakeFirst();
    if (!row?.webhook_url) throw badRequest('no_webhook', 'Set a webhook address first.');
    const body = JSON.stringify({ text: 'Ruche: this is a test of your listening alerts webhook.', ruche: { type: 'listening.test' } });
    const timestamp = String(Math.floor(ctx.clock.now() / 1000));
    const headers: Record<string, string> = { 'content-type': 'application/json', [TIMESTAMP_HEADER]: timestamp };
    if (row.webhook_secret) headers[SIGNATURE_HEADER] = signPayload(ctx.sealer.open(row.webhook_secret), timestamp, body);
    try {
      const res = await ctx.guardedFetch(row.webhook_url, { method: 'POST', headers, body, redirect: 'error' }, { maxBytes: 64 * 1024, timeoutMs: 15_000 });
      await res.body?.cancel();
      return c.json({ ok: res.ok, status: res.status, error: res.ok ? null : `The webhook answered ${res.status}.` }, 200);
    } catch (err) {
      return c.json({ ok: false, status: null, error: (err instanceof Error ? err.message : String(err)).slice(0, 300) }, 200);
    }
  });
}
