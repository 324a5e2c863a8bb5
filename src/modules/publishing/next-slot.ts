import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { badRequest } from '../../http/errors.js';
import { nextFreeSlot } from './slots.js';

/**
 * The time at which every account of the post has a free queue slot: each account's next one, the latest. A slot
 * is taken by any other post planned there, approved or still in review, so two posts queued before their
 * approval do not land on the same slot.
 */
export async function nextSlotForPost(db: Kysely<Database>, postId: string, now: number): Promise<number> {
  const accounts = await db
    .selectFrom('post_targets')
    .innerJoin('social_accounts', 'social_accounts.id', 'post_targets.account_id')
    .select(['social_accounts.id', 'social_accounts.timezone'])
    .where('post_targets.post_id', '=', postId)
    .execute();
  if (accounts.length === 0) throw badRequest('no_accounts', 'Choose at least one account first.');
  let latest = 0;
  for (const account of accounts) {
    const slots = await db.selectFrom('queue_slots').select(['weekday', 'minute']).where('account_id', '=', account.id).execute();
    const taken = await db
      .selectFrom('posts')
      .innerJoin('post_targets', 'post_targets.post_id', 'posts.id')
      .select('posts.scheduled_at')
      .where('post_targets.account_id', '=', account.id)
      .where('posts.status', 'in', ['in_review', 'approved', 'scheduled', 'publishing', 'published'])
      .where('posts.id', '!=', postId)
      .where('posts.scheduled_at', '>', now)
      .execute();
    const at = nextFreeSlot(slots, account.timezone, now, new Set(taken.map((t) => Number(t.scheduled_at))));
    if (at === null) throw badRequest('no_slots', 'An account of this post has no queue slots. Add some in its settings.');
    latest = Math.max(latest, at);
  }
  return latest;
}
