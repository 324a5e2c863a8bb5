import type { Client } from 'pg';
import { sql, type Kysely } from 'kysely';
import type { Store } from '../store/database.js';
import { pg } from '../store/pg.js';
import type { Database } from '../store/schema.js';

/**
 * Tells open streams (notifications, the inbox) that something they show changed. A channel is a kind of news;
 * listeners subscribe to a key on it (a person, a workspace) and receive the values announced with it (item ids).
 * In one process an announcement is a call; across PostgreSQL processes (a worker storing items, an api process
 * holding the stream) it is NOTIFY on one listening connection per store, which a transaction delivers only once it
 * commits, so the stream never reads rows from before the change. The connection comes back by itself when lost.
 */
export type LiveListener = (values: string[]) => void;

export interface LiveChannel {
  readonly name: string;
  /** Tells the listeners of every key the values (none is fine). Inside a transaction, heard once it commits. */
  announce(store: Store, db: Kysely<Database>, keys: readonly string[], values?: readonly string[]): Promise<void>;
  /** Calls `listener` on each announcement for `key` until the returned function is called; `onClose` when the hub shuts down. */
  subscribe(store: Store, key: string, listener: LiveListener, onClose: () => void): () => void;
}

interface Hub {
  /** By channel, then key. */
  listeners: Map<string, Map<string, Set<LiveListener>>>;
  /** Channels this process wants to hear on PostgreSQL. */
  wanted: Set<string>;
  closers: Set<() => void>;
  client: Client | null;
  /** Channels the current client listens to. */
  heard: Set<string>;
  listening: Promise<void> | null;
  closed: boolean;
}

const hubs = new WeakMap<object, Hub>();
/** Per channel, what every delivery also does in this process (the inbox's cached counts go stale). */
const observers = new Map<string, (key: string, values: string[]) => void>();

function hubOf(store: Store): Hub {
  let hub = hubs.get(store.db);
  if (!hub) {
    hub = { listeners: new Map(), wanted: new Set(), closers: new Set(), client: null, heard: new Set(), listening: null, closed: false };
    hubs.set(store.db, hub);
  }
  return hub;
}

/** NOTIFY is per database: the channel names the schema, so that installs (and test files) sharing one stay apart. */
const pgChannel = (store: Store, name: string) => `ruche_${name}.${store.schema ?? 'public'}`;

// A NOTIFY payload is limited to 8000 bytes: keys and values each go in groups well under half of it.
const GROUP_BYTES = 3_500;
const RELISTEN_MS = 1_000;

function groups(list: readonly string[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const s of list) {
    if (current.length > 0 && bytes + s.length + 1 > GROUP_BYTES) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(s);
    bytes += s.length + 1;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function deliver(hub: Hub, channel: string, keys: readonly string[], values: string[]) {
  const observe = observers.get(channel);
  const byKey = hub.listeners.get(channel);
  for (const key of keys) {
    observe?.(key, values);
    for (const listener of byKey?.get(key) ?? []) listener(values);
  }
}

const SEPARATORS = /[,|]/;

/** A channel of the live hub. `onDeliver` runs for every key announced, whether or not a stream listens here. */
export function liveChannel(name: string, options: { onDeliver?: (key: string, values: string[]) => void } = {}): LiveChannel {
  if (options.onDeliver) observers.set(name, options.onDeliver);
  return {
    name,
    async announce(store, db, keys, values = []) {
      const uniqueKeys = [...new Set(keys)];
      if (uniqueKeys.length === 0) return;
      const uniqueValues = [...new Set(values)];
      if ([...uniqueKeys, ...uniqueValues].some((s) => SEPARATORS.test(s))) throw new Error('live keys and values are ids: no comma or bar');
      if (store.dialect !== 'postgres') {
        // On SQLite a reader waits for the writer's transaction to end, so telling at once is safe.
        deliver(hubOf(store), name, uniqueKeys, uniqueValues);
        return;
      }
      const valueGroups = uniqueValues.length > 0 ? groups(uniqueValues) : [[]];
      for (const k of groups(uniqueKeys)) {
        for (const v of valueGroups) await sql`select pg_notify(${pgChannel(store, name)}, ${`${k.join(',')}|${v.join(',')}`})`.execute(db);
      }
    },
    subscribe(store, key, listener, onClose) {
      const hub = hubOf(store);
      if (hub.closed) {
        onClose();
        return () => {};
      }
      let byKey = hub.listeners.get(name);
      if (!byKey) hub.listeners.set(name, (byKey = new Map()));
      let set = byKey.get(key);
      if (!set) byKey.set(key, (set = new Set()));
      set.add(listener);
      hub.closers.add(onClose);
      if (store.dialect === 'postgres') hear(store, hub, name);
      return () => {
        set.delete(listener);
        if (set.size === 0) byKey.delete(key);
        hub.closers.delete(onClose);
      };
    },
  };
}

/**
 * Starts hearing `name` on PostgreSQL: connects the first time, adds LISTEN on a connection there is, and leaves it
 * to the reconnect under way otherwise (which listens to every wanted channel).
 */
function hear(store: Store, hub: Hub, name: string) {
  if (hub.wanted.has(name) && hub.listening) return;
  hub.wanted.add(name);
  const client = hub.client;
  if (client) hub.listening = (hub.listening ?? Promise.resolve()).then(() => listenAll(store, hub, client)).catch(() => {});
  else hub.listening ??= connect(store, hub);
}

async function listenAll(store: Store, hub: Hub, client: Client) {
  for (const name of hub.wanted) {
    if (hub.client !== client || hub.heard.has(name)) continue;
    hub.heard.add(name);
    await client.query(`listen ${client.escapeIdentifier(pgChannel(store, name))}`);
  }
}

async function connect(store: Store, hub: Hub): Promise<void> {
  const client = new (pg().Client)({ ...store.pool!.options });
  hub.client = client;
  hub.heard = new Set();
  client.on('notification', (msg) => {
    const name = [...hub.wanted].find((n) => pgChannel(store, n) === msg.channel);
    const payload = msg.payload ?? '';
    const bar = payload.indexOf('|');
    if (!name || bar < 0) return;
    const values = payload.slice(bar + 1);
    deliver(hub, name, payload.slice(0, bar).split(','), values === '' ? [] : values.split(','));
  });
  const retry = () => {
    if (hub.client !== client) return;
    hub.client = null;
    client.end().catch(() => {});
    // Streams re-read on a timer anyway; listening again only makes them prompt once more.
    hub.listening = hub.closed
      ? null
      : new Promise((r) => setTimeout(r, RELISTEN_MS).unref()).then(() => (hub.closed ? undefined : connect(store, hub)));
  };
  client.on('error', retry);
  client.on('end', retry);
  try {
    await client.connect();
    await listenAll(store, hub, client);
    if (hub.closed) await client.end();
  } catch {
    retry();
  }
}

/**
 * Resolves once this process hears every channel it subscribed to (PostgreSQL), so that nothing announced after is
 * missed; or after `maxWaitMs` when the database cannot be reached (the streams' own timers cover that).
 */
export async function liveListening(store: Store, maxWaitMs = Infinity): Promise<void> {
  const hub = hubOf(store);
  let timer: NodeJS.Timeout | undefined;
  let expired = false;
  const giveUp = new Promise<void>((resolve) => {
    if (Number.isFinite(maxWaitMs)) timer = setTimeout(() => ((expired = true), resolve()), maxWaitMs).unref();
  });
  try {
    // A channel added while connecting, or a reconnect, replaces the promise: wait until it stops changing.
    for (let seen = hub.listening; ; seen = hub.listening) {
      await Promise.race([seen, giveUp]);
      // A connection being re-made (none now) is not waited for: the database is away.
      if (expired || hub.listening === seen || !hub.client) return;
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Ends every open stream of the store and stops listening: the HTTP server can then close. */
export async function closeLiveHub(store: Store): Promise<void> {
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
