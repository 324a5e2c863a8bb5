import type { Context } from 'hono';
import type { HttpEnv } from '../../http/types.js';
import { liveIds } from '../../http/live-stream.js';
import { subscribeInbox } from './live.js';

// Items arriving in a burst are told together.
const GATHER_MS = 150;

/**
 * Server-sent events of the workspace's inbox: `items` with { itemIds } whenever items arrive or change. The page
 * then reloads what it shows.
 */
export function inboxStream(c: Context<HttpEnv>, workspaceId: string) {
  const { store } = c.var.ctx;
  return liveIds(c, 'items', 'itemIds', GATHER_MS, (onIds, end) => subscribeInbox(store, workspaceId, onIds, end));
}
