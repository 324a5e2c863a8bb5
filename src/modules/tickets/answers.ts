import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database } from '../../store/schema.js';
import { notify } from '../notifications/notify.js';
import { membersWithRoles } from '../notifications/recipients.js';
import { excerpt } from '../notifications/excerpt.js';
import { departmentName } from './departments.js';
import { hashReplyToken } from './reply-address.js';

export const MAX_MESSAGE = 20_000;

export type EmailAnswerResult =
  | { ok: true; ticketId: string; duplicate: boolean }
  | { ok: false; code: 'unknown_ticket' | 'empty'; reason: string };

/**
 * Stores a department's answer that came by e-mail, found by the token of the address it was sent to: added to
 * the ticket's thread, the ticket marked answered, its owner told. The same message delivered twice is kept once.
 */
export async function recordEmailAnswer(
  ctx: AppContext,
  mail: { token: string; from: string | null; text: string; messageId: string | null },
): Promise<EmailAnswerResult> {
  const { db } = ctx.store;
  const ticket = await db.selectFrom('tickets').select(['id', 'workspace_id']).where('reply_token_hash', '=', hashReplyToken(mail.token)).executeTakeFirst();
  if (!ticket) return { ok: false, code: 'unknown_ticket', reason: 'No ticket answers at this address: the link in it is wrong or the ticket was deleted.' };
  const body = mail.text.trim().slice(0, MAX_MESSAGE);
  if (!body) return { ok: false, code: 'empty', reason: 'The message holds no answer once the quoted e-mail is left out.' };
  const messageId = mail.messageId?.slice(0, 500) ?? null;
  return db.transaction().execute(async (trx) => {
    if (messageId) {
      const seen = await trx.selectFrom('ticket_messages').select('id').where('ticket_id', '=', ticket.id).where('message_id', '=', messageId).executeTakeFirst();
      if (seen) return { ok: true, ticketId: ticket.id, duplicate: true };
    }
    await addAnswer(ctx, trx, {
      ticketId: ticket.id, workspaceId: ticket.workspace_id, source: 'email', authorId: null, fromEmail: mail.from?.slice(0, 320) ?? null, body, messageId,
    });
    return { ok: true, ticketId: ticket.id, duplicate: false };
  });
}

/**
 * A message in a ticket's thread. The department's answer (by e-mail, or entered in the app) marks the ticket
 * answered, unless it is closed, and tells its owner (the community managers when it has none).
 */
export async function addAnswer(
  ctx: AppContext,
  trx: Kysely<Database>,
  m: { ticketId: string; workspaceId: string; source: 'app' | 'email'; authorId: string | null; fromEmail: string | null; body: string; messageId?: string | null; answer?: boolean },
): Promise<string> {
  const now = ctx.clock.now();
  const id = crypto.randomUUID();
  const answer = m.source === 'email' || m.answer === true;
  await trx
    .insertInto('ticket_messages')
    .values({
      id, ticket_id: m.ticketId, workspace_id: m.workspaceId, source: m.source, author_id: m.authorId, from_email: m.fromEmail,
      body: m.body, message_id: m.messageId ?? null, answer: answer ? 1 : 0, created_at: now,
    })
    .execute();
  if (!answer) {
    await trx.updateTable('tickets').set({ updated_at: now }).where('id', '=', m.ticketId).execute();
    return id;
  }
  await trx.updateTable('tickets').set({ status: 'answered', answered_at: now, updated_at: now }).where('id', '=', m.ticketId).where('status', '=', 'open').execute();
  const t = await trx
    .selectFrom('tickets as t')
    .innerJoin('departments as d', 'd.id', 't.department_id')
    .innerJoin('inbox_items as i', 'i.id', 't.item_id')
    .innerJoin('workspaces as w', 'w.id', 't.workspace_id')
    .select(['t.owner_id', 'd.key', 'd.name', 'i.text', 'w.locale'])
    .where('t.id', '=', m.ticketId)
    .executeTakeFirstOrThrow();
  await notify(ctx, trx, {
    workspaceId: m.workspaceId, kind: 'ticket.answered', recipients: await ownerOrManagers(trx, m.workspaceId, t.owner_id),
    object: { type: 'ticket', id: m.ticketId }, actorId: m.authorId,
    params: { department: departmentName(t, t.locale), excerpt: excerpt(t.text) }, dedupeKey: `ticket-answered:${id}`, now,
  });
  return id;
}

/** Who hears about a ticket: its owner, or the community managers when it has none. */
export async function ownerOrManagers(db: Kysely<Database>, workspaceId: string, ownerId: string | null): Promise<string[]> {
  if (ownerId) return [ownerId];
  const managers = await membersWithRoles(db, workspaceId, ['community_manager']);
  return managers.length ? managers : membersWithRoles(db, workspaceId, ['owner', 'admin']);
}
