import { afterEach, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../../src/modules/listening/feeds/fetch-feed.js';
import { FeedError } from '../../../src/modules/listening/feeds/feed-error.js';
import { feedServer, serve, type FeedServer } from './feed-server.js';

const NOW = Date.parse('2024-06-01T00:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let server: FeedServer;
afterEach(() => server?.close());

const rss = (channel: string) =>
  '<?xml version="1.0"?><rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">' +
  `<channel><title>T</title>${channel}<item><guid>a</guid></item></channel></rss>`;

async function interval(body: string, headers: Record<string, string> = {}) {
  server = await feedServer({ '/feed.xml': serve(body, 'application/rss+xml', headers) });
  const result = await fetchFeed(`${server.origin}/feed.xml`, {}, { fetch: server.fetch, now: NOW });
  await server.close();
  return result.pollAfterMs;
}

describe('fetchFeed: when to ask again', () => {
  it('waits 15 minutes when neither the feed nor its server says', async () => {
    expect(await interval(rss(''))).toBe(15 * MINUTE);
  });

  it('respects the RSS ttl, in minutes', async () => {
    expect(await interval(rss('<ttl>90</ttl>'))).toBe(90 * MINUTE);
  });

  it('respects the syndication module: hourly, four times', async () => {
    expect(await interval(rss('<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>'))).toBe(15 * MINUTE);
  });

  it('respects Cache-Control max-age, and takes the longest of what is said', async () => {
    expect(await interval(rss(''), { 'cache-control': 'public, max-age=7200' })).toBe(2 * HOUR);
    expect(await interval(rss('<ttl>30</ttl>'), { 'cache-control': 'max-age=7200' })).toBe(2 * HOUR);
    expect(await interval(rss('<ttl>300</ttl>'), { 'cache-control': 'max-age=7200' })).toBe(5 * HOUR);
  });

  it('never asks more often than every 5 minutes nor less often than daily', async () => {
    expect(await interval(rss('<ttl>1</ttl>'), { 'cache-control': 'max-age=10' })).toBe(5 * MINUTE);
    expect(await interval(rss('<ttl>100000</ttl>'))).toBe(24 * HOUR);
    expect(await interval(rss('<sy:updatePeriod>yearly</sy:updatePeriod>'))).toBe(24 * HOUR);
  });

  it('ignores intervals that are not numbers', async () => {
    expect(await interval(rss('<ttl>soon</ttl><sy:updatePeriod>fortnightly</sy:updatePeriod>'))).toBe(15 * MINUTE);
  });

  it('gives Retry-After on 429 and 503 with the error, in seconds or as a date, within the same bounds', async () => {
    server = await feedServer({
      '/busy': (_q, res) => res.writeHead(429, { 'retry-after': '3600' }).end(),
      '/maintenance': (_q, res) => res.writeHead(503, { 'retry-after': new Date(NOW + 2 * HOUR).toUTCString() }).end(),
      '/hurry': (_q, res) => res.writeHead(429, { 'retry-after': '5' }).end(),
      '/plain': (_q, res) => res.writeHead(503).end(),
    });
    const waits: Record<string, unknown> = {};
    for (const path of ['/busy', '/maintenance', '/hurry', '/plain']) {
      const err = await fetchFeed(`${server.origin}${path}`, {}, { fetch: server.fetch, now: NOW }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FeedError);
      waits[path] = { transient: (err as FeedError).transient, pollAfterMs: (err as FeedError).pollAfterMs };
    }
    expect(waits).toEqual({
      '/busy': { transient: true, pollAfterMs: HOUR },
      '/maintenance': { transient: true, pollAfterMs: 2 * HOUR },
      '/hurry': { transient: true, pollAfterMs: 5 * MINUTE },
      '/plain': { transient: true, pollAfterMs: null },
    });
  });
});
