import { afterEach, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../../src/modules/listening/feeds/fetch-feed.js';
import { feedServer, fixture, serve, type FeedServer } from './feed-server.js';

const NOW = Date.parse('2024-06-01T00:00:00Z');
let server: FeedServer;
afterEach(() => server?.close());

async function posts(body: string | Buffer, opts: { maxEntries?: number } = {}) {
  server = await feedServer({ '/feed.xml': serve(body, 'application/rss+xml') });
  const result = await fetchFeed(`${server.origin}/feed.xml`, {}, { fetch: server.fetch, now: NOW, ...opts });
  if (result.status !== 'ok') throw new Error(`expected a feed, got ${result.status}`);
  return result;
}

function rss(items: string, channel = '<title>Feed</title>') {
  return `<?xml version="1.0"?><rss version="2.0"><channel>${channel}${items}</channel></rss>`;
}

describe('fetchFeed: hostile entries', () => {
  it('keeps no markup, script, style or non-web link, and drops entries nothing identifies', async () => {
    const result = await posts(fixture('hostile.xml'));
    expect(result.feed).toEqual({ title: 'Hostile Blog', siteUrl: null, language: null });
    expect(result.posts.map((p) => p.uri)).toEqual([
      `${server.origin}/hostile-1`,
      'https://hostile.example/no-title',
      `${server.origin}/hostile-future`,
    ]);
    const [scripted, untitled, future] = result.posts;
    expect(scripted).toMatchObject({
      url: null,
      title: 'Hello world',
      text: 'Hello world\n\nVisible\nbad worse good',
      links: ['https://ok.example/'],
      createdAt: new Date(NOW).toISOString(),
    });
    expect(untitled).toMatchObject({ title: null, text: '', url: 'https://hostile.example/no-title' });
    // A date later than now is not believed: it would sit on top of every stream.
    expect(future.createdAt).toBe(new Date(NOW).toISOString());
    for (const post of result.posts) {
      expect(post.text).not.toMatch(/<|alert|steal|display:none/);
      expect(post.author.url ?? '').not.toMatch(/^javascript:/);
    }
  });

  it('caps a one-megabyte title and text', async () => {
    const huge = 'word '.repeat(200_000);
    const result = await posts(rss(`<item><guid>big</guid><title>${huge}</title><description>${huge}</description></item>`));
    const [post] = result.posts;
    expect(post.title!.length).toBeLessThanOrEqual(1_000);
    expect(post.text.length).toBeLessThanOrEqual(10_000);
    expect(post.text.startsWith('word word')).toBe(true);
  });

  it('takes at most the number of entries asked for', async () => {
    const items = Array.from({ length: 30 }, (_, i) => `<item><guid>e${i}</guid><title>Entry ${i}</title></item>`).join('');
    const result = await posts(rss(items), { maxEntries: 10 });
    expect(result.posts.map((p) => p.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Entry ${i}`));
  });

  it('reads fields of the wrong type as nothing rather than failing the feed', async () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: { nested: 'object' },
      language: { tag: 'fr' },
      items: [
        { id: { x: 1 }, url: 42, title: ['a'] },
        { id: 'ok', url: 'https://x.example/ok', title: 'Kept', authors: 'not a list', date_published: 12 },
        'not an object',
      ],
    });
    server = await feedServer({ '/feed.json': serve(json, 'application/feed+json') });
    const result = await fetchFeed(`${server.origin}/feed.json`, {}, { fetch: server.fetch, now: NOW });
    expect(result).toMatchObject({ status: 'ok', feed: { title: null, language: null } });
    if (result.status !== 'ok') return;
    expect(result.posts.map((p) => ({ uri: p.uri, url: p.url, title: p.title }))).toContainEqual({
      uri: `${server.origin}/ok`,
      url: 'https://x.example/ok',
      title: 'Kept',
    });
    expect(result.posts.every((p) => typeof p.text === 'string' && typeof p.uri === 'string')).toBe(true);
  });

  it('does not expand entities a document declares', async () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>' +
      '<rss version="2.0"><channel><title>T</title><item><guid>x</guid><title>&d;</title></item></channel></rss>';
    const result = await posts(bomb);
    expect(result.posts[0].text.length).toBeLessThan(100);
  });
});
