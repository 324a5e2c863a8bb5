import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context.js';
import { acquireLease, releaseLease } from './lease.js';

/**
 * Long-lived streams (an account's notifications, a network's firehose) that one process of the cluster holds: the
 * holder of a lease. Every refresh takes or renews the lease, starts the streams now wanted and ends those no longer
 * wanted; a process that loses the lease ends all of its own, and another takes them over once the lease runs out.
 */
export interface LeasedStreams {
  /** Takes (or renews) the lease, then starts and ends streams to match what is wanted now. */
  refresh(): Promise<void>;
  /** The keys of the streams running in this process now. */
  streaming(): string[];
  isLeader(): boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface LeasedStreamsOptions<T> {
  lease: string;
  refreshMs?: number;
  holderId?: string;
  /** The log event of a failed refresh. */
  refreshFailedEvent: string;
  /**
   * The streams wanted now, by key, each with what starting it needs, or null for one that is running and stays
   * (given `running`, the keys of those). Asked only while this process leads.
   */
  wanted(running: ReadonlySet<string>): Promise<Map<string, T | null>>;
  /** Runs one stream until `signal` aborts; a stream that ends or fails is started again by the next refresh. */
  run(key: string, value: T, signal: AbortSignal): Promise<void>;
  /** After a stream this process ended has stopped. */
  ended?(key: string): Promise<void>;
  /** Where the running instance is found by its context, while it runs. */
  registry?: WeakMap<AppContext, LeasedStreams>;
}

interface Running {
  controller: AbortController;
  done: Promise<void>;
}

export function createLeasedStreams<T>(ctx: AppContext, options: LeasedStreamsOptions<T>): LeasedStreams {
  const refreshMs = options.refreshMs ?? 60_000;
  const leaseMs = refreshMs * 3;
  const holder = options.holderId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const streams = new Map<string, Running>();
  let leader = false;
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let refreshing: Promise<void> | null = null;

  const startStream = (key: string, value: T) => {
    const controller = new AbortController();
    const done = options.run(key, value, controller.signal).finally(() => streams.delete(key));
    streams.set(key, { controller, done });
  };

  const endStream = async (key: string) => {
    const s = streams.get(key);
    if (!s) return;
    s.controller.abort();
    await s.done.catch(() => {});
    await options.ended?.(key).catch(() => {});
  };

  const doRefresh = async () => {
    leader = await acquireLease(ctx.store.db, options.lease, holder, ctx.clock.now(), leaseMs);
    if (!leader || !running) {
      await Promise.all([...streams.keys()].map(endStream));
      return;
    }
    const wanted = await options.wanted(new Set(streams.keys()));
    await Promise.all([...streams.keys()].filter((key) => !wanted.has(key)).map(endStream));
    for (const [key, value] of wanted) if (value !== null && !streams.has(key)) startStream(key, value);
  };

  const refresh = () => {
    // One refresh at a time: a timer tick and a call from elsewhere share the one under way.
    refreshing ??= doRefresh().finally(() => (refreshing = null));
    return refreshing;
  };

  const loop = async () => {
    timer = null;
    try {
      await refresh();
    } catch (err) {
      ctx.log.error({ event: options.refreshFailedEvent, err }, 'streams refresh failed');
    }
    if (running) timer = setTimeout(() => void loop(), refreshMs);
  };

  const live: LeasedStreams = {
    refresh,
    streaming: () => [...streams.keys()],
    isLeader: () => leader,
    async start() {
      if (running) return;
      running = true;
      if (options.registry && !options.registry.has(ctx)) options.registry.set(ctx, live);
      await loop();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await refreshing?.catch(() => {});
      await Promise.all([...streams.keys()].map(endStream));
      if (leader) await releaseLease(ctx.store.db, options.lease, holder).catch(() => {});
      leader = false;
      if (options.registry?.get(ctx) === live) options.registry.delete(ctx);
    },
  };
  return live;
}
