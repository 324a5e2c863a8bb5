import type { AppContext } from '../../context.js';
import type { Store } from '../../store/database.js';
import { liveChannel } from '../../shared/live-hub.js';
import { countsChanged } from './counts.js';

/**
 * Items of a workspace arrived or changed: its open inbox streams reload them. Keyed by workspace id, with the
 * items' ids. Every process that hears it also drops the workspace's cached counts.
 */
const inbox = liveChannel('inbox', { onDeliver: (workspaceId) => countsChanged(workspaceId) });

/** Tells open inbox streams of the workspace that items arrived or changed. */
export async function announceInbox(ctx: AppContext, workspaceId: string, itemIds: readonly string[]): Promise<void> {
  await announce(ctx.store, workspaceId, itemIds);
}

export async function announce(store: Store, workspaceId: string, itemIds: readonly string[]): Promise<void> {
  if (itemIds.length === 0) return;
  // This process's counts go stale at once; others drop theirs when the news reaches them.
  countsChanged(workspaceId);
  await inbox.announce(store, store.db, [workspaceId], itemIds);
}

/** Calls `onItems` with the ids of items that arrive or change in the workspace, until the returned function is called. */
export function subscribeInbox(store: Store, workspaceId: string, onItems: (itemIds: string[]) => void, onClose: () => void): () => void {
  return inbox.subscribe(store, workspaceId, onItems, onClose);
}
