import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { HttpEnv } from '../../http/types.js';
import { subscribeInbox } from './live.js';
import { liveListening } from '../../shared/live-hub.js';

const TICK_MS = 20_000;
// The database away: the stream starts anyway, and its ticks cover what it cannot hear.
const LISTEN_WAIT_MS = 3_000;
// Items arriving in a burst are told together.
const GATHER_MS = 150;

/**
 * Server-sent events of the workspace's inbox: `items` with { itemIds } whenever items arrive or change. The page
 * then reloads what it shows. A comment every tick keeps proxies from closing the connection; a signed-out session
 * ends the stream.
 */
export function inboxStream(c: Context<HttpEnv>, workspaceId: string) {
  const { ctx, actor } = c.var;
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (sse) => {
    let closed = false;
    let pending = new Set<string>();
    let wake: (() => void) | null = null;
    const end = () => {
      closed = true;
      wake?.();
    };
    const unsubscribe = subscribeInbox(ctx.store, workspaceId, (ids) => {
      for (const id of ids) pending.add(id);
      wake?.();
    }, end);
    sse.onAbort(end);
    try {
      // Hello once this process hears the news: a page that reloads on it then misses no change made after.
      await liveListening(ctx.store, LISTEN_WAIT_MS);
      await sse.writeSSE({ event: 'hello', data: '{}', retry: 5000 });
      while (!closed) {
        if (pending.size > 0) {
          await new Promise((r) => setTimeout(r, GATHER_MS));
          const itemIds = [...pending];
          pending = new Set();
          await sse.writeSSE({ event: 'items', data: JSON.stringify({ itemIds }) });
          continue;
        }
        const ticked = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), TICK_MS);
          wake = () => {
            clearTimeout(timer);
            resolve(false);
          };
        });
        wake = null;
        if (!ticked || closed) continue;
        const session = await ctx.store.db.selectFrom('session').select('expiresAt').where('id', '=', actor.sessionId).executeTakeFirst();
        if (!session || new Date(session.expiresAt).getTime() <= ctx.clock.now()) break;
        await sse.write(': tick\n\n');
      }
    } finally {
      unsubscribe();
    }
  });
}
