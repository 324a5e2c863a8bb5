import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { loadItems } from './items.js';
import { labelDecision } from './labels.js';
import { LogEntryView, presentLog, undoneBy } from './log-view.js';
import { queueMemberAction } from './manual.js';
import { UNDO_OF } from './network-actions.js';
import { ITEM_ACTIONS } from './rule-schema.js';
import { moderationBase, tags } from './rules-routes.js';

const ItemParams = WorkspaceParams.extend({ itemId: z.string().min(1).max(64) });
const EntryParams = WorkspaceParams.extend({ entryId: z.string().min(1).max(64) });
const Queued = z.object({ jobId: z.string(), logId: z.string(), status: z.literal('queued') }).openapi('ModerationQueued');
const LogPage = z.object({ items: z.array(LogEntryView), nextCursor: z.string().nullable() }).openapi('ModerationLogPage');

const act = workspaceRoute('moderation.act', {
  method: 'post', path: `${moderationBase}/items/{itemId}/actions`, tags,
  summary: 'Hide, delete, block, mute or report, or undo one of them, on the network; answers 422 not_possible where the network does not allow it',
  request: { params: ItemParams, ...jsonBody(z.strictObject({ action: z.enum(ITEM_ACTIONS), reason: z.string().trim().max(1000).optional() })) },
  responses: { 202: jsonOk(Queued, 'Queued: the log gets the outcome'), 422: jsonOk(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Not possible on this network') },
});
const log = workspaceRoute('inbox.read', {
  method: 'get', path: `${moderationBase}/log`, tags, summary: 'The moderation log, newest first',
  request: {
    params: WorkspaceParams,
    query: z.object({ cursor: z.string().max(200).optional(), itemId: z.string().max(64).optional(), authorId: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
  },
  responses: { 200: jsonOk(LogPage) },
});
const undo = workspaceRoute('moderation.act', {
  method: 'post', path: `${moderationBase}/log/{entryId}/undo`, tags, summary: 'Unhide, unblock or unmute what an entry did, where the network allows it',
  request: { params: EntryParams }, responses: { 202: jsonOk(Queued) },
});

const encodeCursor = (at: number, id: string) => Buffer.from(`${at}|${id}`).toString('base64url');
function decodeCursor(cursor: string): { at: number; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!id || !Number.isFinite(Number(at))) throw badRequest('bad_cursor', 'This cursor is not one the log gave.');
  return { at: Number(at), id };
}

export function registerActionRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(act, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const { itemId } = c.req.valid('param');
    const { action, reason } = c.req.valid('json');
    const [row] = await loadItems(ctx.store.db, member.workspaceId, [itemId]);
    if (!row) throw notFound('item');
    const queued = await queueMemberAction(ctx, row, { action, actorId: actor.userId, reasons: reason ? [reason] : [], note: reason });
    const now = ctx.clock.now();
    await ctx.store.db.transaction().execute(async (trx) => {
      // A member's hide or delete says the text is what it was flagged for; unhiding says it is not.
      if (action === 'hide' || action === 'delete' || action === 'unhide') await labelDecision(trx, row.item, action !== 'unhide', actor.userId, now);
      await recordAudit(trx, {
        action: AuditAction.moderationItemAction, workspaceId: member.workspaceId, actorId: actor.userId, target: { type: 'inbox_item', id: itemId },
        data: { action, handle: row.author.handle, network: row.item.network }, ip,
      }, now);
    });
    return c.json({ ...queued, status: 'queued' as const }, 202);
  });

  app.openapi(log, async (c) => {
    const { ctx, member } = c.var;
    const q = c.req.valid('query');
    let query = ctx.store.db.selectFrom('moderation_log').selectAll().where('workspace_id', '=', member.workspaceId);
    if (q.itemId) query = query.where('item_id', '=', q.itemId);
    if (q.authorId) query = query.where('author_id', '=', q.authorId);
    if (q.cursor) {
      const { at, id } = decodeCursor(q.cursor);
      query = query.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]));
    }
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return c.json({ items: await presentLog(ctx, page), nextCursor: rows.length > q.limit && last ? encodeCursor(Number(last.created_at), last.id) : null }, 200);
  });

  app.openapi(undo, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const { entryId } = c.req.valid('param');
    const db = ctx.store.db;
    const entry = await db.selectFrom('moderation_log').selectAll().where('id', '=', entryId).where('workspace_id', '=', member.workspaceId).executeTakeFirst();
    if (!entry) throw notFound('log entry');
    const opposite = UNDO_OF[entry.action];
    if (!opposite || entry.outcome !== 'done' || !entry.item_id) throw badRequest('not_undoable', 'Only a hide, block or mute that was done can be undone.');
    if ((await undoneBy(db, [entry.id])).has(entry.id)) throw conflict('already_undone', 'This action was already undone.');
    const [row] = await loadItems(db, member.workspaceId, [entry.item_id]);
    if (!row) throw notFound('item');
    const queued = await queueMemberAction(ctx, row, { action: opposite, actorId: actor.userId, reasons: [], undoes: entry.id });
    const now = ctx.clock.now();
    await db.transaction().execute(async (trx) => {
      if (entry.action === 'hide') await labelDecision(trx, row.item, false, actor.userId, now);
      await recordAudit(trx, {
        action: AuditAction.moderationUndone, workspaceId: member.workspaceId, actorId: actor.userId, target: { type: 'inbox_item', id: row.item.id },
        data: { action: entry.action, handle: row.author.handle, network: row.item.network }, ip,
      }, now);
    });
    return c.json({ ...queued, status: 'queued' as const }, 202);
  });
}
