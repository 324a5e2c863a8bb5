/**
 * A comment hidden or unhidden on the network itself (a Page admin in Facebook, or Facebook's own filters), as the
 * network's webhook tells: recorded as the team's own hide is (moderation log, item state, the author's count of
 * removed items, the inbox figures), with the network as the actor, and without acting on the network again.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { InboundAccount } from '../inbound/pipeline.js';
import { announceInbox } from '../inbox/live.js';
import { recordEffect } from './effects.js';
import { appendLog, networkActor } from './log.js';
import { MODERATION_ACT } from './job-names.js';

export type NetworkVisibility = 'hide' | 'unhide';

/**
 * Records that the account's item with this network id was hidden or unhidden there at `at` (ms); returns the
 * item's id, or null when nothing is recorded: the item is not stored, already reads so (the echo of Ruche's own
 * action, or a delivery repeated), or Ruche is doing that very action on it now (its echo may come first).
 */
export async function recordNetworkVisibility(ctx: AppContext, account: InboundAccount, externalId: string, action: NetworkVisibility, at: number): Promise<string | null> {
  const { db } = ctx.store;
  const item = await db.selectFrom('inbox_items').select(['id', 'author_id', 'moderation'])
    .where('workspace_id', '=', account.workspace_id).where('account_id', '=', account.id).where('network', '=', account.network)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  if (!item || !changes(action, item.moderation) || (await ruchePending(ctx, account.workspace_id, item.id, action))) return null;
  const recorded = await db.transaction().execute(async (trx) => {
    // Read again under the transaction: a member's action that committed meanwhile is the same state, not a new one.
    const now = await trx.selectFrom('inbox_items').select('moderation').where('id', '=', item.id).executeTakeFirst();
    if (!now || !changes(action, now.moderation)) return false;
    await appendLog(trx, {
      id: crypto.randomUUID(), workspaceId: account.workspace_id, itemId: item.id, authorId: item.author_id, actorId: networkActor(account.network),
      ruleId: null, action, outcome: 'done', reasons: [],
    }, at);
    await recordEffect(trx, action, item.id, item.author_id, at);
    return true;
  });
  if (!recorded) return null;
  await announceInbox(ctx, account.workspace_id, [item.id]);
  return item.id;
}

/** Whether the action changes the item: hiding what is shown (or waits for review), unhiding what is hidden. */
const changes = (action: NetworkVisibility, moderation: string | null): boolean =>
  action === 'hide' ? moderation !== 'hidden' && moderation !== 'deleted' : moderation === 'hidden';

/** Whether a moderation.act job of Ruche's is queued or running for this action on this item. */
async function ruchePending(ctx: AppContext, workspaceId: string, itemId: string, action: NetworkVisibility): Promise<boolean> {
  const jobs = await ctx.store.db.selectFrom('jobs').select('payload')
    .where('type', '=', MODERATION_ACT).where('workspace_id', '=', workspaceId).where('status', 'in', ['queued', 'running'])
    .execute();
  return jobs.some((j) => {
    try {
      const p = JSON.parse(j.payload) as { itemId?: unknown; action?: unknown };
      return p.itemId === itemId && p.action === action;
    } catch {
      return false;
    }
  });
}
