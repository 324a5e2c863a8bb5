import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { Reason } from '../../analysis/index.js';
import { bumpVersions } from '../analytics/rollups/version.js';
import { countModerationActions } from '../analytics/rollups/moderation-days.js';

export type LogOutcome = 'done' | 'not_possible' | 'failed' | 'queued';

/** Why something was done: the analysis reasons, or a member's own words. */
export type LogReason = Reason | string;

export interface LogEntry {
  id: string;
  workspaceId: string;
  itemId: string | null;
  authorId: string | null;
  actorId: string | null;
  ruleId: string | null;
  action: string;
  outcome: LogOutcome;
  reasons: LogReason[];
  detail?: string | null;
  undoes?: string | null;
}

/**
 * The actor of a row for what was done on the network itself (a Page admin hiding a comment on Facebook), as the
 * network told: not a member, not a rule. Stored in `actor_id`, which names no user then.
 */
export const networkActor = (network: string): string => `network:${network}`;

/** The network a row's actor names, or null when a member (or nobody: a rule, Ruche) acted. */
export const actingNetwork = (actorId: string | null): string | null => (actorId?.startsWith('network:') ? actorId.slice('network:'.length) : null);

/**
 * Appends to the moderation log, which is never updated: an undo is a row of its own naming the row it undoes.
 * The id is chosen by the caller (a job's), so a job run twice writes its row once.
 */
export async function appendLog(db: Kysely<Database>, e: LogEntry, now: number): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const inserted = await trx
      .insertInto('moderation_log')
      .values(logRow(e, now))
      .onConflict((oc) => oc.column('id').doNothing())
      .returningAll()
      .executeTakeFirst();
    // The log's actions are a figure of the workspace's analytics: its daily rollup and its version move with the row.
    if (inserted) await countModerationActions(trx, [{ ...inserted, created_at: Number(inserted.created_at) }]);
    return inserted !== undefined;
  });
}

const inTransaction = <T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> =>
  db.isTransaction ? work(db) : db.transaction().execute(work);

const logRow = (e: LogEntry, now: number) => ({
  id: e.id, workspace_id: e.workspaceId, item_id: e.itemId, author_id: e.authorId, actor_id: e.actorId, rule_id: e.ruleId,
  action: e.action, outcome: e.outcome, reasons: JSON.stringify(e.reasons.slice(0, 20)), detail: e.detail?.slice(0, 2000) ?? null,
  undoes: e.undoes ?? null, created_at: now,
});

/** Appends many log rows, a few statements in all (12 columns a row: well under both databases' parameter limits). */
export async function appendLogs(db: Kysely<Database>, entries: readonly LogEntry[], now: number): Promise<void> {
  if (entries.length === 0) return;
  await inTransaction(db, async (trx) => {
    for (let i = 0; i < entries.length; i += 500) {
      // The rows inserted (not those already there) are counted in the daily moderation rollup.
      const inserted = await trx.insertInto('moderation_log').values(entries.slice(i, i + 500).map((e) => logRow(e, now))).onConflict((oc) => oc.column('id').doNothing())
        .returning(['workspace_id', 'item_id', 'outcome', 'undoes', 'created_at']).execute();
      await countModerationActions(trx, inserted.map((m) => ({ ...m, created_at: Number(m.created_at) })));
    }
    await bumpVersions(trx, entries.map((e) => e.workspaceId));
  });
}
