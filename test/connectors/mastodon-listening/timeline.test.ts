/**
 * Hashtag timelines read from the Mastodon fake (test/connectors/mastodon-fake.ts): no Mastodon server installs
 * here, so the fake follows the documented API (GET /api/v1/timelines/tag/:hashtag, min_id / max_id paging with
 * Link headers, X-RateLimit-* and 429, 401 when public preview is off). Calls go through the app's guarded fetch,
 * with private addresses allowed since the fake listens on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHashtagTimeline } from '../../../src/connectors/mastodon/listening/index.js';
import { createGuardedFetch } from '../../../src/net/guarded-fetch.js';
import { MastodonFake } from '../mastodon-fake.js';

const fetch = createGuardedFetch({ allowPrivateNetworks: true });
afterAll(() => fetch.close());

const texts = (posts: { text: string }[]) => posts.map((p) => p.text);

describe('the hashtag timeline', () => {
  let fake: MastodonFake;
  beforeAll(async () => {
    fake = await new MastodonFake().start();
  });
  afterAll(() => fake.close());

  it('reads the newest page first, then only what is newer, page after page from the saved min_id', async () => {
    const alice = fake.createAccount('alice');
    fake.postAs(alice, 'old one #Walk');
    fake.postAs(alice, 'off topic');
    fake.postAs(alice, 'old two #walk');
    const read = (minId: string | null, maxPages?: number) =>
      readHashtagTimeline({ instanceUrl: fake.url, tag: '#walk', minId, fetch, limit: 2, maxPages });

    const first = await read(null);
    expect(texts(first.posts)).toEqual(['old one #Walk', 'old two #walk']);
    expect(await read(first.minId)).toEqual({ posts: [], minId: first.minId });

    for (let i = 1; i <= 5; i++) fake.postAs(alice, `new ${i} #walk`);
    const before = fake.requests.length;
    const next = await read(first.minId);
    expect(texts(next.posts)).toEqual(['new 1 #walk', 'new 2 #walk', 'new 3 #walk', 'new 4 #walk', 'new 5 #walk']);
    const asked = fake.requests.slice(before).map((r) => r.path);
    expect(asked).toHaveLength(3);
    expect(await read(next.minId)).toEqual({ posts: [], minId: next.minId });
  });

  it('reads a bounded number of pages per call and the rest the next time, losing nothing', async () => {
    const bob = fake.createAccount('bob');
    const start = await readHashtagTimeline({ instanceUrl: fake.url, tag: 'bounded', minId: null, fetch });
    expect(start).toEqual({ posts: [], minId: null });
    fake.postAs(bob, 'zero #bounded');
    const zero = await readHashtagTimeline({ instanceUrl: fake.url, tag: 'bounded', minId: null, fetch });
    for (let i = 1; i <= 7; i++) fake.postAs(bob, `n${i} #bounded`);
    const read = (minId: string | null) => readHashtagTimeline({ instanceUrl: fake.url, tag: 'bounded', minId, fetch, limit: 2, maxPages: 2 });
    const a = await read(zero.minId);
    const b = await read(a.minId);
    const c = await read(b.minId);
    expect([a, b, c].map((p) => texts(p.posts))).toEqual([['n1 #bounded', 'n2 #bounded', 'n3 #bounded', 'n4 #bounded'], ['n5 #bounded', 'n6 #bounded', 'n7 #bounded'], []]);
  });

  it('maps each status to the post every listening source yields', async () => {
    const carol = fake.createAccount('carol', { displayName: 'Carol', followersCount: 1200 });
    const dan = fake.createAccount('dan');
    const status = fake.postAs(carol, '#Mapping hello @dan see https://example.org/a?b=1&c=2 now', null, { language: 'fr' });
    fake.favouriteAs(dan, status.id);
    fake.replyAs(dan, status.id, 'yes');
    const host = new URL(fake.url).host;
    const { posts } = await readHashtagTimeline({ instanceUrl: fake.url, tag: 'mapping', minId: null, fetch });
    expect(posts).toEqual([{
      network: 'mastodon',
      uri: status.uri,
      url: status.url,
      author: { id: `${fake.url}/@carol`, handle: `carol@${host}`, displayName: 'Carol', avatarUrl: `${fake.url}/avatars/original/missing.png`, followers: 1200, url: `${fake.url}/@carol` },
      text: '#Mapping hello @dan see https://example.org/a?b=1&c=2 now',
      createdAt: status.created_at,
      languages: ['fr'],
      hashtags: ['mapping'],
      mentions: [`dan@${host}`],
      links: ['https://example.org/a?b=1&c=2'],
      engagement: { likes: 1, reposts: 0, replies: 1 },
      repostOf: null,
    }]);
  });

  it('says when the instance shows its timelines to signed-in accounts only, and reads them with a token', async () => {
    const erin = fake.createAccount('erin');
    fake.postAs(erin, 'members only #closed');
    fake.timelines.preview = false;
    try {
      const err = await readHashtagTimeline({ instanceUrl: fake.url, tag: 'closed', minId: null, fetch }).catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'ConnectorError', kind: 'forbidden', networkCode: 'auth_required', status: 401 });
      const page = await readHashtagTimeline({ instanceUrl: fake.url, tag: 'closed', minId: null, fetch, accessToken: erin.token });
      expect(texts(page.posts)).toEqual(['members only #closed']);
      const token = erin.token;
      fake.revoke(token);
      const expired = await readHashtagTimeline({ instanceUrl: fake.url, tag: 'closed', minId: null, fetch, accessToken: token }).catch((e: unknown) => e);
      expect(expired).toMatchObject({ kind: 'auth_expired' });
    } finally {
      fake.timelines.preview = true;
    }
  });

  it('tells passing server trouble from a refusal, and refuses a tag that is not one', async () => {
    fake.failNext = { count: 1, status: 503, path: '/api/v1/timelines/tag/' };
    await expect(readHashtagTimeline({ instanceUrl: fake.url, tag: 'down', minId: null, fetch })).rejects.toMatchObject({ kind: 'transient', status: 503 });
    await expect(readHashtagTimeline({ instanceUrl: fake.url, tag: 'a/../b', minId: null, fetch })).rejects.toMatchObject({ kind: 'rejected', networkCode: 'invalid_hashtag' });
  });
});

describe('rate limits', () => {
  it('surface as rate_limited, with the wait the server gives in X-RateLimit-Reset', async () => {
    const fake = await new MastodonFake().start();
    try {
      fake.rateLimit = 2;
      const now = () => 1_000;
      const read = () => readHashtagTimeline({ instanceUrl: fake.url, tag: 'busy', minId: null, fetch, now });
      await read();
      await read();
      const err = await read().catch((e: unknown) => e);
      const reset = Date.parse(fake.lastRateHeaders['X-RateLimit-Reset']);
      expect(err).toMatchObject({ name: 'ConnectorError', kind: 'rate_limited', status: 429, retryAfterMs: reset - 1_000 });
    } finally {
      await fake.close();
    }
  });
});

describe('a server that ignores min_id', () => {
  it('gives only what is newer than the cursor, never the same post twice', async () => {
    const fake = await new MastodonFake({ quirks: { ignoresSinceId: true } }).start();
    try {
      const fay = fake.createAccount('fay');
      fake.postAs(fay, 'one #same');
      fake.postAs(fay, 'two #same');
      const first = await readHashtagTimeline({ instanceUrl: fake.url, tag: 'same', minId: null, fetch });
      fake.postAs(fay, 'three #same');
      const next = await readHashtagTimeline({ instanceUrl: fake.url, tag: 'same', minId: first.minId, fetch });
      expect(texts(next.posts)).toEqual(['three #same']);
      expect(await readHashtagTimeline({ instanceUrl: fake.url, tag: 'same', minId: next.minId, fetch })).toEqual({ posts: [], minId: next.minId });
    } finally {
      await fake.close();
    }
  });
});
