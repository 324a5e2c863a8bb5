/**
 * Listening's network streams on each database, against a Jetstream stand-in on 127.0.0.1 (private networks allowed
 * for the test): a `bluesky_jetstream` source added through the API is streamed by the live service, matching posts
 * are stored with the source's cursor saved, and two workspaces following the same endpoint share one connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../../helpers/ruche.js';
import { setupOwner, type TestClient } from '../../helpers/client.js';
import { waitFor } from '../../inbound/helpers.js';
import { FakeJetstream } from '../../connectors/bluesky-network-stream/fake-jetstream.js';
import { createListeningLive, type ListeningLive } from '../../../src/modules/listening/stream-service.js';
import { addTopic, listeningPath, mentionsOf, newWorkspace } from './setup.js';

describe.each(databases)('listening streams on %s', (kind) => {
  let ruche: TestRuche;
  let owner: TestClient;
  let jetstream: FakeJetstream;
  let live: ListeningLive;

  beforeAll(async () => {
    jetstream = await FakeJetstream.start();
    // The api role alone: the live service under test is the only one holding streams.
    ruche = await startTestRuche(kind, { ALLOW_PRIVATE_NETWORKS: '1', ROLES: 'api' });
    ({ client: owner } = await setupOwner(ruche.url));
    live = createListeningLive(ruche.ctx, { refreshMs: 200 });
    await live.start();
  });
  afterAll(async () => {
    await live?.stop();
    await ruche?.stop();
    await jetstream?.close();
  });

  it('stores matching posts of a Jetstream for every workspace that follows it, over one connection, with each cursor saved', async () => {
    const [a, b] = [await newWorkspace(owner), await newWorkspace(owner)];
    await addTopic(owner, a, { name: 'Acme', query: 'acme' });
    await addTopic(owner, b, { name: 'Kettles', query: 'kettle' });
    const sa = (await owner.post(listeningPath(a, '/sources'), { kind: 'bluesky_jetstream', url: jetstream.url })).body;
    const sb = (await owner.post(listeningPath(b, '/sources'), { kind: 'bluesky_jetstream', url: jetstream.url })).body;
    expect([sa.id, sb.id].every(Boolean)).toBe(true);
    await waitFor('the stream to be live', async () => (await owner.get(listeningPath(a, '/sources'))).body.items[0].health === 'live');

    const createdAt = new Date().toISOString();
    jetstream.post('did:plc:fan1', '3kacme1', { $type: 'app.bsky.feed.post', text: 'Acme shipped my kettle in a day', createdAt, langs: ['en'] });
    jetstream.post('did:plc:fan2', '3kother', { $type: 'app.bsky.feed.post', text: 'Nothing to do with anyone', createdAt, langs: ['en'] });
    const last = jetstream.post('did:plc:fan3', '3kacme2', { $type: 'app.bsky.feed.post', text: 'Is Acme open on Sundays?', createdAt, langs: ['en'] });

    const inA = await waitFor('mentions in the first workspace', async () => {
      const rows = await mentionsOf(ruche, a);
      return rows.length === 2 ? rows : null;
    });
    expect(inA.map((r) => r.uri).sort()).toEqual(['at://did:plc:fan1/app.bsky.feed.post/3kacme1', 'at://did:plc:fan3/app.bsky.feed.post/3kacme2']);
    expect(inA.every((r) => r.network === 'bluesky' && r.source_id === sa.id)).toBe(true);
    const inB = await waitFor('mentions in the second workspace', async () => {
      const rows = await mentionsOf(ruche, b);
      return rows.length === 1 ? rows : null;
    });
    expect(inB.map((r) => [r.uri, r.source_id])).toEqual([['at://did:plc:fan1/app.bsky.feed.post/3kacme1', sb.id]]);

    const cursors = await waitFor('the cursors', async () => {
      const rows = await ruche.ctx.store.db.selectFrom('listening_sources').select(['id', 'cursor']).where('id', 'in', [sa.id, sb.id]).execute();
      return rows.every((r) => r.cursor !== null && Number(r.cursor) >= last) ? rows : null;
    });
    expect(cursors).toHaveLength(2);
    expect(jetstream.connections).toHaveLength(1);
    expect(live.streaming()).toHaveLength(1);
    expect((await owner.get(listeningPath(a, '/sources'))).body.items[0]).toMatchObject({ health: 'live', mentionCount: 2 });

    // Paused everywhere: the stream ends; resumed: it starts again from the cursor saved.
    await owner.patch(listeningPath(a, `/sources/${sa.id}`), { status: 'paused' });
    await owner.patch(listeningPath(b, `/sources/${sb.id}`), { status: 'paused' });
    await waitFor('the stream to end', async () => live.streaming().length === 0);
    await owner.patch(listeningPath(a, `/sources/${sa.id}`), { status: 'active' });
    await waitFor('a second connection', async () => jetstream.connections.length === 2);
    expect(jetstream.connections[1].cursor).not.toBeNull();
    expect(jetstream.connections[1].cursor!).toBeLessThanOrEqual(last);
  });
  it('stopped mid-way and started again, stores every post once: the cursor saved is never ahead of what is stored', async () => {
    const js = await FakeJetstream.start();
    try {
      const ws = await newWorkspace(owner);
      await addTopic(owner, ws, { name: 'Brewmaster', query: 'brewmaster' });
      const src = (await owner.post(listeningPath(ws, '/sources'), { kind: 'bluesky_jetstream', url: js.url })).body;
      await waitFor('the stream to be live', async () => js.connections.length === 1 && (await owner.get(listeningPath(ws, '/sources'))).body.items[0].health === 'live');

      // Many batches (500 posts each), so that the stream stops with one being stored and the next read ahead.
      const total = 5000;
      const createdAt = new Date().toISOString();
      const timeOf = new Map<string, number>();
      for (let i = 0; i < total; i++) {
        const rkey = `3kbrew${String(i).padStart(5, '0')}`;
        timeOf.set(`at://did:plc:brewer${i % 50}/app.bsky.feed.post/${rkey}`, js.post(`did:plc:brewer${i % 50}`, rkey, { $type: 'app.bsky.feed.post', text: `Brewmaster kettle number ${i} whistles`, createdAt, langs: ['en'] }));
      }
      const count = async () => Number((await ruche.ctx.store.db.selectFrom('listening_mentions').select((eb) => eb.fn.countAll().as('n')).where('workspace_id', '=', ws).executeTakeFirstOrThrow()).n);
      await waitFor('the first batches to be stored', async () => (await count()) > 0, 2000);
      await live.stop();

      const cursor = Number((await ruche.ctx.store.db.selectFrom('listening_sources').select('cursor').where('id', '=', src.id).executeTakeFirstOrThrow()).cursor);
      const storedAtStop = new Set((await mentionsOf(ruche, ws)).map((r) => r.uri));
      expect(storedAtStop.size).toBeLessThan(total);
      // No gap: every post at or before the cursor saved is stored; nothing after the last one stored moved it.
      const missed = [...timeOf].filter(([uri, at]) => at <= cursor && !storedAtStop.has(uri));
      expect(missed).toEqual([]);

      live = createListeningLive(ruche.ctx, { refreshMs: 200 });
      await live.start();
      await waitFor('every post to be stored', async () => (await count()) === total, 2000);
      expect(js.connections[1]!.cursor).toBeLessThanOrEqual(cursor);
      const rows = await mentionsOf(ruche, ws);
      expect(new Set(rows.map((r) => r.uri))).toEqual(new Set(timeOf.keys()));
      // No duplicate: each post counted once, by its source and by the radar's minutes.
      const source = (await owner.get(listeningPath(ws, '/sources'))).body.items[0];
      expect(source.mentionCount).toBe(total);
      const minutes = await ruche.ctx.store.db.selectFrom('listening_topic_minutes as m').innerJoin('listening_topics as t', 't.id', 'm.topic_id')
        .select((eb) => eb.fn.sum<number>('m.total').as('n')).where('t.workspace_id', '=', ws).executeTakeFirstOrThrow();
      expect(Number(minutes.n)).toBe(total);
    } finally {
      await js.close();
    }
  }, 240_000);
});
