/**
 * Public and hashtag streams of the Mastodon fake (no Mastodon server installs here; the fake follows the
 * documented streaming API: GET /api/v1/streaming/public and /hashtag?tag=, `update` events, `:thump` heartbeats,
 * the address from configuration.urls.streaming). Read through the app's guarded fetch in its streaming mode,
 * private addresses allowed since the fake listens on 127.0.0.1.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { streamPublic, type PublicStream, type PublicStreamStatus } from '../../../src/connectors/mastodon/listening/index.js';
import type { ListeningPost } from '../../../src/modules/listening/types.js';
import { createGuardedFetch, type GuardedFetch } from '../../../src/net/guarded-fetch.js';
import { MastodonFake } from '../mastodon-fake.js';
import type { MastodonQuirks } from '../mastodon-fake-quirks.js';

const clients: GuardedFetch[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

/** Runs a stream until stopped, collecting what it delivers and says. */
function listen(fake: MastodonFake, stream: PublicStream, opts: { idleTimeoutMs?: number; onPosts?: () => void } = {}) {
  const fetch = createGuardedFetch({ allowPrivateNetworks: true });
  clients.push(fetch);
  const posts: ListeningPost[] = [];
  const ids: string[] = [];
  const statuses: PublicStreamStatus[] = [];
  const stop = new AbortController();
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  const done = streamPublic({
    instanceUrl: fake.url, stream, fetch, signal: stop.signal,
    options: { idleTimeoutMs: opts.idleTimeoutMs ?? 2000, maxEventBytes: 64 * 1024, minDelayMs: 20, maxDelayMs: 200 },
    onPosts: (got, read) => {
      opts.onPosts?.();
      posts.push(...got);
      ids.push(...read.statusIds);
      wake();
    },
    onStatus: (s) => {
      statuses.push(s);
      wake();
    },
  });
  void done.then(wake);
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  const connected = () => statuses.filter((s) => s.state === 'streaming').length;
  return { posts, ids, statuses, until, connected, done, stop: async () => {
    stop.abort();
    return done;
  } };
}

describe('public streams', () => {
  let fake: MastodonFake;
  beforeAll(async () => {
    fake = await new MastodonFake().start();
  });
  afterAll(() => fake.close());

  it('delivers new public statuses with the tag as they are written, and stops when asked', async () => {
    const ann = fake.createAccount('ann');
    const s = listen(fake, { kind: 'hashtag', tag: '#LiveTag' });
    await s.until(() => s.connected() === 1);
    fake.postAs(ann, 'not this one');
    fake.postAs(ann, 'nor this #livetag', null, { visibility: 'private' });
    const tagged = fake.postAs(ann, 'this one #LiveTag');
    await s.until(() => s.posts.length === 1);
    expect(s.posts[0]).toMatchObject({ network: 'mastodon', uri: tagged.uri, text: 'this one #LiveTag', hashtags: ['livetag'] });
    expect(s.ids).toEqual([tagged.id]);
    expect(await s.stop()).toEqual({ outcome: 'stopped' });
    await vi.waitFor(() => expect(fake.openStreams).toBe(0));
  });

  it('follows the whole public timeline', async () => {
    const ben = fake.createAccount('ben');
    const s = listen(fake, { kind: 'public' });
    try {
      await s.until(() => s.connected() === 1);
      const one = fake.postAs(ben, 'anything');
      const two = fake.postAs(ben, 'anything else #tagged');
      await s.until(() => s.posts.length === 2);
      expect(s.posts.map((p) => p.uri)).toEqual([one.uri, two.uri]);
    } finally {
      await s.stop();
    }
  });

  it('connects again when the connection is cut or goes silent, saying so', async () => {
    const cat = fake.createAccount('cat');
    const saved = fake.heartbeatMs;
    fake.heartbeatMs = 60_000;
    const s = listen(fake, { kind: 'hashtag', tag: 'cut' }, { idleTimeoutMs: 300 });
    try {
      await s.until(() => s.connected() === 1);
      fake.dropStreams();
      await s.until(() => s.connected() === 2);
      const first = fake.postAs(cat, 'after the cut #cut');
      await s.until(() => s.posts.length === 1);
      // No heartbeat: the idle timeout cuts the stream and it opens again.
      await s.until(() => s.connected() === 3);
      const second = fake.postAs(cat, 'after the silence #cut');
      await s.until(() => s.posts.length === 2);
      expect(s.posts.map((p) => p.uri)).toEqual([first.uri, second.uri]);
      expect(s.statuses.filter((x) => x.state === 'reconnecting').length).toBeGreaterThanOrEqual(2);
    } finally {
      fake.heartbeatMs = saved;
      await s.stop();
    }
  });

  it('passes over other events and hostile ones, and keeps going past an event over the cap', async () => {
    const dee = fake.createAccount('dee');
    const s = listen(fake, { kind: 'hashtag', tag: 'rough' });
    try {
      await s.until(() => s.connected() === 1);
      const seen = fake.postAs(dee, 'seen #rough');
      const deletion = `event: delete\ndata: ${seen.id}\n\n`;
      fake.streamRaw(`${deletion}event: update\ndata: {not json\n\nevent: update\ndata: {"id":1,"uri":[]}\n\n`);
      fake.streamRaw(`event: status.update\ndata: ${JSON.stringify({ ...seen, content: '<p>edited</p>' })}\n\n`);
      fake.streamRaw(`event: update\ndata: ${'x'.repeat(70 * 1024)}\n\n`);
      await s.until(() => s.connected() === 2);
      const after = fake.postAs(dee, 'after #rough');
      await s.until(() => s.posts.length === 2);
      expect(s.posts.map((p) => p.text)).toEqual(['seen #rough', 'after #rough']);
      expect(after.uri).toBe(s.posts[1].uri);
    } finally {
      await s.stop();
    }
  });

  it('waits as long as a rate limit asks before connecting again', async () => {
    fake.failNext = { count: 1, status: 429, path: '/api/v1/streaming/', message: 'Too many requests' };
    const s = listen(fake, { kind: 'public' });
    try {
      await s.until(() => s.statuses.some((x) => x.state === 'reconnecting'));
      // No X-RateLimit-Reset with this answer: a minute, never the short pause of a dropped connection.
      expect(s.statuses.find((x) => x.state === 'reconnecting')).toMatchObject({ error: { kind: 'rate_limited', status: 429 }, retryInMs: 60_000 });
      expect(s.connected()).toBe(0);
    } finally {
      await s.stop();
    }
  });

  it('reports posts the caller failed to take, and goes on', async () => {
    const eve = fake.createAccount('eve');
    let fail = true;
    const s = listen(fake, { kind: 'hashtag', tag: 'flaky' }, { onPosts: () => {
      if (fail) {
        fail = false;
        throw new Error('store unavailable');
      }
    } });
    try {
      await s.until(() => s.connected() === 1);
      const lost = fake.postAs(eve, 'lost #flaky');
      const kept = fake.postAs(eve, 'kept #flaky');
      await s.until(() => s.posts.length === 1);
      expect(s.posts[0].uri).toBe(kept.uri);
      expect(s.statuses).toContainEqual({ state: 'undelivered', error: new Error('store unavailable'), statusIds: [lost.id] });
      expect(s.connected()).toBe(1);
    } finally {
      await s.stop();
    }
  });
});

describe('an instance without streaming', () => {
  const noStreaming = async (quirks: MastodonQuirks | 'hollo', failure?: number) => {
    const fake = await new MastodonFake({ quirks }).start();
    if (failure) fake.failNext = { count: 100, status: failure, path: '/api/v1/streaming/' };
    try {
      return await listen(fake, { kind: 'hashtag', tag: 'quiet' }).done;
    } finally {
      await fake.close();
    }
  };

  it('ends at once, telling the caller to poll, whether it answers 404 (the Hollo preset) or 501', async () => {
    for (const end of [await noStreaming('hollo'), await noStreaming({}, 501)]) {
      expect(end).toMatchObject({ outcome: 'poll', error: { name: 'ConnectorError', kind: 'rejected', networkCode: 'no_streaming' } });
    }
  });

  it('keeps trying through passing failures (503), without telling the caller to poll', async () => {
    const fake = await new MastodonFake().start();
    const fan = fake.createAccount('fan');
    fake.failNext = { count: 2, status: 503, path: '/api/v1/streaming/' };
    const s = listen(fake, { kind: 'hashtag', tag: 'back' });
    try {
      await s.until(() => s.connected() === 1);
      expect(s.statuses.filter((x) => x.state === 'reconnecting')).toHaveLength(2);
      const post = fake.postAs(fan, 'back #back');
      await s.until(() => s.posts.length === 1);
      expect(s.posts[0].uri).toBe(post.uri);
    } finally {
      await s.stop();
      await fake.close();
    }
  });

  it('says when a token given no longer works', async () => {
    const fake = await new MastodonFake().start();
    try {
      const fetch = createGuardedFetch({ allowPrivateNetworks: true });
      clients.push(fetch);
      const end = await streamPublic({ instanceUrl: fake.url, stream: { kind: 'public' }, accessToken: 'revoked', fetch,
        signal: new AbortController().signal, onPosts: () => {} });
      expect(end).toMatchObject({ outcome: 'poll', error: { kind: 'auth_expired' } });
    } finally {
      await fake.close();
    }
  });
});
