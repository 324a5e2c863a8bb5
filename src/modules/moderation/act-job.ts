import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob, PermanentJobError } from '../../jobs/index.js';
import { isConnectorError } from '../../connectors/errors.js';
import { announceInbox } from '../inbox/live.js';
import { recordEffect } from './effects.js';
import { loadItems } from './items.js';
import { appendLog, type LogEntry, type LogReason } from './log.js';
import { openTarget, perform, possibility } from './network-actions.js';
import { queueReview } from './reviews.js';
import { ITEM_ACTIONS } from './rule-schema.js';
import { MODERATION_ACT } from './job-names.js';

const Reason = z.union([
  z.string().max(2000),
  z.object({ category: z.enum(['insult', 'hate', 'threat', 'sexual', 'spam', 'sentiment', 'complaint', 'language', 'context']), rule: z.string(), text: z.string(), weight: z.number() }),
]);

export const ActPayload = z.object({
  /** The log row this job writes: chosen when queued, so a job run twice logs once. */
  logId: z.string().min(1),
  workspaceId: z.string().min(1),
  itemId: z.string().min(1),
  action: z.enum(ITEM_ACTIONS),
  ruleId: z.string().nullable(),
  actorId: z.string().nullable(),
  reasons: z.array(Reason).max(20),
  /** Words sent with a report. */
  note: z.string().max(1000).default(''),
  undoes: z.string().nullable().default(null),
});
export type ActPayload = z.infer<typeof ActPayload>;

const MAX_ATTEMPTS = 6;

/**
 * One moderation action on the network, outside the ingest transaction. Retries follow the connector's error
 * kind (rate limits and passing trouble are retried; a refusal is not). An action the network does not allow
 * sends the item to the review queue, and every outcome is logged.
 */
export function moderationActJob(ctx: AppContext) {
  return defineJob({
    type: MODERATION_ACT,
    version: 1,
    schema: ActPayload,
    maxAttempts: MAX_ATTEMPTS,
    timeoutMs: 60_000,
    run: async (p, job) => {
      const db = ctx.store.db;
      const done = await db.selectFrom('moderation_log').select('id').where('id', '=', p.logId).executeTakeFirst();
      if (done) return { already: true };
      const [row] = await loadItems(db, p.workspaceId, [p.itemId]);
      if (!row) return { gone: true };
      const target = await openTarget(ctx, row.item, row.author);
      const entry = (outcome: 'done' | 'not_possible' | 'failed', detail: string | null): LogEntry => ({
        id: p.logId, workspaceId: p.workspaceId, itemId: p.itemId, authorId: row.author.id, actorId: p.actorId, ruleId: p.ruleId,
        action: p.action, outcome, reasons: p.reasons, detail, undoes: p.undoes,
      });
      const review = (trx: typeof db) =>
        queueReview(trx, { workspaceId: p.workspaceId, itemId: p.itemId, ruleId: p.ruleId, action: p.action, reason: 'not_possible', risk: Number(row.item.risk) }, ctx.clock.now());

      const allowed = await possibility(db, p.action, target);
      if (!allowed.ok) {
        await db.transaction().execute(async (trx) => {
          await appendLog(trx, entry('not_possible', allowed.why), ctx.clock.now());
          if (!p.undoes) await review(trx);
        });
        await announceInbox(ctx, p.workspaceId, [p.itemId]).catch(() => {});
        return { outcome: 'not_possible', why: allowed.why };
      }

      try {
        await perform(p.action, target, allowed.post, p.note || reasonText(p.reasons));
      } catch (err) {
        const retry = isConnectorError(err) ? err.retryable : true;
        if (retry && job.attempt < MAX_ATTEMPTS) throw err;
        const message = err instanceof Error ? err.message : String(err);
        // The network refused: a moderator decides what to do instead.
        const refused = isConnectorError(err) && (err.kind === 'forbidden' || err.kind === 'rejected');
        await db.transaction().execute(async (trx) => {
          await appendLog(trx, entry('failed', message), ctx.clock.now());
          if (refused && !p.undoes) await review(trx);
        });
        throw new PermanentJobError(message);
      }

      const now = ctx.clock.now();
      await db.transaction().execute(async (trx) => {
        if (await appendLog(trx, entry('done', null), now)) await recordEffect(trx, p.action, p.itemId, row.author.id, now);
      });
      await announceInbox(ctx, p.workspaceId, [p.itemId]).catch(() => {});
      return { outcome: 'done' };
    },
  });
}

function reasonText(reasons: LogReason[]): string {
  return reasons.map((r) => (typeof r === 'string' ? r : `${r.category}: ${r.text}`)).join('; ').slice(0, 1000);
}
