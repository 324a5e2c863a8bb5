import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { HttpEnv } from './types.js';
import { liveListening } from '../shared/live-hub.js';

// Also the keep-alive: proxies close connections that stay silent for a minute or so.
const TICK_MS = 20_000;
// The database away: the stream starts anyway, and its ticks cover what it cannot hear.
const LISTEN_WAIT_MS = 3_000;

export interface LiveFeed {
  /** Listens for news: `wake` when there is some, `end` when the stream must stop. Returns how to stop listening. */
  subscribe: (wake: () => void, end: () => void) => () => void;
  /** Sends what is new, if anything (called after every wake-up and after every tick that found news). */
  send: (sse: SSEStreamingApi) => Promise<void>;
  /** Whether there is news waiting to be sent. */
  waiting: () => boolean;
  /** At each tick, a look for news this process could not hear (another process on SQLite); true when found. */
  poll?: () => Promise<boolean>;
}

/**
 * A server-sent event stream: `hello` once this process hears the news (a page that reloads on it then misses no
 * change made after), then the feed's events, a comment every tick to keep proxies from closing the connection,
 * and the end of the stream when the session is signed out.
 */
export function liveStream(c: Context<HttpEnv>, feed: LiveFeed) {
  const { ctx } = c.var;
  // Reverse proxies (nginx) would otherwise hold the events back in their buffers.
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (sse) => {
    let closed = false;
    let wake: (() => void) | null = null;
    const end = () => {
      closed = true;
      wake?.();
    };
    const unsubscribe = feed.subscribe(() => wake?.(), end);
    sse.onAbort(end);
    try {
      await liveListening(ctx.store, LISTEN_WAIT_MS);
      // Reconnecting browsers wait this long, not the default 3 s, after a server restart.
      await sse.writeSSE({ event: 'hello', data: '{}', retry: 5000 });
      while (!closed) {
        if (feed.waiting()) {
          await feed.send(sse);
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
        if (!(await sessionHolds(c))) break;
        if (!(await feed.poll?.())) await sse.write(': tick\n\n');
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

/**
 * A stream that tells which ids changed: those heard within `gatherMs` of the first are sent together, as one
 * `event` whose data is `{ [field]: ids }`, so that a burst makes the page reload once.
 */
export function liveIds(
  c: Context<HttpEnv>, event: string, field: string, gatherMs: number,
  subscribe: (onIds: (ids: readonly string[]) => void, end: () => void) => () => void,
) {
  let pending = new Set<string>();
  return liveStream(c, {
    subscribe: (wake, end) => subscribe((ids) => {
      for (const id of ids) pending.add(id);
      wake();
    }, end),
    waiting: () => pending.size > 0,
    send: async (sse) => {
      await new Promise((r) => setTimeout(r, gatherMs));
      const ids = [...pending];
      pending = new Set();
      await sse.writeSSE({ event, data: JSON.stringify({ [field]: ids }) });
    },
  });
}
