import type { Context } from 'hono';
import type { HttpEnv } from '../../http/types.js';
import { liveStream } from '../../http/live-stream.js';
import { subscribe } from './live.js';
import { unreadCount } from './repository.js';

/**
 * The unread count, live: sent at once, then whenever the person's notifications change (an `unread` event
 * with `{ unread }`). Every tick it checks again, for changes made by another process on SQLite.
 */
export function notificationStream(c: Context<HttpEnv>) {
  const { ctx, actor } = c.var;
  const { db } = ctx.store;
  let dirty = true;
  let last = -1;
  return liveStream(c, {
    subscribe: (wake, end) =>
      subscribe(ctx.store, actor.userId, () => {
        dirty = true;
        wake();
      }, end),
    waiting: () => dirty,
    send: async (sse) => {
      dirty = false;
      const unread = await unreadCount(db, actor.userId);
      await sse.writeSSE({ event: 'unread', data: JSON.stringify({ unread, changed: last !== -1 }) });
      last = unread;
    },
    poll: async () => {
      if ((await unreadCount(db, actor.userId)) === last) return false;
      dirty = true;
      return true;
    },
  });
}
