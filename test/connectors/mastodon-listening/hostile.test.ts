/**
 * What a hostile or broken server may list in a hashtag timeline, served as given by the Mastodon fake (no
 * Mastodon server installs here; the fake follows the documented API and lists these raw statuses in order).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHashtagTimeline } from '../../../src/connectors/mastodon/listening/index.js';
import { createGuardedFetch } from '../../../src/net/guarded-fetch.js';
import { MastodonFake } from '../mastodon-fake.js';

const fetch = createGuardedFetch({ allowPrivateNetworks: true });

/** A status as Mastodon documents it, from an account of another server. */
function status(n: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uri: `https://far.example/users/zed/statuses/${n}`, url: `https://far.example/@zed/${n}`, created_at: '2025-03-01T10:00:00.000Z',
    content: `<p>post ${n}</p>`, visibility: 'public', language: 'en', spoiler_text: '', mentions: [], tags: [{ name: 'hostile' }],
    replies_count: 0, reblogs_count: 0, favourites_count: 0, reblog: null, media_attachments: [],
    account: { id: '9', username: 'zed', acct: 'zed@far.example', display_name: 'Zed', url: 'https://far.example/@zed', followers_count: 5 },
    ...over,
  };
}

describe('hostile statuses in a hashtag timeline', () => {
  let fake: MastodonFake;
  beforeAll(async () => {
    fake = await new MastodonFake().start();
  });
  afterAll(async () => {
    await fake.close();
    await fetch.close();
  });

  const read = (tag: string) => readHashtagTimeline({ instanceUrl: fake.url, tag, minId: null, fetch });

  it('keeps markup and scripts out of the text, and reads only real links', async () => {
    fake.timelines.addRaw('markup', status(1, {
      content: '<script>alert(1)</script><p>Hi &lt;b&gt;bold&lt;/b&gt; <a href="javascript:alert(2)">x</a> '
        + '<a href="https://shop.example/p?a=1&amp;b=2" rel="nofollow">shop</a> '
        + '<a href="https://far.example/tags/markup" class="mention hashtag" rel="tag">#markup</a> '
        + '<span class="h-card"><a href="https://far.example/@amy" class="u-url mention">@amy</a></span></p>'
        + '<style>p{}</style><a href="https://pleroma.example/tag/x" class="hashtag" data-tag="x">#x</a>',
      mentions: [{ id: '3', acct: 'amy@far.example', url: 'https://far.example/@amy' }],
    }));
    const [post] = (await read('markup')).posts;
    expect(post.text).toBe('Hi <b>bold</b> x shop #markup @amy\n#x');
    expect(post.links).toEqual(['https://shop.example/p?a=1&b=2']);
    expect(post.mentions).toEqual(['amy@far.example']);
  });

  it('holds a huge status to a size, and its lists too', async () => {
    const many = Array.from({ length: 500 }, (_, i) => `<a href="https://l${i}.example/">l</a>`).join(' ');
    fake.timelines.addRaw('huge', status(2, {
      content: `<p>${'word '.repeat(200_000)}</p>${many}`,
      tags: Array.from({ length: 1000 }, (_, i) => ({ name: `t${i}` })),
      account: { id: '9', username: 'zed', acct: 'zed@far.example', display_name: 'Z'.repeat(100_000), url: 'https://far.example/@zed' },
    }));
    fake.timelines.addRaw('huge', status(3, { content: '<script '.repeat(100_000) }));
    const { posts } = await read('huge');
    expect(posts.map((p) => p.uri)).toEqual(['https://far.example/users/zed/statuses/2', 'https://far.example/users/zed/statuses/3']);
    expect(posts[0].text.length).toBeLessThanOrEqual(20_000);
    expect(posts[0].hashtags!.length).toBeLessThanOrEqual(50);
    expect(posts[0].links!.length).toBeLessThanOrEqual(20);
    expect(posts[0].author.displayName!.length).toBeLessThanOrEqual(200);
    expect(posts[1].text).toBe('');
  });

  it('passes over statuses of the wrong shape, and private ones, yet moves the cursor past them', async () => {
    fake.timelines.addRaw('shapes', status(4, { uri: 42 }));
    fake.timelines.addRaw('shapes', status(5, { content: { html: 'x' } }));
    fake.timelines.addRaw('shapes', status(6, { account: 'zed' }));
    fake.timelines.addRaw('shapes', status(7, { created_at: null }));
    fake.timelines.addRaw('shapes', status(77, { created_at: 'last tuesday' }));
    fake.timelines.addRaw('shapes', status(8, { uri: 'javascript:alert(1)//' + 'x'.repeat(3000) }));
    fake.timelines.addRaw('shapes', status(9, { visibility: 'private' }));
    fake.timelines.addRaw('shapes', status(10, { visibility: 'direct' }));
    fake.timelines.addRaw('shapes', status(11, {
      replies_count: 'many', favourites_count: -3, language: 'en"><script>', tags: 'hostile', mentions: [{ acct: 7 }, { acct: '@bo' }],
      account: { id: '9', username: 'zed', acct: 'zed@far.example', display_name: null, url: 'javascript:alert(1)', followers_count: 'lots' },
    }));
    const last = fake.timelines.addRaw('shapes', status(12, { content: '<p>last</p>' }));
    const page = await read('shapes');
    expect(page.minId).toBe(last);
    expect(page.posts.map((p) => p.uri)).toEqual(['https://far.example/users/zed/statuses/11', 'https://far.example/users/zed/statuses/12']);
    expect(page.posts[0]).toMatchObject({
      engagement: { likes: 0, reposts: 0, replies: 0 }, languages: [], hashtags: [], mentions: [`bo@${new URL(fake.url).host}`],
      author: { id: 'acct:zed@far.example', handle: 'zed@far.example', displayName: null, followers: null, url: null },
    });
  });

  it('lists a boost once, as the post it boosts', async () => {
    const original = status(13, { content: '<p>the original</p>' });
    fake.timelines.addRaw('boost', original);
    fake.timelines.addRaw('boost', status(14, {
      uri: 'https://near.example/users/amy/statuses/99/activity', content: '', reblog: original,
      account: { id: '4', username: 'amy', acct: 'amy', url: 'https://near.example/@amy' },
    }));
    fake.timelines.addRaw('boost', status(15, { reblog: { ...original, content: 7 } }));
    const { posts } = await read('boost');
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ uri: original.uri, text: 'the original', author: { handle: 'zed@far.example' }, repostOf: null });
  });

  it('refuses a page longer than any server sends', async () => {
    for (let i = 0; i < 201; i++) fake.timelines.addRaw('flood', status(1000 + i));
    fake.maxLimit = 1000;
    // A server that ignores `limit`: the test's fetch asks for everything in the client's place.
    const ignoringLimit = ((input: URL, init?: RequestInit) => {
      const url = new URL(input);
      url.searchParams.set('limit', '1000');
      return fetch(url, init);
    }) as typeof globalThis.fetch;
    try {
      const err = await readHashtagTimeline({ instanceUrl: fake.url, tag: 'flood', minId: null, fetch: ignoringLimit }).catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'ConnectorError', kind: 'transient', networkCode: 'malformed_answer' });
    } finally {
      fake.maxLimit = 40;
    }
  });
});
