import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { PostEvent } from './events.js';

export type TargetWait = { until: string; reason: string | null };

/**
 * What the posts still going out wait for, per post and network ("postId:network"): the latest wait their history
 * tells, while it lasts. The publishing job writes it when a network's budget, or the network itself, holds a post.
 */
export async function loadWaits(db: Kysely<Database>, postIds: string[], now: number): Promise<Map<string, TargetWait>> {
  const waits = new Map<string, TargetWait>();
  if (postIds.length === 0) return waits;
  const events = await db
    .selectFrom('post_events')
    .select(['post_id', 'data'])
    .where('post_id', 'in', postIds)
    .where('kind', '=', PostEvent.waitingForBudget)
    .orderBy('created_at', 'desc')
    .execute();
  const seen = new Set<string>();
  for (const e of events) {
    const data = JSON.parse(e.data) as { network?: unknown; until?: unknown; reason?: unknown };
    const key = `${e.post_id}:${String(data.network)}`;
    // Only the latest wait of each network counts; once over, it says nothing more (the post is going out).
    if (seen.has(key) || typeof data.until !== 'string') continue;
    seen.add(key);
    if (Date.parse(data.until) > now) waits.set(key, { until: data.until, reason: typeof data.reason === 'string' && data.reason ? data.reason : null });
  }
  return waits;
}
