/**
 * The relay stream and the search backfill against a real local network from @atproto/dev-env (PLC, PDS and
 * AppView on the local PostgreSQL): the PDS's firehose stands in for a relay (it speaks the same
 * subscribeRepos), and the AppView answers searchPosts — as a case-sensitive LIKE, so terms are written as posted.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AtpAgent } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListeningPost } from '../../../src/modules/listening/types.js';
import { searchRecentPosts, streamRelayPosts, type StreamStats } from '../../../src/connectors/bluesky/network/index.js';
import { BlueskyNetwork, type NetworkAccount } from '../bluesky-network.js';

let net: BlueskyNetwork;
let alice: NetworkAccount;
let bob: NetworkAccount;
beforeAll(async () => {
  net = await BlueskyNetwork.start();
  [alice, bob] = [await net.createAccount('alice'), await net.createAccount('bob')];
}, 120_000);
afterAll(async () => {
  await net?.close();
}, 60_000);

function listen(cursor: string | null, extra: { handler?: () => Promise<void>; batch?: { maxPosts?: number; maxQueued?: number } } = {}) {
  const posts: ListeningPost[] = [];
  const cursors: string[] = [];
  const ac = new AbortController();
  const done = streamRelayPosts({
    url: net.firehoseUrl, cursor, allowPrivateNetworks: true, signal: ac.signal, batch: extra.batch,
    onPosts: async (batch, at) => {
      await extra.handler?.();
      posts.push(...batch);
      cursors.push(at);
    },
  });
  return { posts, cursors, stop: async (): Promise<StreamStats> => (ac.abort(), await done) };
}

describe('relay firehose', () => {
  it('brings the network’s posts as listening posts and resumes from the saved position', async () => {
    const text = `Bonjour @${bob.handle} #Ruche https://ruche.example/lancement`;
    const first = await net.post(alice, text, { langs: ['fr'], tags: ['Lancement'] });
    await net.like(bob, first);
    // Refused by the lexicon, stored all the same by a hostile client's PDS.
    await net.post(bob, 'x', { text: { not: 'text' } }, { validate: false });
    const plain = await net.post(bob, 'Rien de spécial');

    const run1 = listen('0');
    await expect.poll(() => run1.posts.map((p) => p.uri)).toContain(plain.id);
    const stats = await run1.stop();
    expect(stats.skipped).toBe(1);
    expect(run1.posts.map((p) => p.uri)).toEqual([first.id, plain.id]);
    const rkey = first.id.split('/').pop();
    expect(run1.posts[0]).toMatchObject({
      network: 'bluesky', uri: first.id, url: `https://bsky.app/profile/${alice.did}/post/${rkey}`,
      author: { id: alice.did, handle: alice.did }, text, languages: ['fr'],
      hashtags: ['ruche', 'lancement'], mentions: [bob.handle], links: ['https://ruche.example/lancement'],
    });

    const saved = run1.cursors.at(-1)!;
    const whileDown = await net.post(alice, 'Écrit pendant l’arrêt');
    const run2 = listen(saved);
    await expect.poll(() => run2.posts.map((p) => p.uri)).toContain(whileDown.id);
    await run2.stop();
    // The relay resumes right after the position: what the first run accepted is not read again.
    expect(run2.posts.map((p) => p.uri)).toEqual([whileDown.id]);
    expect(Number(run2.cursors.at(-1))).toBeGreaterThan(Number(saved));
  });

  it('drops the subscription while the handler is behind and catches up from what it accepted', async () => {
    const start = listen('0');
    const marker = await net.post(alice, 'Repère');
    await expect.poll(() => start.posts.map((p) => p.uri)).toContain(marker.id);
    await start.stop();

    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    const run = listen(start.cursors.at(-1)!, { batch: { maxPosts: 40, maxQueued: 60 }, handler: async () => void (calls++ === 0 && (await gate)) });
    const refs = await net.writeMany(bob, 'app.bsky.feed.post', Array.from({ length: 450 }, (_, i) => ({ text: `Afflux ${i}` })));
    await expect.poll(() => calls).toBeGreaterThan(0);
    release();
    await expect.poll(() => refs.every((r) => run.posts.some((p) => p.uri === r.id)), { timeout: 30_000 }).toBe(true);
    const stats = await run.stop();
    expect(stats.backpressureDrops).toBeGreaterThanOrEqual(1);
  });
});

describe('search backfill', () => {
  it('finds the recent posts of each term, leaving older ones out', async () => {
    const since = Date.now() - 3 * 86_400_000;
    const recent = await net.post(alice, 'La Marmelade Ruchoise est arrivée #confiture');
    const old = await net.post(bob, 'Marmelade Ruchoise, souvenir', { createdAt: new Date(Date.now() - 10 * 86_400_000).toISOString() });
    const other = await net.post(bob, 'Miel Doré en promotion');
    await net.post(bob, 'Rien à voir');
    await net.processAll();

    const found = await searchRecentPosts(new AtpAgent({ service: net.appviewUrl }), ['Marmelade Ruchoise', 'Miel Doré'], since);
    expect(found.status).toBe('ok');
    if (found.status !== 'ok') return;
    expect(found.posts.map((p) => p.uri).sort()).toEqual([recent.id, other.id].sort());
    expect(found.complete).toBe(true);
    expect(found.posts.find((p) => p.uri === recent.id)).toMatchObject({ author: { id: alice.did, handle: alice.handle }, hashtags: ['confiture'] });
    expect(found.posts.some((p) => p.uri === old.id)).toBe(false);
  });

  it('reads further pages, up to the limit it is given', async () => {
    const since = Date.now() - 86_400_000;
    const refs = await net.writeMany(bob, 'app.bsky.feed.post', Array.from({ length: 130 }, (_, i) => ({ text: `Abeille Pressée ${i}` })));
    await net.processAll();
    const agent = new AtpAgent({ service: net.appviewUrl });
    const all = await searchRecentPosts(agent, ['Abeille Pressée'], since);
    expect(all.status === 'ok' && all.posts.length).toBe(refs.length);
    const first = await searchRecentPosts(agent, ['Abeille Pressée'], since, { maxPages: 1 });
    expect(first).toMatchObject({ status: 'ok', complete: false });
    expect(first.status === 'ok' && first.posts.length).toBe(100);
  });

  it('answers unavailable when the server closes search', async () => {
    // As Bluesky's public AppView answers a search without a session.
    const closed: Server = createServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'Forbidden', message: 'Search is not available without a session' }));
    });
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    try {
      const agent = new AtpAgent({ service: `http://127.0.0.1:${(closed.address() as AddressInfo).port}` });
      expect(await searchRecentPosts(agent, ['Ruche'], 0)).toMatchObject({ status: 'unavailable', reason: 'closed' });
    } finally {
      await new Promise<void>((r) => closed.close(() => r()));
    }
  });
});
