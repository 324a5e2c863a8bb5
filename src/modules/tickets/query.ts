import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { TicketStatusName, TicketSummary, TicketView } from './views.js';

export interface TicketFilter {
  ticketId?: string;
  itemId?: string;
  /** 'active' is open or answered: everything not closed. */
  status?: TicketStatusName | 'active';
  overdue?: boolean;
  ownerId?: string;
  /** Keyset: tickets due after this one (dueAt, id). */
  after?: { dueAt: number; id: string };
  limit?: number;
}

const iso = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** Overdue: still waiting for the department past its due date. */
export const isOverdue = (t: { status: string; due_at: number | string }, now: number) => t.status === 'open' && Number(t.due_at) < now;

/** Tickets of one workspace with what the list and the ticket page show, soonest due first. */
export async function loadTickets(db: Kysely<Database>, workspaceId: string, f: TicketFilter, now: number): Promise<TicketView[]> {
  let q = db
    .selectFrom('tickets as t')
    .innerJoin('departments as d', 'd.id', 't.department_id')
    .innerJoin('inbox_items as i', 'i.id', 't.item_id')
    .innerJoin('inbox_authors as a', 'a.id', 'i.author_id')
    .leftJoin('user as o', 'o.id', 't.owner_id')
    .leftJoin('user as c', 'c.id', 't.created_by')
    .select((eb) => [
      't.id', 't.item_id', 't.status', 't.due_at', 't.created_at', 't.answered_at', 't.closed_at', 't.owner_id', 't.created_by',
      'd.id as department_id', 'd.key as department_key', 'd.name as department_name',
      'o.name as owner_name', 'c.name as creator_name',
      'i.network', 'i.kind', 'i.text', 'i.url', 'i.created_at as item_created_at', 'i.status as item_status',
      'a.handle', 'a.display_name',
      eb
        .exists(
          eb.selectFrom('inbox_replies as r').select('r.id').whereRef('r.item_id', '=', 't.item_id').where('r.kind', '=', 'reply').where('r.status', '=', 'sent'),
        )
        .as('public_answer_sent'),
    ])
    .where('t.workspace_id', '=', workspaceId);
  if (f.ticketId) q = q.where('t.id', '=', f.ticketId);
  if (f.itemId) q = q.where('t.item_id', '=', f.itemId);
  if (f.status === 'active') q = q.where('t.status', '!=', 'closed');
  else if (f.status) q = q.where('t.status', '=', f.status);
  if (f.overdue) q = q.where('t.status', '=', 'open').where('t.due_at', '<', now);
  if (f.ownerId) q = q.where('t.owner_id', '=', f.ownerId);
  if (f.after) {
    const { dueAt, id } = f.after;
    q = q.where((eb) => eb.or([eb('t.due_at', '>', dueAt), eb.and([eb('t.due_at', '=', dueAt), eb('t.id', '>', id)])]));
  }
  const rows = await q.orderBy('t.due_at').orderBy('t.id').limit(f.limit ?? 100).execute();
  return rows.map((r) => ({
    id: r.id,
    itemId: r.item_id,
    department: { id: r.department_id, key: r.department_key, name: r.department_name },
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    status: r.status,
    dueAt: iso(r.due_at)!,
    overdue: isOverdue(r, now),
    publicAnswerSent: Boolean(Number(r.public_answer_sent)),
    createdBy: r.created_by ? { id: r.created_by, name: r.creator_name ?? '' } : null,
    createdAt: iso(r.created_at)!,
    answeredAt: iso(r.answered_at),
    closedAt: iso(r.closed_at),
    item: {
      id: r.item_id, network: r.network, kind: r.kind, text: r.text, url: r.url, createdAt: iso(r.item_created_at)!, status: r.item_status,
      author: { handle: r.handle, displayName: r.display_name },
    },
  }));
}

/** An item's tickets, for the inbox's item page. */
export async function ticketsForItem(db: Kysely<Database>, workspaceId: string, itemId: string, now: number): Promise<TicketSummary[]> {
  const tickets = await loadTickets(db, workspaceId, { itemId }, now);
  return tickets.map((t) => ({ id: t.id, department: t.department, status: t.status, dueAt: t.dueAt, overdue: t.overdue, ownerId: t.owner?.id ?? null }));
}

/**
 * Whether an item must stay open in the inbox: it has a ticket not yet closed and its public answer has not gone out.
 * The inbox refuses to mark such an item done.
 */
export async function awaitsPublicAnswer(db: Kysely<Database>, workspaceId: string, itemId: string): Promise<boolean> {
  const row = await db
    .selectFrom('tickets as t')
    .select('t.id')
    .where('t.workspace_id', '=', workspaceId)
    .where('t.item_id', '=', itemId)
    .where('t.status', '!=', 'closed')
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('inbox_replies as r').select('r.id').whereRef('r.item_id', '=', 't.item_id').where('r.kind', '=', 'reply').where('r.status', '=', 'sent'))),
    )
    .executeTakeFirst();
  return row !== undefined;
}
