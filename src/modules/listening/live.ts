import type { Store } from '../../store/database.js';
import { liveChannel } from '../../shared/live-hub.js';

/** Mentions of a workspace arrived, or an alert was raised: its open listening screens reload. Values: topic ids. */
const listening = liveChannel('listening');

export async function announceListening(store: Store, workspaceId: string, topicIds: readonly string[]): Promise<void> {
  await listening.announce(store, store.db, [workspaceId], topicIds);
}

export function subscribeListening(store: Store, workspaceId: string, onNews: (topicIds: string[]) => void, onClose: () => void): () => void {
  return listening.subscribe(store, workspaceId, onNews, onClose);
}
