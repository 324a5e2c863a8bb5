import crypto from 'node:crypto';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { itemsOf, jsonBody, jsonOk, noContent } from '../../http/json.js';
import { notFound } from '../../http/errors.js';
import type { CampaignTable } from '../../store/schema.js';
import type { CampaignView } from '../../shared/api.js';

const campaignFields = {
  name: z.string().trim().min(1).max(80),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #f5a623'),
  goal: z.string().max(1000),
  hashtags: z.array(z.string().regex(/^#?[\p{L}\p{N}_]{1,100}$/u, 'a hashtag')).max(30),
  startsAt: z.iso.datetime({ offset: true }).nullable(),
  endsAt: z.iso.datetime({ offset: true }).nullable(),
};
const CampaignInput = z.strictObject({
  ...campaignFields,
  color: campaignFields.color.default('#f5a623'),
  goal: campaignFields.goal.default(''),
  hashtags: campaignFields.hashtags.default([]),
  startsAt: campaignFields.startsAt.optional(),
  endsAt: campaignFields.endsAt.optional(),
});
const CampaignUpdate = z.strictObject(campaignFields).partial();
const CampaignSchema = z
  .object({ id: z.string(), name: z.string(), color: z.string(), goal: z.string(), hashtags: z.array(z.string()), startsAt: z.string().nullable(), endsAt: z.string().nullable() })
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

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);
const present = (c: CampaignTable): CampaignView => ({
  id: c.id,
  name: c.name,
  color: c.color,
  goal: c.goal,
  hashtags: JSON.parse(c.hashtags) as string[],
  startsAt: c.starts_at === null ? null : new Date(Number(c.starts_at)).toISOString(),
  endsAt: c.ends_at === null ? null : new Date(Number(c.ends_at)).toISOString(),
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
    const row: CampaignTable = {
      id: crypto.randomUUID(), workspace_id: member.workspaceId, name: input.name, color: input.color, goal: input.goal,
      hashtags: JSON.stringify(input.hashtags.map(tag)), starts_at: ms(input.startsAt), ends_at: ms(input.endsAt),
      created_by: actor.userId, created_at: ctx.clock.now(),
    };
    await ctx.store.db.insertInto('campaigns').values(row).execute();
    return c.json(present(row), 201);
  });
  app.openapi(update, async (c) => {
    const { ctx, member } = c.var;
    const { campaignId } = c.req.valid('param');
    const input = c.req.valid('json');
    const changes: Partial<CampaignTable> = {
      name: input.name, color: input.color, goal: input.goal,
      hashtags: input.hashtags ? JSON.stringify(input.hashtags.map(tag)) : undefined,
      starts_at: input.startsAt === undefined ? undefined : ms(input.startsAt),
      ends_at: input.endsAt === undefined ? undefined : ms(input.endsAt),
    };
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const q = ctx.store.db.updateTable('campaigns').where('id', '=', campaignId).where('workspace_id', '=', member.workspaceId);
    const res = Object.keys(defined).length ? await q.set(defined).executeTakeFirst() : { numUpdatedRows: 1n };
    const row = await ctx.store.db.selectFrom('campaigns').selectAll().where('id', '=', campaignId).where('workspace_id', '=', member.workspaceId).executeTakeFirst();
    if (!row || Number(res.numUpdatedRows) === 0) throw notFound('campaign');
    return c.json(present(row), 200);
  });
  app.openapi(remove, async (c) => {
    const res = await c.var.ctx.store.db.deleteFrom('campaigns').where('id', '=', c.req.valid('param').campaignId).where('workspace_id', '=', c.var.member.workspaceId).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw notFound('campaign');
    return c.body(null, 204);
  });
}
