import crypto from 'node:crypto';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { conflict, notFound } from '../../http/errors.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { loadItems, withAuthors } from './items.js';
import { labelDecision } from './labels.js';
import { appendLog } from './log.js';
import { queueMemberAction } from './manual.js';
import { openTarget, possibility } from './network-actions.js';
import { ModeratedItemView, presentItem } from './presenters.js';
import { isNetworkAction } from './rule-schema.js';
import { reasonsFor } from './apply.js';
import { moderationBase, tags } from './rules-routes.js';

const ReviewView = z
  .object({
    id: z.string(), item: ModeratedItemView, rule: z.object({ id: z.string(), name: z.string() }).nullable(), action: z.string(),
    reason: z.string(), risk: z.number(), status: z.string(), decidedBy: z.string().nullable(), decidedAt: z.string().nullable(), createdAt: z.string(),
  })
  .openapi('ModerationReview');
const ReviewPage = z.object({ items: z.array(ReviewView), total: z.number() }).openapi('ModerationReviewPage');
const Decision = z.object({
  id: z.string(), status: z.string(),
  /** The action queued on the network when a confirmation carries one out. */
  jobId: z.string().nullable(),
}).openapi('ModerationReviewDecision');

const list = workspaceRoute('inbox.read', {
  method: 'get', path: `${moderationBase}/reviews`, tags, summary: 'The review queue, riskiest first',
  request: {
    params: WorkspaceParams,
    query: z.object({ status: z.enum(['pending', 'confirmed', 'overturned']).default('pending'), limit: z.coerce.number().int().min(1).max(200).default(50) }),
  },
  responses: { 200: jsonOk(ReviewPage) },
});
const decide = workspaceRoute('moderation.act', {
  method: 'post', path: `${moderationBase}/reviews/{reviewId}`, tags,
  summary: 'Confirm (the action is carried out where the network allows it) or overturn; either way the decision becomes a training label',
  request: { params: WorkspaceParams.extend({ reviewId: z.string().min(1).max(64) }), ...jsonBody(z.strictObject({ decision: z.enum(['confirm', 'overturn']) })) },
  responses: { 200: jsonOk(Decision) },
});

export function registerReviewRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => {
    const { ctx, member } = c.var;
    const { status, limit } = c.req.valid('query');
    const db = ctx.store.db;
    const base = db.selectFrom('moderation_reviews').where('workspace_id', '=', member.workspaceId).where('status', '=', status);
    const [reviews, total] = await Promise.all([
      base.selectAll().orderBy(status === 'pending' ? 'risk' : 'decided_at', 'desc').orderBy('created_at').limit(limit).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    const items = reviews.length ? await db.selectFrom('inbox_items').selectAll().where('id', 'in', reviews.map((r) => r.item_id)).execute() : [];
    const rows = new Map((await withAuthors(db, items)).map((r) => [r.item.id, r]));
    const ruleIds = [...new Set(reviews.map((r) => r.rule_id).filter((id): id is string => id !== null))];
    const rules = new Map((ruleIds.length ? await db.selectFrom('moderation_rules').select(['id', 'name']).where('id', 'in', ruleIds).execute() : []).map((r) => [r.id, r.name]));
    const out = reviews.flatMap((r) => {
      const row = rows.get(r.item_id);
      if (!row) return [];
      return [{
        id: r.id, item: presentItem(row.item, row.author), rule: r.rule_id ? { id: r.rule_id, name: rules.get(r.rule_id) ?? '' } : null,
        action: r.action, reason: r.reason, risk: Number(r.risk), status: r.status, decidedBy: r.decided_by,
        decidedAt: r.decided_at === null ? null : new Date(Number(r.decided_at)).toISOString(), createdAt: new Date(Number(r.created_at)).toISOString(),
      }];
    });
    return c.json({ items: out, total: Number(total?.n ?? 0) }, 200);
  });

  app.openapi(decide, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const { reviewId } = c.req.valid('param');
    const { decision } = c.req.valid('json');
    const db = ctx.store.db;
    const review = await db.selectFrom('moderation_reviews').selectAll().where('id', '=', reviewId).where('workspace_id', '=', member.workspaceId).executeTakeFirst();
    if (!review) throw notFound('review');
    if (review.status !== 'pending') throw conflict('already_decided', 'This review was already decided.');
    const [row] = await loadItems(db, member.workspaceId, [review.item_id]);
    if (!row) throw notFound('item');
    const confirm = decision === 'confirm';
    // A confirmation carries the action out where the network now allows it; otherwise the decision is recorded.
    let jobId: string | null = null;
    if (confirm && isNetworkAction(review.action)) {
      const allowed = await possibility(db, review.action, await openTarget(ctx, row.item, row.author));
      if (allowed.ok) jobId = (await queueMemberAction(ctx, row, { action: review.action, actorId: actor.userId, reasons: reasonsFor(row) })).jobId;
    }
    const now = ctx.clock.now();
    const status = confirm ? 'confirmed' : 'overturned';
    await db.transaction().execute(async (trx) => {
      const changed = await trx.updateTable('moderation_reviews').set({ status, decided_by: actor.userId, decided_at: now })
        .where('id', '=', reviewId).where('status', '=', 'pending').executeTakeFirst();
      if (Number(changed.numUpdatedRows) === 0) throw conflict('already_decided', 'This review was already decided.');
      await labelDecision(trx, row.item, confirm, actor.userId, now);
      const others = await trx.selectFrom('moderation_reviews').select('id').where('item_id', '=', row.item.id).where('status', '=', 'pending').executeTakeFirst();
      if (!others && !jobId) await trx.updateTable('inbox_items').set({ moderation: null }).where('id', '=', row.item.id).where('moderation', '=', 'review').execute();
      await appendLog(trx, {
        id: crypto.randomUUID(), workspaceId: member.workspaceId, itemId: row.item.id, authorId: row.author.id, actorId: actor.userId, ruleId: review.rule_id,
        action: confirm ? 'review_confirmed' : 'review_overturned', outcome: 'done', reasons: reasonsFor(row), detail: review.action,
      }, now);
      await recordAudit(trx, {
        action: AuditAction.moderationReviewDecided, workspaceId: member.workspaceId, actorId: actor.userId, target: { type: 'inbox_item', id: row.item.id },
        data: { decision, action: review.action, handle: row.author.handle }, ip,
      }, now);
    });
    return c.json({ id: reviewId, status, jobId }, 200);
  });
}
