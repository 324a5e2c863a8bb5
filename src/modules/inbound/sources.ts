import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { InboundPage } from '../../connectors/types.js';

/** What the inbox reads per account: replies, mentions and quotes; direct messages. */
export const INBOX_SOURCES = ['notifications', 'messages'] as const;
export type InboxSource = (typeof INBOX_SOURCES)[number];

/** How far back a newly connected account is read. */
export const BACKFILL_MS = 7 * 86_400_000;

export interface SourceState {
  cursor: string | null;
  backfillSince: number;
  backfillDone: boolean;
  backfillProgress: number;
}

/** The source's row, created on first use with its backfill window starting now. */
export async function ensureSource(
  db: Kysely<Database>,
  account: { id: string; workspace_id: string },
  source: InboxSource,
  now: number,
): Promise<SourceState> {
  await db
    .insertInto('inbox_sources')
    .values({ account_id: account.id, source, workspace_id: account.workspace_id, cursor: null, backfill_since: now - BACKFILL_MS, backfill_progress: 0, updated_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'source']).doNothing())
    .execute();
  const row = await db
    .selectFrom('inbox_sources')
    .select(['cursor', 'backfill_since', 'backfill_done_at', 'backfill_progress'])
    .where('account_id', '=', account.id)
    .where('source', '=', source)
    .executeTakeFirstOrThrow();
  return {
    cursor: row.cursor,
    backfillSince: Number(row.backfill_since ?? now - BACKFILL_MS),
    backfillDone: row.backfill_done_at !== null,
    backfillProgress: Number(row.backfill_progress),
  };
}

/**
 * Advances the source's cursor past a stored page, in the transaction that stored it. During the backfill the
 * progress is how much of the window the walk has reached back through; the first walk's end completes it.
 */
export async function advanceSource(trx: Transaction<Database>, accountId: string, source: InboxSource, page: InboundPage, now: number) {
  const row = await trx
    .selectFrom('inbox_sources')
    .select(['backfill_since', 'backfill_done_at', 'backfill_progress'])
    .where('account_id', '=', accountId)
    .where('source', '=', source)
    .executeTakeFirst();
  const update: Partial<Record<'backfill_progress' | 'backfill_done_at', number>> = {};
  if (row && row.backfill_done_at === null) {
    if (!page.more) {
      update.backfill_progress = 1;
      update.backfill_done_at = now;
    } else {
      const since = Number(row.backfill_since ?? now - BACKFILL_MS);
      const reached = page.reachedBack === null ? NaN : new Date(page.reachedBack).getTime();
      const share = Number.isFinite(reached) && now > since ? (now - reached) / (now - since) : 0;
      // Never backwards, and never 1 until the walk says it is done.
      update.backfill_progress = Math.max(Number(row.backfill_progress), Math.min(0.99, Math.max(0, Math.round(share * 100) / 100)));
    }
  }
  await trx
    .updateTable('inbox_sources')
    .set({ cursor: page.cursor, last_error: null, updated_at: now, ...update })
    .where('account_id', '=', accountId)
    .where('source', '=', source)
    .execute();
}

export async function recordSourceError(db: Kysely<Database>, accountId: string, source: InboxSource, message: string, now: number) {
  await db
    .updateTable('inbox_sources')
    .set({ last_error: message.slice(0, 500), updated_at: now })
    .where('account_id', '=', accountId)
    .where('source', '=', source)
    .execute();
}

/** Where the account's live stream stopped, kept with its replies-and-mentions source; null before it first gave one. */
export async function streamPosition(db: Kysely<Database>, accountId: string): Promise<string | null> {
  const row = await db.selectFrom('inbox_sources').select('stream_cursor').where('account_id', '=', accountId).where('source', '=', 'notifications').executeTakeFirst();
  return row?.stream_cursor ?? null;
}

export async function keepStreamPosition(db: Kysely<Database>, account: { id: string; workspace_id: string }, cursor: string, now: number): Promise<void> {
  await ensureSource(db, account, 'notifications', now);
  await db.updateTable('inbox_sources').set({ stream_cursor: cursor.slice(0, 200), updated_at: now }).where('account_id', '=', account.id).where('source', '=', 'notifications').execute();
}

export async function markPolled(db: Kysely<Database>, accountId: string, source: InboxSource, now: number) {
  await db.updateTable('inbox_sources').set({ last_polled_at: now, updated_at: now }).where('account_id', '=', accountId).where('source', '=', source).execute();
}
