import crypto from 'node:crypto';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { itemsOf, jsonBody, jsonOk, noContent } from '../../http/json.js';
import { badRequest, notFound } from '../../http/errors.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { RuleInputSchema, RuleUpdateSchema } from './rule-schema.js';
import { presentRule, RuleView } from './presenters.js';
import { toRule, workspaceRules } from './rules-store.js';

export const moderationBase = '/api/v1/workspaces/{workspaceId}/moderation';
export const tags = ['Moderation'];
const RuleParams = WorkspaceParams.extend({ ruleId: z.string().min(1).max(64) });
const MAX_RULES = 200;

const list = workspaceRoute('inbox.read', {
  method: 'get', path: `${moderationBase}/rules`, tags, summary: 'The workspace’s moderation rules, in the order they are tried',
  request: { params: WorkspaceParams }, responses: { 200: jsonOk(itemsOf(RuleView)) },
});
const create = workspaceRoute('moderation.rules', {
  method: 'post', path: `${moderationBase}/rules`, tags, summary: 'A rule, tried after the existing ones',
  request: { params: WorkspaceParams, ...jsonBody(RuleInputSchema) }, responses: { 201: jsonOk(RuleView, 'Created') },
});
const update = workspaceRoute('moderation.rules', {
  method: 'patch', path: `${moderationBase}/rules/{ruleId}`, tags,
  request: { params: RuleParams, ...jsonBody(RuleUpdateSchema) }, responses: { 200: jsonOk(RuleView) },
});
const remove = workspaceRoute('moderation.rules', {
  method: 'delete', path: `${moderationBase}/rules/{ruleId}`, tags, request: { params: RuleParams }, responses: { 204: noContent },
});
const reorder = workspaceRoute('moderation.rules', {
  method: 'post', path: `${moderationBase}/rules/reorder`, tags, summary: 'Every rule id, in the new order',
  request: { params: WorkspaceParams, ...jsonBody(z.strictObject({ ruleIds: z.array(z.string().min(1).max(64)).min(1).max(MAX_RULES) })) },
  responses: { 200: jsonOk(itemsOf(RuleView)) },
});

export function registerRuleRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => {
    const { ctx, member } = c.var;
    const rules = await workspaceRules(ctx.store.db, member.workspaceId, ctx.clock.now());
    return c.json({ items: rules.map(presentRule) }, 200);
  });

  app.openapi(create, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const input = c.req.valid('json');
    const now = ctx.clock.now();
    const existing = await workspaceRules(ctx.store.db, member.workspaceId, now);
    if (existing.length >= MAX_RULES) throw badRequest('too_many_rules', `A workspace has at most ${MAX_RULES} rules.`);
    const row = {
      id: crypto.randomUUID(), workspace_id: member.workspaceId, name: input.name, position: Math.max(-1, ...existing.map((r) => r.position)) + 1,
      enabled: input.enabled ? 1 : 0, conditions: JSON.stringify(input.conditions), actions: JSON.stringify(input.actions), stop: input.stop ? 1 : 0,
      created_by: actor.userId, created_at: now, updated_at: now,
    };
    await ctx.store.db.transaction().execute(async (trx) => {
      await trx.insertInto('moderation_rules').values(row).execute();
      await recordAudit(trx, { action: AuditAction.moderationRuleCreated, workspaceId: member.workspaceId, actorId: actor.userId, target: { type: 'moderation_rule', id: row.id }, data: { name: row.name }, ip }, now);
    });
    return c.json(presentRule(toRule(row)!), 201);
  });

  app.openapi(update, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const { ruleId } = c.req.valid('param');
    const input = c.req.valid('json');
    const now = ctx.clock.now();
    await workspaceRules(ctx.store.db, member.workspaceId, now);
    const row = await ctx.store.db.transaction().execute(async (trx) => {
      const find = () => trx.selectFrom('moderation_rules').selectAll().where('id', '=', ruleId).where('workspace_id', '=', member.workspaceId).executeTakeFirst();
      const before = await find();
      if (!before) throw notFound('rule');
      const changes = {
        name: input.name, enabled: input.enabled === undefined ? undefined : input.enabled ? 1 : 0, stop: input.stop === undefined ? undefined : input.stop ? 1 : 0,
        conditions: input.conditions ? JSON.stringify(input.conditions) : undefined, actions: input.actions ? JSON.stringify(input.actions) : undefined,
      };
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      if (Object.keys(defined).length === 0) return before;
      await trx.updateTable('moderation_rules').set({ ...defined, updated_at: now }).where('id', '=', ruleId).execute();
      const after = (await find())!;
      const switched = Number(after.enabled) !== Number(before.enabled);
      await recordAudit(trx, {
        action: AuditAction.moderationRuleUpdated, workspaceId: member.workspaceId, actorId: actor.userId, target: { type: 'moderation_rule', id: ruleId },
        data: switched ? { name: after.name, enabled: Number(after.enabled) === 1 } : { name: after.name }, ip,
      }, now);
      return after;
    });
    return c.json(presentRule(toRule(row)!), 200);
  });

  app.openapi(remove, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const { ruleId } = c.req.valid('param');
    const now = ctx.clock.now();
    await workspaceRules(ctx.store.db, member.workspaceId, now);
    await ctx.store.db.transaction().execute(async (trx) => {
      const rule = await trx.selectFrom('moderation_rules').select('name').where('id', '=', ruleId).where('workspace_id', '=', member.workspaceId).executeTakeFirst();
      if (!rule) throw notFound('rule');
      await trx.deleteFrom('moderation_rules').where('id', '=', ruleId).execute();
      await recordAudit(trx, { action: AuditAction.moderationRuleDeleted, workspaceId: member.workspaceId, actorId: actor.userId, target: { type: 'moderation_rule', id: ruleId }, data: { name: rule.name }, ip }, now);
    });
    return c.body(null, 204);
  });

  app.openapi(reorder, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const { ruleIds } = c.req.valid('json');
    const now = ctx.clock.now();
    const rules = await workspaceRules(ctx.store.db, member.workspaceId, now);
    const known = new Set(rules.map((r) => r.id));
    if (new Set(ruleIds).size !== ruleIds.length || ruleIds.length !== known.size || ruleIds.some((id) => !known.has(id))) {
      throw badRequest('rule_order_mismatch', 'Give every rule of the workspace exactly once, in the new order.');
    }
    await ctx.store.db.transaction().execute(async (trx) => {
      for (const [position, id] of ruleIds.entries()) {
        await trx.updateTable('moderation_rules').set({ position }).where('id', '=', id).where('workspace_id', '=', member.workspaceId).execute();
      }
      await recordAudit(trx, { action: AuditAction.moderationRulesReordered, workspaceId: member.workspaceId, actorId: actor.userId, data: { count: ruleIds.length }, ip }, now);
    });
    const after = await workspaceRules(ctx.store.db, member.workspaceId, now);
    return c.json({ items: after.map(presentRule) }, 200);
  });
}
