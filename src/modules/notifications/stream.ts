import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { HttpEnv } from '../../http/types.js';
import { subscribe } from './live.js';
import { liveListening } from '../../shared/live-hub.js';
import { unreadCount } from './repository.js';

// Also the keep-alive: proxies close connections that stay silent for a minute or so.
const TICK_MS = 20_000;
// The database away: the stream starts anyway, and its ticks cover what it cannot hear.
const LISTEN_WAIT_MS = 3_000;

/**
 * The unread count, live: sent at once, then whenever the person's notifications change (an `unread` event
 * with `{ unread }`). Every tick it checks again (changes made by another process on SQLite) and that the
 * session still holds; a signed-out session ends the stream.
 */
export function notificationStream(c: Context<HttpEnv>) {
  const { ctx, actor } = c.var;
  const { db } = ctx.store;
  // Reverse proxies (nginx) would otherwise hold the events back in their buffers.
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (sse) => {
    let closed = false;
    let dirty = true;
    let wake: (() => void) | null = null;
    const poke = () => {
      dirty = true;
      wake?.();
    };
    const end = () => {
      closed = true;
      wake?.();
    };
    const unsubscribe = subscribe(ctx.store, actor.userId, poke, end);
    sse.onAbort(end);
    let last = -1;
    try {
      // Hello once this process hears the news: a page that reloads on it then misses no change made after.
      await liveListening(ctx.store, LISTEN_WAIT_MS);
      // Reconnecting browsers wait this long, not the default 3 s, after a server restart.
      await sse.writeSSE({ event: 'hello', data: '{}', retry: 5000 });
      while (!closed) {
        if (dirty) {
          dirty = false;
          const unread = await unreadCount(db, actor.userId);
          await sse.writeSSE({ event: 'unread', data: JSON.stringify({ unread, changed: last !== -1 }) });
          last = unread;
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
        if (!(await sessionHolds(c))) break;
        const unread = await unreadCount(db, actor.userId);
        if (unread !== last) dirty = true;
        else await sse.write(': tick\n\n');
      }
    } finally {
      unsubscribe();
    }
  });
}

async function sessionHolds(c: Context<HttpEnv>): Promise<boolean> {
  const { ctx, actor } = c.var;
  const row = await ctx.store.db.selectFrom('session').select('expiresAt').where('id', '=', actor.sessionId).executeTakeFirst();
  return !!row && new Date(row.expiresAt).getTime() > ctx.clock.now();
}
