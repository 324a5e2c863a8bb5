import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { TicketSystemCode } from './views.js';

/** A line in a ticket's thread saying what happened; the app words it from its code, in the reader's language. */
export async function addSystemLine(
  db: Kysely<Database>,
  line: { ticketId: string; workspaceId: string; code: TicketSystemCode; authorId?: string | null; email?: string | null; now: number },
): Promise<void> {
  await db
    .insertInto('ticket_messages')
    .values({
      id: crypto.randomUUID(), ticket_id: line.ticketId, workspace_id: line.workspaceId, source: 'system', author_id: line.authorId ?? null,
      from_email: line.email ?? null, body: line.code, message_id: null, created_at: line.now,
    })
    .execute();
}
