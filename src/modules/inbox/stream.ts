import type { Context } from 'hono';
import type { HttpEnv } from '../../http/types.js';
import { liveStream } from '../../http/live-stream.js';
import { subscribeInbox } from './live.js';

// Items arriving in a burst are told together.
const GATHER_MS = 150;

/**
 * Server-sent events of the workspace's inbox: `items` with { itemIds } whenever items arrive or change. The page
 * then reloads what it shows.
 */
export function inboxStream(c: Context<HttpEnv>, workspaceId: string) {
  const { store } = c.var.ctx;
  let pending = new Set<string>();
  return liveStream(c, {
    subscribe: (wake, end) =>
      subscribeInbox(store, workspaceId, (ids) => {
        for (const id of ids) pending.add(id);
        wake();
      }, end),
    waiting: () => pending.size > 0,
    send: async (sse) => {
      await new Promise((r) => setTimeout(r, GATHER_MS));
      const itemIds = [...pending];
      pending = new Set();
      await sse.writeSSE({ event: 'items', data: JSON.stringify({ itemIds }) });
    },
  });
}
