import type { Kysely } from 'kysely';
import type { Store } from '../../store/database.js';
import type { Database } from '../../store/schema.js';
import { liveChannel } from '../../shared/live-hub.js';

/** Someone's notifications changed: their open streams read the unread count again. Keyed by user id. */
const notifications = liveChannel('notifications');

export async function announceChanged(store: Store, db: Kysely<Database>, userIds: readonly string[]): Promise<void> {
  await notifications.announce(store, db, userIds);
}

/**
 * Calls `onChange` whenever the user's notifications change, until the returned function is called.
 * `onClose` is called if the hub shuts down (the server stopping) so the stream can end.
 */
export function subscribe(store: Store, userId: string, onChange: () => void, onClose: () => void): () => void {
  return notifications.subscribe(store, userId, () => onChange(), onClose);
}
