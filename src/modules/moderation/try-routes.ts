import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import type { Connector } from '../../connectors/types.js';
import { compileConditions } from './conditions.js';
import { subjectOf, withAuthors } from './items.js';
import { openTarget, possibility, type AccountRow } from './network-actions.js';
import { ModeratedItemView, presentItem } from './presenters.js';
import { isNetworkAction, RuleActionsSchema, RuleConditionsSchema } from './rule-schema.js';
import { moderationBase, tags } from './rules-routes.js';

const TryInput = z.strictObject({
  conditions: RuleConditionsSchema,
  actions: RuleActionsSchema,
  limit: z.number().int().min(1).max(5000).default(500),
});
const PlannedAction = z.object({ type: z.string(), allowed: z.boolean(), why: z.string().nullable() });
const TryResult = z
  .object({ tried: z.number(), matched: z.number(), items: z.array(ModeratedItemView.extend({ actions: z.array(PlannedAction) })) })
  .openapi('RuleTrial');
const MAX_LISTED = 500;

const tryRule = workspaceRoute('moderation.rules', {
  method: 'post', path: `${moderationBase}/rules/try`, tags,
  summary: 'What a rule would have done to the workspace’s last items: "would have matched 12 of the last 500", with each action and whether the network allows it',
  request: { params: WorkspaceParams, ...jsonBody(TryInput) }, responses: { 200: jsonOk(TryResult) },
});

export function registerTryRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(tryRule, async (c) => {
    const { ctx, member } = c.var;
    const input = c.req.valid('json');
    const db = ctx.store.db;
    const now = ctx.clock.now();
    const test = compileConditions(input.conditions);
    const items = await db.selectFrom('inbox_items').selectAll().where('workspace_id', '=', member.workspaceId)
      .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(input.limit).execute();
    const rows = await withAuthors(db, items);
    const matched = rows.filter((row) => test(subjectOf(row, now)));
    const connectors = new Map<string, { account: AccountRow | null; connector: Connector | null }>();
    const listed = [];
    for (const row of matched.slice(0, MAX_LISTED)) {
      const target = await openTarget(ctx, row.item, row.author, connectors);
      const actions = [];
      for (const a of input.actions) {
        if (!isNetworkAction(a.type)) {
          actions.push({ type: a.type, allowed: true, why: null });
          continue;
        }
        const p = await possibility(db, a.type, target);
        actions.push({ type: a.type, allowed: p.ok, why: p.ok ? null : p.why });
      }
      listed.push({ ...presentItem(row.item, row.author), actions });
    }
    return c.json({ tried: rows.length, matched: matched.length, items: listed }, 200);
  });
}
