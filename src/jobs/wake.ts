import type { Client } from 'pg';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/database.js';
import { pg } from '../store/pg.js';

type WakeListener = (runAt: number) => void;

// Keyed by the Kysely instance so that a queue and a runner built on the same store hear each other.
const local = new WeakMap<object, Set<WakeListener>>();

function listenersOf(store: Store): Set<WakeListener> {
  let set = local.get(store.db);
  if (!set) local.set(store.db, (set = new Set()));
  return set;
}

/** NOTIFY is per database, so the channel names the schema: test files sharing a database stay apart. */
export function channelOf(store: Store): string {
  return `ruche_jobs.${store.schema ?? 'public'}`;
}

/**
 * Tells runners that work is due at `runAt`: in this process at once, and on PostgreSQL through NOTIFY, which a
 * transaction delivers only when it commits.
 */
export async function announce(store: Store, runAt: number, transaction?: Transaction<Database>): Promise<void> {
  for (const listener of listenersOf(store)) listener(runAt);
  if (store.dialect !== 'postgres') return;
  if (transaction) {
    await sql`select pg_notify(${channelOf(store)}, ${String(runAt)})`.execute(transaction);
    return;
  }
  try {
    await store.pool!.query('select pg_notify($1, $2)', [channelOf(store), String(runAt)]);
  } catch {
    // The job is stored; a missed wake-up only delays it until the runners' safety poll.
  }
}

export interface WakeSubscription {
  /** Resolves once notifications are heard, so a first look at the queue after it misses nothing. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Calls `onWake` when a job is enqueued. On PostgreSQL a dedicated client LISTENs; it reconnects after a loss
 * and then wakes the runner, since notifications sent meanwhile are gone.
 */
export function subscribe(store: Store, onWake: WakeListener, onError: (err: unknown) => void): WakeSubscription {
  const listeners = listenersOf(store);
  listeners.add(onWake);
  if (store.dialect !== 'postgres') {
    return { ready: Promise.resolve(), close: async () => void listeners.delete(onWake) };
  }
  const channel = channelOf(store);
  let client: Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new (pg().Client)({ ...store.pool!.options });
    client = c;
    c.on('notification', (msg) => {
      const runAt = Number(msg.payload);
      onWake(Number.isFinite(runAt) ? runAt : 0);
    });
    c.on('error', (err) => {
      onError(err);
      reconnect(c);
    });
    c.on('end', () => reconnect(c));
    try {
      await c.connect();
      await c.query(`listen ${c.escapeIdentifier(channel)}`);
      if (closed) await c.end();
    } catch (err) {
      onError(err);
      reconnect(c);
    }
  };
  const reconnect = (c: Client): void => {
    if (closed || client !== c || retry) return;
    client = null;
    c.end().catch(() => {});
    retry = setTimeout(() => {
      retry = null;
      void connect().then(() => onWake(0));
    }, 1000);
  };
  const ready = connect();

  return {
    ready,
    async close() {
      closed = true;
      listeners.delete(onWake);
      if (retry) clearTimeout(retry);
      await ready;
      const c = client;
      client = null;
      if (c) await c.end().catch(() => {});
    },
  };
}
