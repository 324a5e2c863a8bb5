import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { itemsOf, jsonBody, jsonOk, noContent } from '../../http/json.js';
import { notFound } from '../../http/errors.js';
import type { CampaignTable } from '../../store/schema.js';
import type { CampaignView } from '../../shared/api.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { DEFAULT_UTM } from '../../shared/utm.js';

const campaignFields = {
  name: z.string().trim().min(1).max(80),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #f5a623'),
  goal: z.string().max(1000),
  hashtags: z.array(z.string().regex(/^#?[\p{L}\p{N}_]{1,100}$/u, 'a hashtag')).max(30),
  startsAt: z.iso.datetime({ offset: true }).nullable(),
  endsAt: z.iso.datetime({ offset: true }).nullable(),
  /** UTM tags for the campaign's links; an empty source means each network's name, an empty campaign the slug. */
  utm: z.strictObject({
    enabled: z.boolean(),
    source: z.string().trim().max(100),
    medium: z.string().trim().max(100),
    campaign: z.string().trim().max(100),
  }),
};
const UtmSchema = z.object({ enabled: z.boolean(), source: z.string(), medium: z.string(), campaign: z.string() }).openapi('CampaignUtm');
const CampaignInput = z.strictObject({
  ...campaignFields,
  color: campaignFields.color.default('#f5a623'),
  goal: campaignFields.goal.default(''),
  hashtags: campaignFields.hashtags.default([]),
  startsAt: campaignFields.startsAt.optional(),
  endsAt: campaignFields.endsAt.optional(),
  utm: campaignFields.utm.default(DEFAULT_UTM),
});
const CampaignUpdate = z.strictObject({ ...campaignFields, utm: campaignFields.utm.partial() }).partial();
const CampaignSchema = z
  .object({
    id: z.string(), name: z.string(), color: z.string(), goal: z.string(), hashtags: z.array(z.string()),
    startsAt: z.string().nullable(), endsAt: z.string().nullable(), utm: UtmSchema,
  })
  .openapi('Campaign');
const CampaignParams = WorkspaceParams.extend({ campaignId: z.string().min(1).max(64) });
const path = '/api/v1/workspaces/{workspaceId}/campaigns';

const list = workspaceRoute('posts.read', { method: 'get', path, tags: ['Campaigns'], request: { params: WorkspaceParams }, responses: { 200: jsonOk(itemsOf(CampaignSchema)) } });
const create = workspaceRoute('posts.write', {
  method: 'post', path, tags: ['Campaigns'], summary: 'A campaign or strong moment: a period, a colour, a goal, key hashtags',
  request: { params: WorkspaceParams, ...jsonBody(CampaignInput) }, responses: { 201: jsonOk(CampaignSchema, 'Created') },
});
const update = workspaceRoute('posts.write', {
  method: 'patch', path: `${path}/{campaignId}`, tags: ['Campaigns'],
  request: { params: CampaignParams, ...jsonBody(CampaignUpdate) }, responses: { 200: jsonOk(CampaignSchema) },
});
const remove = workspaceRoute('posts.write', { method: 'delete', path: `${path}/{campaignId}`, tags: ['Campaigns'], request: { params: CampaignParams }, responses: { 204: noContent } });

type CampaignRow = Selectable<CampaignTable>;
const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);
const present = (c: CampaignRow): CampaignView => ({
  id: c.id,
  name: c.name,
  color: c.color,
  goal: c.goal,
  hashtags: JSON.parse(c.hashtags) as string[],
  startsAt: c.starts_at === null ? null : new Date(Number(c.starts_at)).toISOString(),
  endsAt: c.ends_at === null ? null : new Date(Number(c.ends_at)).toISOString(),
  utm: { enabled: Number(c.utm_enabled) === 1, source: c.utm_source, medium: c.utm_medium, campaign: c.utm_campaign },
});
const tag = (h: string) => (h.startsWith('#') ? h : `#${h}`);

export function registerCampaignRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => {
    const rows = await c.var.ctx.store.db.selectFrom('campaigns').selectAll().where('workspace_id', '=', c.var.member.workspaceId).orderBy('starts_at').execute();
    return c.json({ items: rows.map(present) }, 200);
  });
  app.openapi(create, async (c) => {
    const { ctx, member, actor } = c.var;
    const input = c.req.valid('json');
    const row: CampaignRow = {
      id: crypto.randomUUID(), workspace_id: member.workspaceId, name: input.name, color: input.color, goal: input.goal,
      hashtags: JSON.stringify(input.hashtags.map(tag)), starts_at: ms(input.startsAt), ends_at: ms(input.endsAt),
      utm_enabled: input.utm.enabled ? 1 : 0, utm_source: input.utm.source, utm_medium: input.utm.medium || 'social', utm_campaign: input.utm.campaign,
      created_by: actor.userId, created_at: ctx.clock.now(),
    };
    await ctx.store.db.transaction().execute(async (trx) => {
      await trx.insertInto('campaigns').values(row).execute();
      await recordAudit(trx, {
        action: AuditAction.campaignCreated, workspaceId: member.workspaceId, actorId: actor.userId,
        target: { type: 'campaign', id: row.id }, data: { name: row.name }, ip: c.var.ip,
      }, row.created_at);
    });
    return c.json(present(row), 201);
  });
  app.openapi(update, async (c) => {
    const { ctx, member } = c.var;
    const { campaignId } = c.req.valid('param');
    const input = c.req.valid('json');
    const { utm } = input;
    const changes: Partial<CampaignRow> = {
      name: input.name, color: input.color, goal: input.goal,
      hashtags: input.hashtags ? JSON.stringify(input.hashtags.map(tag)) : undefined,
      starts_at: input.startsAt === undefined ? undefined : ms(input.startsAt),
      ends_at: input.endsAt === undefined ? undefined : ms(input.endsAt),
      utm_enabled: utm?.enabled === undefined ? undefined : utm.enabled ? 1 : 0,
      utm_source: utm?.source, utm_medium: utm?.medium === undefined ? undefined : utm.medium || 'social', utm_campaign: utm?.campaign,
    };
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const row = await ctx.store.db.transaction().execute(async (trx) => {
      const find = () => trx.selectFrom('campaigns').selectAll().where('id', '=', campaignId).where('workspace_id', '=', member.workspaceId).executeTakeFirst();
      const before = await find();
      if (!before) throw notFound('campaign');
      if (Object.keys(defined).length === 0) return before;
      await trx.updateTable('campaigns').set(defined).where('id', '=', campaignId).execute();
      const after = (await find())!;
      await recordAudit(trx, {
        action: AuditAction.campaignUpdated, workspaceId: member.workspaceId, actorId: c.var.actor.userId, target: { type: 'campaign', id: campaignId },
        data: after.name === before.name ? { name: after.name } : { name: after.name, from: before.name }, ip: c.var.ip,
      }, ctx.clock.now());
      return after;
    });
    return c.json(present(row), 200);
  });
  app.openapi(remove, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const { campaignId } = c.req.valid('param');
    await ctx.store.db.transaction().execute(async (trx) => {
      const campaign = await trx.selectFrom('campaigns').select('name').where('id', '=', campaignId).where('workspace_id', '=', member.workspaceId).executeTakeFirst();
      if (!campaign) throw notFound('campaign');
      await trx.deleteFrom('campaigns').where('id', '=', campaignId).execute();
      await recordAudit(trx, {
        action: AuditAction.campaignDeleted, workspaceId: member.workspaceId, actorId: actor.userId,
        target: { type: 'campaign', id: campaignId }, data: { name: campaign.name }, ip,
      }, ctx.clock.now());
    });
    return c.body(null, 204);
  });
}
