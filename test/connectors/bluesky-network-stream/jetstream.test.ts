/**
 * Listening to the whole network through Jetstream, against a fake that follows its documented format: posts come
 * through as listening posts, hostile records are passed over, the position handed over lets a restart lose
 * nothing, and a handler that falls behind or fails makes the stream resume from what it accepted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListeningPost } from '../../../src/modules/listening/types.js';
import { streamJetstream, type JetstreamOptions, type StreamStats } from '../../../src/connectors/bluesky/network/index.js';
import { FakeJetstream } from './fake-jetstream.js';

let js: FakeJetstream;
beforeEach(async () => {
  js = await FakeJetstream.start();
});
afterEach(async () => {
  await js.close();
});

const ALICE = 'did:plc:alice2222222222222222222';
const BOB = 'did:plc:bob33333333333333333333333';
const at = '2025-03-01T10:00:00.000Z';

interface Batch {
  posts: ListeningPost[];
  cursor: string;
}

/** A stream on the fake; `handler` replaces the one that records every batch. */
function listen(opts: Partial<JetstreamOptions> & { handler?: (posts: ListeningPost[], cursor: string) => Promise<void> } = {}) {
  const batches: Batch[] = [];
  const ac = new AbortController();
  const done = streamJetstream({
    url: js.url, cursor: null, allowPrivateNetworks: true, signal: ac.signal,
    backoff: { minMs: 20, maxMs: 100 },
    ...opts,
    onPosts: async (posts, cursor) => {
      await opts.handler?.(posts, cursor);
      batches.push({ posts, cursor });
    },
  });
  const uris = () => batches.flatMap((b) => b.posts.map((p) => p.uri));
  return {
    batches, uris,
    stop: async (): Promise<StreamStats> => (ac.abort(), await done),
    lastCursor: () => batches.at(-1)?.cursor ?? null,
  };
}

const uriOf = (did: string, rkey: string) => `at://${did}/app.bsky.feed.post/${rkey}`;

describe('jetstream', () => {
  it('turns created posts into listening posts, with handles from identity events, and passes hostile records over', async () => {
    const text = 'Merci @bob.test pour #Ruche https://ruche.example/a';
    const bytes = (s: string) => Buffer.byteLength(s);
    const mentionAt = bytes('Merci ');
    const tagAt = text.indexOf('#Ruche');
    const linkAt = text.indexOf('https://');
    js.identity(ALICE, 'Alice.Test');
    js.post(ALICE, '3kaaaaaaaaa22', {
      $type: 'app.bsky.feed.post', text, createdAt: at, langs: ['fr', 'not a tag'], tags: ['Lancement', '#lancement'],
      facets: [
        { index: { byteStart: mentionAt, byteEnd: mentionAt + bytes('@bob.test') }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: BOB }] },
        { index: { byteStart: tagAt, byteEnd: tagAt + 6 }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'Ruche' }] },
        { index: { byteStart: linkAt, byteEnd: linkAt + 26 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://ruche.example/a' }, { $type: 'app.bsky.richtext.facet#link', uri: 'javascript:alert(1)' }] },
        'not a facet',
      ],
    });
    // Hostile or broken: not JSON, no record, a text that is not text, an rkey that is not one, no did.
    js.raw('{not json');
    js.post(BOB, '3kbbbbbbbbb22', undefined);
    js.post(BOB, '3kccccccccc22', { text: 42, createdAt: at });
    js.post(BOB, '../../etc', { text: 'x', createdAt: at });
    js.raw(JSON.stringify({ time_us: js.nextTimeUs, kind: 'commit', commit: { operation: 'create' } }));
    // Not new posts: an edit, a delete, a like (the server leaves it out, as asked).
    js.post(BOB, '3kddddddddd22', { text: 'edited', createdAt: at }, 'update');
    js.post(BOB, '3keeeeeeeee22', undefined, 'delete');
    js.commit(BOB, 'app.bsky.feed.like', '3kfffffffff22', { subject: {}, createdAt: at });
    js.post(BOB, '3kggggggggg22', { text: 'Du futur', createdAt: '2999-01-01T00:00:00Z', facets: { nope: true } });

    const s = listen({ cursor: '0' });
    await expect.poll(() => s.uris().length).toBe(2);
    const stats = await s.stop();

    expect(js.connections[0].wantedCollections).toEqual(['app.bsky.feed.post']);
    const [first, second] = s.batches.flatMap((b) => b.posts);
    expect(first).toMatchObject({
      network: 'bluesky', uri: uriOf(ALICE, '3kaaaaaaaaa22'), url: `https://bsky.app/profile/${ALICE}/post/3kaaaaaaaaa22`,
      author: { id: ALICE, handle: 'alice.test' }, text, createdAt: at, languages: ['fr'],
      hashtags: ['ruche', 'lancement'], mentions: ['bob.test'], links: ['https://ruche.example/a'],
    });
    // No identity event for Bob: his DID stands for his handle; a date from the future is the time it was seen.
    expect(second.author.handle).toBe(BOB);
    expect(second.text).toBe('Du futur');
    expect(Date.parse(String(second.createdAt))).toBeLessThan(Date.parse('2999-01-01'));
    expect(stats.skipped).toBe(5);
  });

  it('hands batches with a position that only moves once they are accepted', async () => {
    const times: Record<string, number> = {};
    for (let i = 0; i < 12; i++) times[uriOf(ALICE, `3kpost${i}aaaaaa`)] = js.post(ALICE, `3kpost${i}aaaaaa`, { text: `n° ${i}`, createdAt: at });
    const s = listen({ cursor: '0', batch: { maxPosts: 5 } });
    await expect.poll(() => s.uris().length).toBe(12);
    await s.stop();
    expect(s.batches.map((b) => b.posts.length)).toEqual([5, 5, 2]);
    // Each position is that of the batch's last post: a restart from it re-reads nothing of the batch but loses nothing after.
    for (const b of s.batches) expect(Number(b.cursor)).toBe(times[b.posts.at(-1)!.uri]);
  });

  it('resumes from the saved position after a restart and after a cut, with nothing lost', async () => {
    for (let i = 0; i < 8; i++) js.post(ALICE, `3kfirst${i}aaaaa`, { text: `avant ${i}`, createdAt: at });
    js.cutAfter(5);
    const first = listen({ cursor: '0', batch: { maxPosts: 2 } });
    await expect.poll(() => first.uris().length).toBeGreaterThanOrEqual(8);
    await first.stop();
    // The cut socket came back, starting a few seconds before what had been handed over.
    expect(js.connections.length).toBe(2);
    expect(js.connections[1].cursor).toBe(Number(first.batches.find((b) => b.posts.some((p) => p.text === 'avant 4'))!.cursor) - 5_000_000);

    const saved = first.lastCursor()!;
    const whileDown = Array.from({ length: 4 }, (_, i) => uriOf(BOB, `3kdown${i}aaaaaa`));
    whileDown.forEach((_, i) => js.post(BOB, `3kdown${i}aaaaaa`, { text: `pendant ${i}`, createdAt: at }));
    const second = listen({ cursor: saved });
    await expect.poll(() => whileDown.every((u) => second.uris().includes(u))).toBe(true);
    await second.stop();
    expect(js.connections.at(-1)!.cursor).toBe(Number(saved) - 5_000_000);
    // Only the five seconds of rewind (events a second apart, both ends included) are read twice.
    expect(second.uris().filter((u) => first.uris().includes(u)).length).toBeLessThanOrEqual(6);
  });

  it('drops the socket when the handler falls behind and resumes from what it accepted', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    const s = listen({
      cursor: '0', batch: { maxPosts: 10, maxQueued: 30 },
      handler: async () => {
        if (calls++ === 0) await gate;
      },
    });
    const all = Array.from({ length: 100 }, (_, i) => uriOf(ALICE, `3kflood${i}aaaaa`));
    all.forEach((_, i) => js.post(ALICE, `3kflood${i}aaaaa`, { text: `flot ${i}`, createdAt: at }));
    await expect.poll(() => js.connections.length).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 100));
    release();
    await expect.poll(() => all.every((u) => s.uris().includes(u))).toBe(true);
    const stats = await s.stop();
    expect(stats.backpressureDrops).toBeGreaterThanOrEqual(1);
    expect(js.connections.length).toBeGreaterThanOrEqual(2);
  });

  it('reads a batch again when the handler failed on it', async () => {
    let failed = false;
    const statuses: string[] = [];
    const s = listen({
      cursor: '0',
      onStatus: (st) => void statuses.push(st.state),
      handler: async (posts) => {
        if (!failed && posts.length > 0) {
          failed = true;
          throw new Error('database down');
        }
      },
    });
    js.post(ALICE, '3konlyoneaaaaa', { text: 'une fois', createdAt: at });
    await expect.poll(() => s.uris()).toContain(uriOf(ALICE, '3konlyoneaaaaa'));
    await s.stop();
    expect(failed).toBe(true);
    expect(statuses).toContain('backoff');
  });

  it('refuses a private address unless allowed', async () => {
    const ac = new AbortController();
    await expect(streamJetstream({ url: js.url, cursor: null, allowPrivateNetworks: false, signal: ac.signal, onPosts: async () => {} }))
      .rejects.toMatchObject({ kind: 'rejected' });
    expect(js.connections).toHaveLength(0);
  });
});
