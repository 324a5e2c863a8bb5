import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import type { Store } from '../../store/database.js';
import type { Database } from '../../store/schema.js';

type Listener = () => void;

/**
 * Tells open notification streams that someone's notifications changed. In one process it is a call; across
 * PostgreSQL processes (a worker that failed a post, an api process with the stream) it is NOTIFY, which a
 * transaction delivers only when it commits, so the stream never reads a count from before the change.
 */
interface Hub {
  listeners: Map<string, Set<Listener>>;
  closers: Set<() => void>;
  client: pg.Client | null;
  listening: Promise<void> | null;
  closed: boolean;
}

const hubs = new WeakMap<object, Hub>();

function hubOf(store: Store): Hub {
  let hub = hubs.get(store.db);
  if (!hub) hubs.set(store.db, (hub = { listeners: new Map(), closers: new Set(), client: null, listening: null, closed: false }));
  return hub;
}

/** NOTIFY is per database: the channel names the schema, so that installs (and test files) sharing one stay apart. */
const channelOf = (store: Store) => `ruche_notifications.${store.schema ?? 'public'}`;

// NOTIFY payloads are limited to 8000 bytes: user ids go in batches well under it.
const PER_MESSAGE = 100;

export async function announceChanged(store: Store, db: Kysely<Database>, userIds: readonly string[]): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  if (store.dialect !== 'postgres') {
    // On SQLite a reader waits for the writer's transaction to end, so telling at once is safe.
    deliver(hubOf(store), unique);
    return;
  }
  for (let i = 0; i < unique.length; i += PER_MESSAGE) {
    await sql`select pg_notify(${channelOf(store)}, ${unique.slice(i, i + PER_MESSAGE).join(',')})`.execute(db);
  }
}

function deliver(hub: Hub, userIds: readonly string[]) {
  for (const id of userIds) for (const listener of hub.listeners.get(id) ?? []) listener();
}

/**
 * Calls `onChange` whenever the user's notifications change, until the returned function is called.
 * `onClose` is called if the hub shuts down (the server stopping) so the stream can end.
 */
export function subscribe(store: Store, userId: string, onChange: Listener, onClose: () => void): () => void {
  const hub = hubOf(store);
  if (hub.closed) {
    onClose();
    return () => {};
  }
  let set = hub.listeners.get(userId);
  if (!set) hub.listeners.set(userId, (set = new Set()));
  set.add(onChange);
  hub.closers.add(onClose);
  if (store.dialect === 'postgres') hub.listening ??= listen(store, hub);
  return () => {
    set.delete(onChange);
    if (set.size === 0) hub.listeners.delete(userId);
    hub.closers.delete(onClose);
  };
}

async function listen(store: Store, hub: Hub): Promise<void> {
  const client = new pg.Client({ ...store.pool!.options });
  hub.client = client;
  client.on('notification', (msg) => deliver(hub, (msg.payload ?? '').split(',')));
  const retry = () => {
    if (hub.client !== client) return;
    hub.client = null;
    client.end().catch(() => {});
    // Streams re-read their count on a timer anyway; listening again only makes them prompt.
    hub.listening = hub.closed ? null : new Promise((r) => setTimeout(r, 1000).unref()).then(() => (hub.closed ? undefined : listen(store, hub)));
  };
  client.on('error', retry);
  client.on('end', retry);
  try {
    await client.connect();
    await client.query(`listen ${client.escapeIdentifier(channelOf(store))}`);
    if (hub.closed) await client.end();
  } catch {
    retry();
  }
}

/** Ends every open stream and stops listening: the HTTP server can then close. */
export async function closeLive(store: Store): Promise<void> {
  const hub = hubs.get(store.db);
  if (!hub) return;
  hub.closed = true;
  for (const close of [...hub.closers]) close();
  hub.closers.clear();
  hub.listeners.clear();
  await hub.listening?.catch(() => {});
  const client = hub.client;
  hub.client = null;
  if (client) await client.end().catch(() => {});
}
