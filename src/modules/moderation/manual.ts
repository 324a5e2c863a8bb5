import crypto from 'node:crypto';
import type { AppContext } from '../../context.js';
import { notPossible } from './errors.js';
import type { ModeratedRow } from './items.js';
import { MODERATION_ACT, MODERATION_PRIORITY } from './job-names.js';
import type { ActPayload } from './act-job.js';
import { openTarget, possibility, type NotPossible } from './network-actions.js';
import type { LogReason } from './log.js';
import type { ItemAction } from './rule-schema.js';

export const NOT_POSSIBLE_TEXT: Record<NotPossible, string> = {
  no_account: 'Not possible on this network: the account this item was addressed to is not connected.',
  not_supported: 'Not possible on this network.',
  not_our_post: 'Not possible on this network: a reply can be hidden only under a post of the account.',
};

/**
 * Queues a member's action (or undo) on an item for the moderation.act job, after checking that the network
 * allows it: a member is told at once, where a rule would send the item to review.
 */
export async function queueMemberAction(
  ctx: AppContext,
  row: ModeratedRow,
  a: { action: ItemAction; actorId: string; reasons: LogReason[]; note?: string; undoes?: string | null },
): Promise<{ jobId: string; logId: string }> {
  const target = await openTarget(ctx, row.item, row.author);
  const allowed = await possibility(ctx.store.db, a.action, target);
  if (!allowed.ok) throw notPossible(NOT_POSSIBLE_TEXT[allowed.why]);
  const payload: ActPayload = {
    logId: crypto.randomUUID(), workspaceId: row.item.workspace_id, itemId: row.item.id, action: a.action, ruleId: null, actorId: a.actorId,
    reasons: a.reasons, note: a.note ?? '', undoes: a.undoes ?? null,
  };
  const job = await ctx.jobs.queue.enqueue(MODERATION_ACT, payload, { workspaceId: row.item.workspace_id, priority: MODERATION_PRIORITY, version: 1 });
  return { jobId: job.id, logId: payload.logId };
}
