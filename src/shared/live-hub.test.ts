import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/database.js';
import { reopenTestStore, testStores } from '../../test/helpers/store.js';
import { closeLiveHub, liveChannel, liveListening } from './live-hub.js';
import { announce, subscribeInbox } from '../modules/inbox/live.js';
import { announceChanged, subscribe } from '../modules/notifications/live.js';

const news = liveChannel('test_news');
const other = liveChannel('test_other');

/** What a listener heard, one array of values per announcement. */
// A NOTIFY goes through PostgreSQL: on a busy machine it can take longer than expect.poll's default second.
const SLOW = { timeout: 15_000 };

function ear() {
  const heard: string[][] = [];
  return { heard, listener: (values: string[]) => void heard.push(values) };
}

describe.each(testStores())('the live hub on $name', ({ name, open }) => {
  const opened: Store[] = [];
  const openStore = async () => {
    const store = await open();
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of opened.splice(0).reverse()) {
      await closeLiveHub(store);
      await store.destroy();
    }
  });

  it('tells the listeners of a key its values, and no one else', async () => {
    const store = await openStore();
    const [a, b, elsewhere] = [ear(), ear(), ear()];
    const stopA = news.subscribe(store, 'w1', a.listener, () => {});
    news.subscribe(store, 'w2', b.listener, () => {});
    other.subscribe(store, 'w1', elsewhere.listener, () => {});
    await liveListening(store);

    await news.announce(store, store.db, ['w1'], ['i1', 'i2', 'i1']);
    await expect.poll(() => a.heard, SLOW).toEqual([['i1', 'i2']]);
    stopA();
    await news.announce(store, store.db, ['w1', 'w2'], []);
    await expect.poll(() => b.heard, SLOW).toEqual([[]]);
    expect(a.heard).toEqual([['i1', 'i2']]);
    expect(elsewhere.heard).toEqual([]);
  });

  it('carries the inbox and the notifications apart, both through it', async () => {
    const store = await openStore();
    const workspaceId = randomUUID();
    const userId = workspaceId; // the same id on both channels: neither hears the other's news
    const items = ear();
    let changes = 0;
    subscribeInbox(store, workspaceId, items.listener, () => {});
    subscribe(store, userId, () => void changes++, () => {});
    await liveListening(store);

    await announce(store, workspaceId, ['item-1']);
    await expect.poll(() => items.heard, SLOW).toEqual([['item-1']]);
    await announceChanged(store, store.db, [userId]);
    await expect.poll(() => changes, SLOW).toBe(1);
    expect(items.heard).toEqual([['item-1']]);
  });

  it('ends the streams when it closes, and a stream opened afterwards ends at once', async () => {
    const store = await openStore();
    const ended: string[] = [];
    news.subscribe(store, 'w1', () => {}, () => ended.push('first'));
    other.subscribe(store, 'w1', () => {}, () => ended.push('second'));
    await closeLiveHub(store);
    expect(ended).toEqual(['first', 'second']);
    news.subscribe(store, 'w1', () => {}, () => ended.push('late'));
    expect(ended).toEqual(['first', 'second', 'late']);
  });

  it.runIf(name === 'postgres')('hears another process only once its transaction commits', async () => {
    const store = await openStore();
    const writer = reopenTestStore(store);
    try {
      const a = ear();
      news.subscribe(store, 'w1', a.listener, () => {});
      await liveListening(store);
      await writer.db.transaction().execute(async (trx) => {
        await news.announce(writer, trx, ['w1'], ['i1']);
        await new Promise((r) => setTimeout(r, 200));
        expect(a.heard).toEqual([]);
      });
      await expect.poll(() => a.heard, SLOW).toEqual([['i1']]);
    } finally {
      await writer.destroy();
    }
  });

  it.runIf(name === 'postgres')('delivers an announcement larger than one NOTIFY holds, whole', async () => {
    const store = await openStore();
    const writer = reopenTestStore(store);
    try {
      const keys = Array.from({ length: 250 }, () => randomUUID());
      const values = Array.from({ length: 400 }, () => randomUUID());
      const heard = new Map<string, Set<string>>();
      for (const key of keys) news.subscribe(store, key, (v) => v.forEach((x) => heard.set(key, (heard.get(key) ?? new Set()).add(x))), () => {});
      await liveListening(store);
      await news.announce(writer, writer.db, keys, values);
      await expect.poll(() => keys.every((k) => heard.get(k)?.size === values.length), SLOW).toBe(true);
    } finally {
      await writer.destroy();
    }
  });

  it.runIf(name === 'postgres')('listens again after its connection is cut, on every channel', async () => {
    const store = await openStore();
    const writer = reopenTestStore(store);
    try {
      const [a, b] = [ear(), ear()];
      news.subscribe(store, 'w1', a.listener, () => {});
      other.subscribe(store, 'w1', b.listener, () => {});
      await liveListening(store);
      const cut = await sql<{ pid: number }>`
        select pg_terminate_backend(pid) as pid from pg_stat_activity where query ilike ${`listen %${store.schema}%`}`.execute(writer.db);
      expect(cut.rows).toHaveLength(1);
      // Announced again until heard: the hub is back once both channels are.
      await expect
        .poll(async () => {
          await news.announce(writer, writer.db, ['w1'], ['after']);
          await other.announce(writer, writer.db, ['w1'], ['after']);
          return a.heard.some((v) => v[0] === 'after') && b.heard.some((v) => v[0] === 'after');
        })
        .toBe(true);
    } finally {
      await writer.destroy();
    }
  });
});
