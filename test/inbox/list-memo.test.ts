/**
 * Inbox pages given again from memory while the database has not changed, on each database: a page asked twice
 * is read once, and a change made anywhere (through the app, or by another connection as a worker process would)
 * is in the very next page, and in the counts beside it. Compressed answers are the same page.
 */
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryCounter } from '../helpers/query-counter.js';
import { openStore, type Store } from '../../src/store/database.js';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { connectLocalAccount } from '../helpers/publishing.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { rememberedPage } from '../../src/modules/inbox/list-memo.js';
import { listItems } from '../../src/modules/inbox/list.js';
import { inboxPath, seedItem } from './seed.js';

describe.each(databases)('inbox pages remembered on %s', (kind) => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let userId: string;
  let other: Store;
  const ids: string[] = [];
  const queries = queryCounter();

  beforeAll(async () => {
    ruche = await startTestRuche(kind, {}, { connectors: network.factory() });
    ({ client: owner, workspaceId: ws, userId } = await setupOwner(ruche.url));
    const account = await connectLocalAccount(ruche, ws, userId, 'brand');
    for (const [i, text] of ['Where is my order?', 'Lovely service, thanks', 'Still waiting for a refund'].entries()) {
      ids.push((await seedItem(ruche, ws, { accountId: account, text, createdAt: Date.UTC(2026, 10, 1, 9, i) })).id);
    }
    // Another connection to the same database, as a worker in another process has.
    const { store } = ruche.ctx;
    other = store.dialect === 'sqlite'
      ? openStore({ kind: 'sqlite', file: store.file! })
      : openStore({ kind: 'postgres', url: process.env.TEST_DATABASE_URL!, schema: store.schema });
  });
  afterAll(async () => {
    await other?.destroy();
    await ruche?.stop();
  });

  const openIds = async () => {
    const res = await owner.request('GET', inboxPath(ws, '/items?status=open&limit=50'));
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ id: string }>).map((i) => i.id).sort();
  };

  it('gives a page asked again without reading it again, the same page as the list itself', async () => {
    const scope = { store: { ...ruche.ctx.store, db: ruche.ctx.store.db.withPlugin(queries.plugin) }, workspaceId: ws, userId };
    const opts = { limit: 50, sort: 'newest' as const };
    queries.count = 0;
    const first = await rememberedPage(scope, opts, 'owner', 1 << 20);
    const reading = queries.count;
    expect(reading).toBeGreaterThan(0);
    const again = await rememberedPage(scope, opts, 'owner', 1 << 20);
    // The plugin counts the queries built and run; the stamp is written as SQL once and passes beside it.
    expect(queries.count).toBe(reading);
    expect(again.json).toBe(first.json);
    expect(JSON.parse(first.json)).toEqual(JSON.parse((await listItems({ ...scope, store: ruche.ctx.store }, opts)).text));
    // Requests arriving together are answered by one reading.
    queries.count = 0;
    await ruche.ctx.store.db.updateTable('inbox_items').set({ risk: 0.5 }).where('id', '=', ids[0]!).execute();
    const together = await Promise.all(Array.from({ length: 6 }, () => rememberedPage(scope, opts, 'owner', 1 << 20)));
    expect(new Set(together.map((a) => a.json)).size).toBe(1);
    expect(queries.count).toBeLessThan(6 + reading);
  });

  it('reads every time when no memory is given to it', async () => {
    const scope = { store: { ...ruche.ctx.store, db: ruche.ctx.store.db.withPlugin(queries.plugin) }, workspaceId: ws, userId };
    queries.count = 0;
    await rememberedPage(scope, { limit: 50, sort: 'newest' }, 'owner', 0);
    const once = queries.count;
    await rememberedPage(scope, { limit: 50, sort: 'newest' }, 'owner', 0);
    expect(queries.count).toBe(2 * once);
  });

  it('shows a change made through the app in the next page', async () => {
    expect(await openIds()).toEqual([...ids].sort());
    expect(await openIds()).toEqual([...ids].sort());
    const res = await owner.request('PATCH', inboxPath(ws, `/items/${ids[0]}`), { status: 'done' });
    expect(res.status).toBe(200);
    expect(await openIds()).toEqual([ids[1]!, ids[2]!].sort());
  });

  it('shows a change made by another connection in the next page', async () => {
    const before = await openIds();
    expect(before).toContain(ids[1]);
    const openCount = async () => (await owner.request('GET', inboxPath(ws, '/counts?status=open'))).body.total as number;
    expect(await openCount()).toBe(before.length);
    await other.db.updateTable('inbox_items').set({ status: 'done' }).where('id', '=', ids[1]!).execute();
    expect(await openIds()).toEqual(before.filter((id) => id !== ids[1]));
    // The counts beside the list are as new.
    expect(await openCount()).toBe(before.length - 1);
    await other.db.updateTable('inbox_items').set({ text: 'Edited elsewhere' }).where('id', '=', ids[2]!).execute();
    const page = await owner.request('GET', inboxPath(ws, '/items?status=open&limit=50'));
    expect(page.body.items.find((i: { id: string }) => i.id === ids[2]).text).toBe('Edited elsewhere');
  });

  it('gives the same page compressed, as the client asks', async () => {
    // Enough items for the page to be worth compressing.
    const account = (await ruche.ctx.store.db.selectFrom('social_accounts').select('id').where('workspace_id', '=', ws).executeTakeFirstOrThrow()).id;
    for (let i = 0; i < 12; i++) await seedItem(ruche, ws, { accountId: account, text: `Question number ${i} about delivery times`, createdAt: Date.UTC(2026, 10, 2, 9, i) });
    const url = `${ruche.url}${inboxPath(ws, '/items?limit=50')}`;
    const plain = await owner.request('GET', inboxPath(ws, '/items?limit=50'));
    for (const encoding of ['gzip', 'br'] as const) {
      for (let twice = 0; twice < 2; twice++) {
        const res = await rawGet(owner, url, encoding);
        expect(res.encoding).toBe(encoding);
        const text = (encoding === 'gzip' ? zlib.gunzipSync(res.body) : zlib.brotliDecompressSync(res.body)).toString('utf8');
        expect(JSON.parse(text)).toEqual(plain.body);
        expect(res.vary).toMatch(/accept-encoding/i);
        expect(res.cacheControl).toBe('no-store');
      }
    }
  });
});

/** A GET whose body is kept as it came (fetch would decompress it). */
async function rawGet(client: TestClient, url: string, encoding: string) {
  const { request } = await import('undici');
  const cookie = (client as unknown as { cookies: Map<string, string> }).cookies;
  const res = await request(url, { headers: { 'accept-encoding': encoding, cookie: [...cookie].map(([k, v]) => `${k}=${v}`).join('; ') } });
  const body = Buffer.from(await res.body.arrayBuffer());
  expect(res.statusCode).toBe(200);
  return { body, encoding: res.headers['content-encoding'], vary: String(res.headers.vary ?? ''), cacheControl: res.headers['cache-control'] };
}
