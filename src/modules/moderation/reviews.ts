import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

export type ReviewReason = 'uncertain' | 'not_possible' | 'rule';

/**
 * Puts an item in the review queue (once per item and action while pending), ranked by the item's risk, and marks
 * the item as awaiting review unless moderation already did something to it.
 */
export async function queueReview(
  db: Kysely<Database>,
  r: { workspaceId: string; itemId: string; ruleId: string | null; action: string; reason: ReviewReason; risk: number },
  now: number,
): Promise<boolean> {
  const pending = await db
    .selectFrom('moderation_reviews').select('id')
    .where('item_id', '=', r.itemId).where('action', '=', r.action).where('status', '=', 'pending')
    .executeTakeFirst();
  if (pending) return false;
  await db
    .insertInto('moderation_reviews')
    .values({
      id: crypto.randomUUID(), workspace_id: r.workspaceId, item_id: r.itemId, rule_id: r.ruleId, action: r.action, reason: r.reason,
      risk: r.risk, status: 'pending', decided_by: null, decided_at: null, created_at: now,
    })
    .execute();
  await db.updateTable('inbox_items').set({ moderation: 'review' }).where('id', '=', r.itemId).where('moderation', 'is', null).execute();
  return true;
}

export interface ReviewRequest {
  workspaceId: string;
  itemId: string;
  ruleId: string | null;
  action: string;
  reason: ReviewReason;
  risk: number;
}

/**
 * queueReview for many items at once (one statement per step and chunk): returns the requests that
 * were queued now (the requests themselves). An item asked twice in the batch, or already pending for that action, is queued once.
 */
export async function queueReviews(db: Kysely<Database>, requests: readonly ReviewRequest[], now: number): Promise<Set<ReviewRequest>> {
  const queued = new Set<ReviewRequest>();
  for (let i = 0; i < requests.length; i += 500) {
    const part = requests.slice(i, i + 500);
    const pending = await db
      .selectFrom('moderation_reviews').select(['item_id', 'action'])
      .where('item_id', 'in', [...new Set(part.map((r) => r.itemId))]).where('status', '=', 'pending')
      .execute();
    const taken = new Set(pending.map((p) => `${p.item_id}\n${p.action}`));
    const fresh = part.filter((r) => {
      const key = `${r.itemId}\n${r.action}`;
      if (taken.has(key)) return false;
      taken.add(key);
      return true;
    });
    if (fresh.length === 0) continue;
    await db
      .insertInto('moderation_reviews')
      .values(fresh.map((r) => ({
        id: crypto.randomUUID(), workspace_id: r.workspaceId, item_id: r.itemId, rule_id: r.ruleId, action: r.action, reason: r.reason,
        risk: r.risk, status: 'pending', decided_by: null, decided_at: null, created_at: now,
      })))
      .execute();
    await db.updateTable('inbox_items').set({ moderation: 'review' }).where('id', 'in', [...new Set(fresh.map((r) => r.itemId))]).where('moderation', 'is', null).execute();
    for (const r of fresh) queued.add(r);
  }
  return queued;
}
