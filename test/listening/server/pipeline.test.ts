/**
 * The listening pipeline on each database: what matches a topic is stored once whoever brings it, what matches none
 * is dropped, copies join their first mention's group, hostile posts are set aside without stopping the batch, the
 * radar's per-minute counts and the inbox's authors follow, and the source's cursor moves only with its mentions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databases, startTestRuche, type TestRuche } from '../../helpers/ruche.js';
import { setupOwner, type TestClient } from '../../helpers/client.js';
import { ingestPosts } from '../../../src/modules/listening/ingest.js';
import { versionOf } from '../../../src/modules/analytics/rollups/version.js';
import type { ListeningPost } from '../../../src/modules/listening/types.js';
import { waitFor } from '../../inbound/helpers.js';
import { addTopic, blueskyPost, listeningPath, mentionsOf, newWorkspace } from './setup.js';

describe.each(databases)('listening pipeline on %s', (kind) => {
  let ruche: TestRuche;
  let owner: TestClient;

  beforeAll(async () => {
    ruche = await startTestRuche(kind);
    ({ client: owner } = await setupOwner(ruche.url));
  });
  afterAll(() => ruche?.stop());

  const source = async (ws: string, url: string) => {
    const res = await owner.post(listeningPath(ws, '/sources'), { kind: 'feed', url });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('stores a matching post once, whether it comes twice in a batch, in two batches or from two sources, and drops the rest', async () => {
    const ws = await newWorkspace(owner);
    const topic = await addTopic(owner, ws, { name: 'Acme', query: 'acme' });
    const [a, b] = [await source(ws, 'https://a.example/feed'), await source(ws, 'https://b.example/feed')];
    const first = blueskyPost('Acme coffee is lovely this morning', { n: 'same' });
    const r1 = await ingestPosts(ruche.ctx, { workspaceId: ws, sourceId: a }, [first, first, blueskyPost('Nothing to see here')]);
    expect(r1).toMatchObject({ received: 3, matched: 1, setAside: [] });
    expect(r1.stored).toHaveLength(1);
    const r2 = await ingestPosts(ruche.ctx, { workspaceId: ws, sourceId: a }, [first]);
    const r3 = await ingestPosts(ruche.ctx, { workspaceId: ws, sourceId: b }, [{ ...first, text: 'Acme coffee, as another relay carries it' }]);
    expect(r2.stored).toEqual([]);
    expect(r3.stored).toEqual([]);
    const rows = await mentionsOf(ruche, ws);
    expect(rows.map((r) => [r.uri, r.text, r.source_id])).toEqual([[first.uri, first.text, a]]);
    const links = await ruche.ctx.store.db.selectFrom('listening_mention_topics').select(['topic_id', 'mention_id']).where('workspace_id', '=', ws).execute();
    expect(links).toEqual([{ topic_id: topic.id, mention_id: rows[0].id }]);
    const sources = (await owner.get(listeningPath(ws, '/sources'))).body.items;
    expect(Object.fromEntries(sources.map((s: { id: string; mentionCount: number }) => [s.id, s.mentionCount]))).toEqual({ [a]: 1, [b]: 0 });
  });

  it('moves the workspace\'s analytics version on with each batch that stores mentions, not with one that stores none', async () => {
    const ws = await newWorkspace(owner);
    await addTopic(owner, ws, { name: 'Acme', query: 'acme' });
    const post = blueskyPost('Acme opens on Sundays now', { n: `${ws}-version` });
    const before = await versionOf(ruche.ctx.store.db, ws);
    await ingestPosts(ruche.ctx, { workspaceId: ws, sourceId: null }, [post]);
    const after = await versionOf(ruche.ctx.store.db, ws);
    expect(after).toBeGreaterThan(before);
    await ingestPosts(ruche.ctx, { workspaceId: ws, sourceId: null }, [post, blueskyPost('Nothing to see here')]);
    expect(await versionOf(ruche.ctx.store.db, ws)).toBe(after);
  });

  it('groups copies and reposts with the first mention, which counts them', async () => {
    const ws = await newWorkspace(owner);
    await addTopic(owner, ws, { name: 'Acme', query: 'acme' });
    const text = 'The new Acme blender broke after two days of use, do not buy it, seriously folks';
    const head = blueskyPost(text, { n: 'head' });
    await ingestPosts(ruche.ctx, { workspaceId: ws, sourceId: null }, [head]);
    await ingestPosts(ruche.ctx, { workspaceId: ws, sourceId: null }, [
      blueskyPost(text, { n: 'copy', author: { id: 'did:plc:other', handle: 'other.test', displayName: null, followers: 3 } }),
      blueskyPost(`${text}!!`, { n: 'near' }),
      blueskyPost('Acme', { n: 'repost', repostOf: head.uri }),
      blueskyPost('Acme makes good kettles, I have had mine for ten years and counting', { n: 'other' }),
    ]);
    const byUri = new Map((await mentionsOf(ruche, ws)).map((r) => [r.uri.split('/').pop(), r]));
    const headId = byUri.get('head')!.id;
    expect(byUri.get('head')).toMatchObject({ cluster_id: null, copies: 3 });
    for (const n of ['copy', 'near', 'repost']) expect(byUri.get(n)).toMatchObject({ cluster_id: headId, copies: 0 });
    expect(byUri.get('other')).toMatchObject({ cluster_id: null, copies: 0 });
    const listed = (await owner.get(listeningPath(ws, `/mentions?q=${encodeURIComponent('do not buy')}`))).body.items;
    expect(listed.find((m: { id: string }) => m.id === headId)).toMatchObject({ copies: 3, clusterId: null });
  });

  // SQLite has one writer at a time: a copy cannot be stored while its head waits in another open transaction.
  it.skipIf(kind === 'sqlite')('counts a copy stored while its group\'s first mention waits in another open transaction', async () => {
    const ws = await newWorkspace(owner);
    await addTopic(owner, ws, { name: 'Acme', query: 'acme' });
    const { db } = ruche.ctx.store;
    const target = { workspaceId: ws, sourceId: null };
    await ingestPosts(ruche.ctx, target, [blueskyPost('Acme is fine today', { n: 'open-earlier' })]);
    const text = 'Acme lost my parcel twice this month and support keeps closing the ticket without a word';
    const head = blueskyPost(text, { n: 'open-head' });
    // Another author on another day: nothing the copy's batch writes (authors, per-minute and per-day counts) waits for the head's.
    const copy = blueskyPost(`${text}!`, { n: 'open-copy', at: Date.now() - 3 * 86_400_000, author: { id: 'did:plc:copier', handle: 'copier.test', displayName: null, followers: 5 } });

    // The head's author is held by another transaction: the head's batch, once grouped, waits inside its transaction.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const holder = new Promise<string>((resolveXid, reject) => {
      db.transaction().execute(async (trx) => {
        await trx.selectFrom('inbox_authors').select('id').where('workspace_id', '=', ws).where('external_id', '=', 'did:plc:author').forUpdate().execute();
        resolveXid((await sql<{ x: string }>`select (txid_current() % 4294967296)::text as x`.execute(trx)).rows[0]!.x);
        await released;
      }).catch(reject);
    });
    const xid = await holder;
    const first = ingestPosts(ruche.ctx, target, [head]);
    await waitFor('the head\'s batch to wait for its author', async () =>
      (await sql<{ n: number }>`select count(*)::int as n from pg_locks where locktype = 'transactionid' and transactionid::text = ${xid} and not granted`.execute(db)).rows[0]!.n > 0);
    expect((await ingestPosts(ruche.ctx, target, [copy])).stored).toHaveLength(1);
    release();
    expect((await first).stored).toHaveLength(1);

    const byUri = new Map((await mentionsOf(ruche, ws)).map((r) => [r.uri.split('/').pop(), r]));
    expect(byUri.get('open-copy')!.cluster_id).toBe(byUri.get('open-head')!.id);
    expect(byUri.get('open-head')).toMatchObject({ cluster_id: null, copies: 1 });
  });

  it('sets hostile posts aside with their reason and stores the rest, within bounds', async () => {
    const ws = await newWorkspace(owner);
    await addTopic(owner, ws, { name: 'Acme', query: 'acme' });
    const good = blueskyPost('Acme support answered in five minutes', { n: 'good' });
    const hostile = [
      { ...blueskyPost('Acme without an address'), uri: undefined },
      { ...blueskyPost('Acme by nobody'), author: 'someone' },
      { ...blueskyPost('Acme elsewhere'), network: 'myspace' },
      { ...blueskyPost('x', { n: 'typed' }), text: 42, languages: 'en', hashtags: [{}], engagement: { likes: 'many' }, createdAt: { when: 'now' } },
      null,
    ] as unknown as ListeningPost[];
    const huge = blueskyPost(`Acme ${'a'.repeat(1024 * 1024)}`, { n: 'huge', title: 't'.repeat(100_000) } as Partial<ListeningPost>);
    const result = await ingestPosts(ruche.ctx, { workspaceId: ws, sourceId: null }, [...hostile, good, huge]);
    expect(result.received).toBe(7);
    expect(result.setAside.map((s) => s.reason)).toEqual(['post has no uri', 'post has no author', 'unknown network myspace', 'post is not an object']);
    const rows = await mentionsOf(ruche, ws);
    expect(rows.map((r) => r.uri.split('/').pop()).sort()).toEqual(['good', 'huge']);
    const stored = rows.find((r) => r.uri.endsWith('huge'))!;
    expect(stored.text.length).toBeLessThanOrEqual(10_000);
    expect(stored.title!.length).toBeLessThanOrEqual(500);
  });

  it('counts mentions per topic and minute, adding up over batches', async () => {
    const ws = await newWorkspace(owner);
    const acme = await addTopic(owner, ws, { name: 'Acme', query: 'acme' });
    const rival = await addTopic(owner, ws, { name: 'Rival', query: 'rival' });
    const minute = Math.floor(Date.now() / 60_000) - 10;
    const at = (m: number) => (minute + m) * 60_000 + 5_000;
    await ingestPosts(ruche.ctx, { workspaceId: ws, sourceId: null }, [
      blueskyPost('Acme is great', { at: at(0) }), blueskyPost('Acme and Rival compared', { at: at(0) }), blueskyPost('Rival only', { at: at(1) }),
    ]);
    await ingestPosts(ruche.ctx, { workspaceId: ws, sourceId: null }, [blueskyPost('Acme again', { at: at(0) }), blueskyPost('Acme later', { at: at(2) })]);
    const counts = await ruche.ctx.store.db.selectFrom('listening_topic_minutes').select(['topic_id', 'minute', 'total'])
      .where('topic_id', 'in', [acme.id, rival.id]).orderBy('topic_id').orderBy('minute').execute();
    const seen = counts.map((c) => [c.topic_id === acme.id ? 'acme' : 'rival', Number(c.minute) - minute, Number(c.total)]).sort();
    expect(seen).toEqual([['acme', 0, 3], ['acme', 2, 1], ['rival', 0, 1], ['rival', 1, 1]]);
    const topics = (await owner.get(listeningPath(ws, '/topics'))).body.items;
    expect(Object.fromEntries(topics.map((t: { name: string; mentions24h: number }) => [t.name, t.mentions24h]))).toEqual({ Acme: 4, Rival: 2 });
  });

  it('shares authors with the inbox: one row per person, refreshed by what the network says', async () => {
    const ws = await newWorkspace(owner);
    await addTopic(owner, ws, { name: 'Acme', query: 'acme' });
    const author = { id: 'did:plc:shared', handle: 'shared.test', displayName: 'Shared', followers: 50 };
    await ingestPosts(ruche.ctx, { workspaceId: ws, sourceId: null }, [blueskyPost('Acme one', { author })]);
    await ingestPosts(ruche.ctx, { workspaceId: ws, sourceId: null }, [blueskyPost('Acme two', { author: { ...author, handle: 'renamed.test', followers: 70 } })]);
    const authors = await ruche.ctx.store.db.selectFrom('inbox_authors').selectAll().where('workspace_id', '=', ws).execute();
    expect(authors.map((a) => [a.network, a.external_id, a.handle, Number(a.followers)])).toEqual([['bluesky', 'did:plc:shared', 'renamed.test', 70]]);
    const rows = await mentionsOf(ruche, ws);
    expect(rows.map((r) => r.author_id)).toEqual([authors[0].id, authors[0].id]);
    const listed = (await owner.get(listeningPath(ws, '/mentions'))).body.items;
    expect(listed.map((m: { author: { handle: string } }) => m.author.handle)).toEqual(['renamed.test', 'renamed.test']);
  });

  it('moves the cursor in the mentions\' transaction: a failed batch stores nothing and moves nothing, its retry stores it whole', async () => {
    const ws = await newWorkspace(owner);
    await addTopic(owner, ws, { name: 'Acme', query: 'acme' });
    const src = await source(ws, 'https://cursor.example/feed');
    const text = 'Acme refunds take three weeks and nobody answers the phone at all';
    const batch = [blueskyPost(text, { n: 'c1' }), blueskyPost(`${text}.`, { n: 'c2' })];
    const cursor = async () => (await ruche.ctx.store.db.selectFrom('listening_sources').select('cursor').where('id', '=', src).executeTakeFirstOrThrow()).cursor;
    await expect(ingestPosts(ruche.ctx, { workspaceId: ws, sourceId: src }, batch, {
      advance: async (trx) => {
        await trx.updateTable('listening_sources').set({ cursor: 'moved' }).where('id', '=', src).execute();
        throw new Error('the store went away');
      },
    })).rejects.toThrow('the store went away');
    expect(await mentionsOf(ruche, ws)).toEqual([]);
    expect(await cursor()).toBeNull();

    const retry = await ingestPosts(ruche.ctx, { workspaceId: ws, sourceId: src }, batch, {
      advance: async (trx) => void (await trx.updateTable('listening_sources').set({ cursor: 'moved' }).where('id', '=', src).execute()),
    });
    expect(retry.stored).toHaveLength(2);
    expect(await cursor()).toBe('moved');
    // The retry's groups are its own: the copy points at the first mention as stored, not at the failed attempt's.
    const [c1, c2] = await mentionsOf(ruche, ws).then((rows) => [rows.find((r) => r.uri.endsWith('c1'))!, rows.find((r) => r.uri.endsWith('c2'))!]);
    expect(c1).toMatchObject({ cluster_id: null, copies: 1 });
    expect(c2.cluster_id).toBe(c1.id);
  });
});
