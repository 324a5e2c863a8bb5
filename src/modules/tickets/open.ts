import crypto from 'node:crypto';
import type { AppContext } from '../../context.js';
import { AppError, badRequest, notFound } from '../../http/errors.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { notify } from '../notifications/notify.js';
import { excerpt } from '../notifications/excerpt.js';
import { departmentName, ensureDepartments, findDepartment } from './departments.js';
import { hashReplyToken, newReplyToken } from './reply-address.js';
import { DEPARTMENT_MAIL } from './job-names.js';
import { addSystemLine } from './thread.js';

export interface OpenTicketRequest {
  workspaceId: string;
  itemId: string;
  /** A department's id, or the key of a built-in one ('support', 'product', 'rnd', 'legal', 'marketing'). */
  department: string;
  ownerId?: string | null;
  /** The member who opened it; null when a moderation rule did. */
  createdBy: string | null;
  note?: string;
  /** When the department should have answered (ms); by default its response time from now. */
  dueAt?: number;
  /** The request's address, for the audit log. */
  ip?: string | null;
}

export const MAX_NOTE = 5000;

/** Opens a ticket for an item (once per item and department) and e-mails the department. Returns the ticket id. */
export async function openTicket(ctx: AppContext, req: OpenTicketRequest): Promise<string> {
  return (await openTicketFor(ctx, req)).id;
}

/** As openTicket, saying whether the ticket is new or was already open for this item and department. */
export async function openTicketFor(ctx: AppContext, req: OpenTicketRequest): Promise<{ id: string; created: boolean }> {
  const { db } = ctx.store;
  const now = ctx.clock.now();
  await ensureDepartments(db, req.workspaceId, now);
  const token = newReplyToken();
  const result = await db.transaction().execute(async (trx) => {
    const item = await trx.selectFrom('inbox_items').select(['id', 'text']).where('id', '=', req.itemId).where('workspace_id', '=', req.workspaceId).executeTakeFirst();
    if (!item) throw notFound('item');
    const department = await findDepartment(trx, req.workspaceId, req.department);
    if (!department) throw notFound('department');
    const existing = await trx.selectFrom('tickets').select('id').where('item_id', '=', item.id).where('department_id', '=', department.id).executeTakeFirst();
    if (existing) return { id: existing.id, created: false };
    if (!department.email) {
      throw new AppError(
        'department_without_email', 422,
        `The department “${department.name}” has no e-mail address yet: give it one in the departments settings before sending it tickets.`,
      );
    }
    if (req.ownerId) {
      const member = await trx.selectFrom('memberships').select('user_id').where('workspace_id', '=', req.workspaceId).where('user_id', '=', req.ownerId).executeTakeFirst();
      if (!member) throw badRequest('owner_not_member', 'The owner must be a member of this workspace.');
    }
    const id = crypto.randomUUID();
    await trx
      .insertInto('tickets')
      .values({
        id, workspace_id: req.workspaceId, item_id: item.id, department_id: department.id, owner_id: req.ownerId ?? null, status: 'open',
        due_at: req.dueAt ?? now + department.response_hours * 3600_000, reply_token_hash: hashReplyToken(token),
        created_by: req.createdBy, created_at: now, updated_at: now, answered_at: null, closed_at: null, overdue_notified_at: null,
      })
      .execute();
    await addSystemLine(trx, { ticketId: id, workspaceId: req.workspaceId, code: 'opened', authorId: req.createdBy, now });
    const note = req.note?.trim();
    if (note) {
      await trx
        .insertInto('ticket_messages')
        .values({ id: crypto.randomUUID(), ticket_id: id, workspace_id: req.workspaceId, source: 'app', author_id: req.createdBy, from_email: null, body: note.slice(0, MAX_NOTE), message_id: null, created_at: now + 1 })
        .execute();
    }
    const workspace = await trx.selectFrom('workspaces').select('locale').where('id', '=', req.workspaceId).executeTakeFirstOrThrow();
    await recordAudit(trx, {
      action: AuditAction.ticketOpened, workspaceId: req.workspaceId, actorId: req.createdBy, target: { type: 'ticket', id },
      data: { department: department.name, departmentKey: department.key }, ip: req.ip ?? null,
    }, now);
    if (req.ownerId) {
      await notify(ctx, trx, {
        workspaceId: req.workspaceId, kind: 'ticket.assigned', recipients: [req.ownerId], object: { type: 'ticket', id }, actorId: req.createdBy,
        params: { department: departmentName(department, workspace.locale), excerpt: excerpt(item.text), actorName: await nameOf(trx, req.createdBy) },
        dedupeKey: `ticket-assigned:${id}:${req.ownerId}`, now,
      });
    }
    // The token travels sealed in the job: neither the ticket nor the queue holds it in the clear.
    await ctx.jobs.queue.enqueue(
      DEPARTMENT_MAIL,
      { ticketId: id, token: ctx.sealer.seal(token) },
      { idempotencyKey: `ticket-mail:${id}`, workspaceId: req.workspaceId, transaction: trx },
    );
    return { id, created: true };
  }).catch(async (err: unknown) => {
    // Two openings of the same ticket at once: the unique index lets one in, the other finds it.
    const again = await findTicket(ctx, req);
    if (again) return { id: again, created: false };
    throw err;
  });
  return result;
}

async function findTicket(ctx: AppContext, req: OpenTicketRequest): Promise<string | null> {
  const department = await findDepartment(ctx.store.db, req.workspaceId, req.department);
  if (!department) return null;
  const row = await ctx.store.db.selectFrom('tickets').select('id').where('item_id', '=', req.itemId).where('department_id', '=', department.id).where('workspace_id', '=', req.workspaceId).executeTakeFirst();
  return row?.id ?? null;
}

async function nameOf(db: Parameters<typeof addSystemLine>[0], userId: string | null): Promise<string> {
  if (!userId) return '';
  const row = await db.selectFrom('user').select('name').where('id', '=', userId).executeTakeFirst();
  return row?.name ?? '';
}
