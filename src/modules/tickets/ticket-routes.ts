import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import type { AppContext } from '../../context.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { notify } from '../notifications/notify.js';
import { excerpt } from '../notifications/excerpt.js';
import { departmentName } from './departments.js';
import { MAX_NOTE, openTicketFor } from './open.js';
import { addAnswer, MAX_MESSAGE } from './answers.js';
import { loadTickets } from './query.js';
import { addSystemLine } from './thread.js';
import type { TicketDetailView, TicketMessageView } from './views.js';

const tags = ['Tickets'];
const isoDate = z.iso.datetime({ offset: true });
const Ref = z.object({ id: z.string(), name: z.string() });
const TicketSchema = z
  .object({
    id: z.string(), itemId: z.string(), department: z.object({ id: z.string(), key: z.string().nullable(), name: z.string() }),
    owner: Ref.nullable(), status: z.enum(['open', 'answered', 'closed']), dueAt: z.string(), overdue: z.boolean(), publicAnswerSent: z.boolean(),
    createdBy: Ref.nullable(), createdAt: z.string(), answeredAt: z.string().nullable(), closedAt: z.string().nullable(),
    item: z.object({
      id: z.string(), network: z.string(), kind: z.string(), text: z.string(), url: z.string().nullable(), createdAt: z.string(), status: z.string(),
      author: z.object({ handle: z.string(), displayName: z.string().nullable() }),
    }),
  })
  .openapi('Ticket');
const MessageSchema = z
  .object({
    id: z.string(), source: z.enum(['app', 'email', 'system']), author: Ref.nullable(), fromEmail: z.string().nullable(), body: z.string(),
    answer: z.boolean(), createdAt: z.string(),
  })
  .openapi('TicketMessage');
const DetailSchema = z.object({ ticket: TicketSchema, messages: z.array(MessageSchema) }).openapi('TicketDetail');

const ItemParams = WorkspaceParams.extend({ itemId: z.string().min(1).max(64) });
const TicketParams = WorkspaceParams.extend({ ticketId: z.string().min(1).max(64) });
const base = '/api/v1/workspaces/{workspaceId}';

const open = workspaceRoute('inbox.reply', {
  method: 'post', path: `${base}/inbox/items/{itemId}/tickets`, tags,
  summary: 'Turns an item into a ticket for a department, which is e-mailed (once per item and department: the existing ticket otherwise)',
  request: {
    params: ItemParams,
    ...jsonBody(z.strictObject({
      department: z.string().min(1).max(64).openapi({ description: 'A department id, or a built-in key: support, product, rnd, legal, marketing' }),
      ownerId: z.string().min(1).max(64).nullable().optional(),
      dueAt: isoDate.optional().openapi({ description: 'By default, the department’s response time from now' }),
      note: z.string().max(MAX_NOTE).optional(),
    })),
  },
  responses: { 201: jsonOk(DetailSchema, 'Opened'), 200: jsonOk(DetailSchema, 'Already open for this department'), 422: { description: 'The department has no e-mail address' } },
});
const list = workspaceRoute('inbox.read', {
  method: 'get', path: `${base}/tickets`, tags, summary: 'Tickets, soonest due first',
  request: {
    params: WorkspaceParams,
    query: z.object({
      status: z.enum(['open', 'answered', 'closed', 'active']).optional(),
      overdue: z.enum(['1', 'true']).optional(),
      owner: z.string().min(1).max(64).optional().openapi({ description: '“me” or a member’s user id' }),
      itemId: z.string().min(1).max(64).optional(),
      cursor: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(200).optional(),
    }),
  },
  responses: { 200: jsonOk(z.object({ items: z.array(TicketSchema), nextCursor: z.string().nullable() })) },
});
const get = workspaceRoute('inbox.read', {
  method: 'get', path: `${base}/tickets/{ticketId}`, tags, request: { params: TicketParams }, responses: { 200: jsonOk(DetailSchema) },
});
const patch = workspaceRoute('inbox.reply', {
  method: 'patch', path: `${base}/tickets/{ticketId}`, tags,
  summary: 'Status (closing needs the public answer sent), owner, due date',
  request: {
    params: TicketParams,
    ...jsonBody(z.strictObject({ status: z.enum(['open', 'answered', 'closed']).optional(), ownerId: z.string().min(1).max(64).nullable().optional(), dueAt: isoDate.optional() })),
  },
  responses: { 200: jsonOk(DetailSchema), 409: { description: 'The public answer has not been sent' } },
});
const post = workspaceRoute('inbox.reply', {
  method: 'post', path: `${base}/tickets/{ticketId}/messages`, tags,
  summary: 'A message in the ticket’s internal thread; `answer: true` records the department’s answer given in the app',
  request: { params: TicketParams, ...jsonBody(z.strictObject({ body: z.string().trim().min(1).max(MAX_MESSAGE), answer: z.boolean().default(false) })) },
  responses: { 201: jsonOk(MessageSchema, 'Added') },
});

async function detail(ctx: AppContext, workspaceId: string, ticketId: string): Promise<TicketDetailView> {
  const [ticket] = await loadTickets(ctx.store.db, workspaceId, { ticketId }, ctx.clock.now());
  if (!ticket) throw notFound('ticket');
  const rows = await ctx.store.db
    .selectFrom('ticket_messages as m')
    .leftJoin('user as u', 'u.id', 'm.author_id')
    .select(['m.id', 'm.source', 'm.author_id', 'u.name', 'm.from_email', 'm.body', 'm.answer', 'm.created_at'])
    .where('m.ticket_id', '=', ticketId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
  const messages: TicketMessageView[] = rows.map((m) => ({
    id: m.id, source: m.source as TicketMessageView['source'], author: m.author_id ? { id: m.author_id, name: m.name ?? '' } : null,
    fromEmail: m.from_email, body: m.body, answer: Number(m.answer) === 1, createdAt: new Date(Number(m.created_at)).toISOString(),
  }));
  return { ticket, messages };
}

export function registerTicketRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(open, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const { itemId } = c.req.valid('param');
    const input = c.req.valid('json');
    const { id, created } = await openTicketFor(ctx, {
      workspaceId: member.workspaceId, itemId, department: input.department, ownerId: input.ownerId ?? null, createdBy: actor.userId,
      note: input.note, dueAt: input.dueAt ? Date.parse(input.dueAt) : undefined, ip,
    });
    return c.json(await detail(ctx, member.workspaceId, id), created ? 201 : 200);
  });

  app.openapi(list, async (c) => {
    const { ctx, member, actor } = c.var;
    const q = c.req.valid('query');
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.cursor);
    const items = await loadTickets(ctx.store.db, member.workspaceId, {
      status: q.status, overdue: q.overdue !== undefined, ownerId: q.owner === 'me' ? actor.userId : q.owner, itemId: q.itemId,
      after: after ? { dueAt: after.at, id: after.id } : undefined, limit: limit + 1,
    }, ctx.clock.now());
    const page = items.slice(0, limit);
    const last = page.at(-1);
    return c.json({ items: page, nextCursor: items.length > limit && last ? encodeCursor(Date.parse(last.dueAt), last.id) : null }, 200);
  });

  app.openapi(get, async (c) => {
    const { ctx, member } = c.var;
    return c.json(await detail(ctx, member.workspaceId, c.req.valid('param').ticketId), 200);
  });

  app.openapi(patch, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const { ticketId } = c.req.valid('param');
    const input = c.req.valid('json');
    const now = ctx.clock.now();
    await ctx.store.db.transaction().execute(async (trx) => {
      const [t] = await loadTickets(trx, member.workspaceId, { ticketId }, now);
      if (!t) throw notFound('ticket');
      const changes: Record<string, unknown> = {};
      if (input.status && input.status !== t.status) {
        if (input.status === 'closed' && !t.publicAnswerSent) {
          throw conflict('public_answer_missing', 'Answer the author publicly from the inbox first: the ticket closes once the public answer has gone out.');
        }
        changes.status = input.status;
        changes.closed_at = input.status === 'closed' ? now : null;
        if (input.status === 'answered' && !t.answeredAt) changes.answered_at = now;
        await addSystemLine(trx, { ticketId, workspaceId: member.workspaceId, code: input.status === 'closed' ? 'closed' : 'reopened', authorId: actor.userId, now });
        if (input.status === 'closed') {
          await recordAudit(trx, {
            action: AuditAction.ticketClosed, workspaceId: member.workspaceId, actorId: actor.userId, target: { type: 'ticket', id: ticketId },
            data: { department: t.department.name, departmentKey: t.department.key }, ip,
          }, now);
        }
      }
      if (input.ownerId !== undefined && input.ownerId !== (t.owner?.id ?? null)) {
        if (input.ownerId) {
          const m = await trx.selectFrom('memberships').select('user_id').where('workspace_id', '=', member.workspaceId).where('user_id', '=', input.ownerId).executeTakeFirst();
          if (!m) throw badRequest('owner_not_member', 'The owner must be a member of this workspace.');
          const ws = await trx.selectFrom('workspaces').select('locale').where('id', '=', member.workspaceId).executeTakeFirstOrThrow();
          await notify(ctx, trx, {
            workspaceId: member.workspaceId, kind: 'ticket.assigned', recipients: [input.ownerId], object: { type: 'ticket', id: ticketId }, actorId: actor.userId,
            params: { department: departmentName(t.department, ws.locale), excerpt: excerpt(t.item.text), actorName: actor.name },
            dedupeKey: `ticket-assigned:${ticketId}:${input.ownerId}:${now}`, now,
          });
        }
        changes.owner_id = input.ownerId;
        await addSystemLine(trx, { ticketId, workspaceId: member.workspaceId, code: 'owner_changed', authorId: actor.userId, now });
      }
      if (input.dueAt) {
        const due = Date.parse(input.dueAt);
        changes.due_at = due;
        // A new date in the future may be missed again, and told again.
        if (due > now) changes.overdue_notified_at = null;
      }
      if (Object.keys(changes).length) await trx.updateTable('tickets').set({ ...changes, updated_at: now }).where('id', '=', ticketId).execute();
    });
    return c.json(await detail(ctx, member.workspaceId, ticketId), 200);
  });

  app.openapi(post, async (c) => {
    const { ctx, member, actor } = c.var;
    const { ticketId } = c.req.valid('param');
    const input = c.req.valid('json');
    const id = await ctx.store.db.transaction().execute(async (trx) => {
      const t = await trx.selectFrom('tickets').select('id').where('id', '=', ticketId).where('workspace_id', '=', member.workspaceId).executeTakeFirst();
      if (!t) throw notFound('ticket');
      return addAnswer(ctx, trx, { ticketId, workspaceId: member.workspaceId, source: 'app', authorId: actor.userId, fromEmail: null, body: input.body, answer: input.answer });
    });
    const { messages } = await detail(ctx, member.workspaceId, ticketId);
    return c.json(messages.find((m) => m.id === id)!, 201);
  });
}
