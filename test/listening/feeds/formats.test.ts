import { afterEach, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../../src/modules/listening/feeds/fetch-feed.js';
import { feedServer, fixture, serve, type FeedServer } from './feed-server.js';

const NOW = Date.parse('2024-06-01T00:00:00Z');
let server: FeedServer;
afterEach(() => server?.close());

async function read(path: string, body: Buffer | string, type: string) {
  server = await feedServer({ [path]: serve(body, type) });
  const result = await fetchFeed(`${server.origin}${path}`, {}, { fetch: server.fetch, now: NOW });
  if (result.status !== 'ok') throw new Error(`expected a feed, got ${result.status}`);
  return result;
}

describe('fetchFeed: the four formats', () => {
  it('reads RSS 2.0: guid as identity, link resolved, HTML reduced to text, the author and language', async () => {
    const { feed, posts, finalUrl } = await read('/rss.xml', fixture('rss2.xml'), 'application/rss+xml');
    expect(finalUrl).toBe(`${server.origin}/rss.xml`);
    expect(feed).toEqual({ title: "Le Journal de l'Épicerie", siteUrl: 'https://epicerie.example/', language: 'fr-FR' });
    expect(posts).toHaveLength(3);
    expect(posts[0]).toMatchObject({
      network: 'feed',
      uri: `${server.origin}/epicerie-2024-001`,
      url: 'https://epicerie.example/2024/gamme',
      title: 'Nouvelle gamme & nouveaux prix',
      text: 'Nouvelle gamme & nouveaux prix\n\nNotre nouvelle gamme arrive.\n\nVoir les prix.',
      createdAt: '2024-03-05T08:30:00.000Z',
      languages: ['fr-FR'],
      links: ['https://epicerie.example/prix'],
      author: {
        id: `${new URL(server.origin).host}/Camille Martin`,
        handle: 'epicerie.example',
        displayName: 'Camille Martin',
        followers: null,
      },
    });
    // A guid that is a permalink is the address too; escaped markup in a description is markup.
    expect(posts[1]).toMatchObject({
      uri: 'https://epicerie.example/2024/permalien',
      url: 'https://epicerie.example/2024/permalien',
      text: 'Permalink only\n\nPlain escaped HTML',
    });
    // No guid: the link is the identity, made absolute against the feed; full content is preferred.
    expect(posts[2]).toMatchObject({
      uri: `${server.origin}/2024/relatif`,
      url: `${server.origin}/2024/relatif`,
      text: 'Relative link, no guid\n\nFull content wins over the description',
      createdAt: new Date(NOW).toISOString(),
      author: { displayName: "Le Journal de l'Épicerie" },
    });
  });

  it('reads Atom: the alternate link, plain text kept as text, the feed author when an entry names none', async () => {
    const { feed, posts } = await read('/feed.atom', fixture('atom.xml'), 'application/atom+xml');
    expect(feed).toEqual({ title: 'Widget Watch', siteUrl: 'https://widgets.example/', language: 'en-GB' });
    expect(posts).toEqual([
      expect.objectContaining({
        uri: 'tag:widgets.example,2024:recall',
        url: 'https://widgets.example/recall',
        title: 'Widgets recalled',
        text: 'Widgets recalled\n\nA summary <not markup> in plain text.',
        createdAt: '2024-03-04T12:00:00.000Z',
        languages: ['en-GB'],
        author: expect.objectContaining({ displayName: 'Sam Reporter', handle: 'widgets.example', url: 'https://widgets.example/sam' }),
      }),
      expect.objectContaining({
        uri: 'tag:widgets.example,2024:updated',
        text: 'Only updated\n\nXHTML content',
        createdAt: '2024-03-03T08:00:00.000Z',
        author: expect.objectContaining({ displayName: 'Widget Team' }),
      }),
    ]);
  });

  it('reads JSON Feed 1.1: titles are plain text, external_url when there is no url, the entry language', async () => {
    const { feed, posts } = await read('/feed.json', fixture('feed.json'), 'application/feed+json');
    expect(feed).toEqual({ title: 'Bike Shop Notes', siteUrl: 'https://bikes.example/', language: 'de' });
    expect(posts[0]).toMatchObject({
      uri: 'https://bikes.example/posts/1',
      title: 'Neue Räder <3',
      text: 'Neue Räder <3\n\nWir haben neue Räder & Helme.',
      createdAt: '2024-03-01T09:00:00.000Z',
      languages: ['de'],
      author: { displayName: 'Jonas', url: 'https://bikes.example/jonas' },
    });
    expect(posts[1]).toMatchObject({
      uri: `${server.origin}/2`,
      url: 'https://news.example/bikes',
      title: null,
      text: 'Only text,\n\nwith spaces.',
      languages: ['en'],
      author: { displayName: 'Bike Shop' },
    });
  });

  it('reads RDF (RSS 1.0) in the encoding its XML declaration names', async () => {
    const { feed, posts, pollAfterMs } = await read('/rdf', fixture('rdf.xml'), 'application/rdf+xml');
    expect(feed).toEqual({ title: 'Forum Café', siteUrl: 'https://forum.example/', language: 'fr' });
    expect(posts).toEqual([
      expect.objectContaining({
        uri: 'https://forum.example/t/1',
        url: 'https://forum.example/t/1',
        text: 'Problème de livraison\n\nMa commande est en retard.',
        createdAt: '2024-02-28T18:00:00.000Z',
        author: expect.objectContaining({ displayName: 'lucie', handle: 'forum.example' }),
      }),
    ]);
    // sy:updatePeriod daily, twice: every twelve hours.
    expect(pollAfterMs).toBe(12 * 3_600_000);
  });
});
