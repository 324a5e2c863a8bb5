import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { ItemAction } from './rule-schema.js';
import { recountInboxItems } from '../analytics/rollups/inbox-days.js';

/**
 * What an action done on the network changes in the store, so that the item's moderation and the author's
 * blocked/muted state stay in step with the network. Hiding or deleting counts against the author (repeat
 * offenders); unhiding takes that back.
 */
export async function recordEffect(db: Kysely<Database>, action: ItemAction, itemId: string | null, authorId: string | null, now: number): Promise<void> {
  const item = async (moderation: 'hidden' | 'deleted' | null): Promise<void> => {
    if (!itemId) return;
    await db.updateTable('inbox_items').set({ moderation }).where('id', '=', itemId).execute();
    // What moderation removed no longer asks for an answer: the inbox figures' day is counted again.
    await recountInboxItems(db, [itemId]);
  };
  const author = async (set: Record<string, unknown>): Promise<void> => {
    if (authorId) await db.updateTable('inbox_authors').set(set).where('id', '=', authorId).execute();
  };
  switch (action) {
    case 'hide':
    case 'delete': {
      if (!itemId) return;
      const before = await db.selectFrom('inbox_items').select('moderation').where('id', '=', itemId).executeTakeFirst();
      await item(action === 'hide' ? 'hidden' : 'deleted');
      // Counted once per item: hiding an item already hidden or deleted is no new offence.
      if (before && before.moderation !== 'hidden' && before.moderation !== 'deleted') await author({ removed_count: sql`removed_count + 1` });
      return;
    }
    case 'unhide': {
      if (!itemId) return;
      const before = await db.selectFrom('inbox_items').select('moderation').where('id', '=', itemId).executeTakeFirst();
      await item(null);
      if (before?.moderation === 'hidden') await author({ removed_count: sql`case when removed_count > 0 then removed_count - 1 else 0 end` });
      return;
    }
    case 'block':
      return author({ blocked_at: now });
    case 'unblock':
      return author({ blocked_at: null });
    case 'mute':
      return author({ muted_at: now });
    case 'unmute':
      return author({ muted_at: null });
    case 'report':
      return;
  }
}
