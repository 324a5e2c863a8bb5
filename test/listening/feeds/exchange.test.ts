import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchFeed, type FetchFeedOptions } from '../../../src/modules/listening/feeds/fetch-feed.js';
import { FeedError } from '../../../src/modules/listening/feeds/feed-error.js';
import { feedServer, fixture, serve, type FeedServer, type Route } from './feed-server.js';

let server: FeedServer;
afterEach(() => server?.close());

async function start(routes: Record<string, Route>) {
  server = await feedServer(routes);
  return server;
}

const at = (path: string, opts: FetchFeedOptions = {}, previous = {}) =>
  fetchFeed(`${server.origin}${path}`, previous, { fetch: server.fetch, ...opts });

async function refusal(p: Promise<unknown>) {
  const err = await p.then(() => expect.fail('the feed was read'), (e: unknown) => e);
  expect(err).toBeInstanceOf(FeedError);
  const { reason, transient, status } = err as FeedError;
  return { reason, transient, status };
}

describe('fetchFeed: conditional requests', () => {
  it('sends the validators back and answers not_modified on a 304, keeping them', async () => {
    const etag = '"v1"';
    const lastModified = 'Tue, 05 Mar 2024 09:30:00 GMT';
    await start({
      '/feed.xml': (req, res) => {
        if (req.headers['if-none-match'] === etag) return res.writeHead(304, { 'cache-control': 'max-age=3600' }).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': lastModified }).end(fixture('rss2.xml'));
      },
    });
    const first = await at('/feed.xml');
    expect(first).toMatchObject({ status: 'ok', etag, lastModified });
    expect(server.headers.get('/feed.xml')?.['if-none-match']).toBeUndefined();

    const second = await at('/feed.xml', {}, { etag, lastModified });
    expect(server.headers.get('/feed.xml')).toMatchObject({ 'if-none-match': etag, 'if-modified-since': lastModified });
    expect(second).toEqual({ status: 'not_modified', etag, lastModified, finalUrl: `${server.origin}/feed.xml`, pollAfterMs: 3_600_000 });
  });
});

describe('fetchFeed: redirects', () => {
  it('follows a redirect on the same server and says where the feed was finally read', async () => {
    await start({
      '/old': (_q, res) => res.writeHead(301, { location: '/new' }).end(),
      '/new': serve(fixture('atom.xml'), 'application/atom+xml'),
    });
    const result = await at('/old');
    expect(result).toMatchObject({ status: 'ok', finalUrl: `${server.origin}/new` });
    expect(server.hits).toEqual(['GET /old', 'GET /new']);
  });

  it.each(['http://10.0.0.1/feed.xml', 'http://169.254.169.254/latest/meta-data/'])(
    'refuses a redirect to %s as blocked_address, before connecting',
    async (target) => {
      await start({ '/feed.xml': (_q, res) => res.writeHead(302, { location: target }).end() });
      expect(await refusal(at('/feed.xml'))).toEqual({ reason: 'blocked_address', transient: false, status: null });
      expect(server.checked).toEqual(['127.0.0.1', new URL(target).hostname]);
    },
  );

  it('reaches public addresses only when no client is given', async () => {
    await start({ '/feed.xml': serve(fixture('rss2.xml'), 'application/rss+xml') });
    expect(await refusal(fetchFeed(`${server.origin}/feed.xml`, {}))).toMatchObject({ reason: 'blocked_address' });
    expect(server.hits).toEqual([]);
  });

  it('refuses a redirect to another scheme', async () => {
    await start({ '/feed.xml': (_q, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end() });
    expect(await refusal(at('/feed.xml'))).toMatchObject({ reason: 'blocked_address' });
  });

  it('stops a redirect loop as too_many_redirects', async () => {
    await start({ '/loop': (_q, res) => res.writeHead(302, { location: '/loop' }).end() });
    expect(await refusal(at('/loop'))).toEqual({ reason: 'too_many_redirects', transient: false, status: null });
    expect(server.hits.length).toBe(6);
  });
});

describe('fetchFeed: what is not a readable feed', () => {
  it('calls a web page not_a_feed', async () => {
    await start({ '/': serve(fixture('page.html'), 'text/html; charset=utf-8') });
    expect(await refusal(at('/'))).toEqual({ reason: 'not_a_feed', transient: false, status: null });
  });

  it('calls broken XML malformed', async () => {
    await start({ '/feed.xml': serve(fixture('broken.xml'), 'application/rss+xml') });
    expect(await refusal(at('/feed.xml'))).toEqual({ reason: 'malformed', transient: false, status: null });
  });

  it('calls broken JSON malformed', async () => {
    const json = fixture('feed.json').toString('utf8');
    await start({ '/feed.json': serve(json.slice(0, json.length / 2), 'application/feed+json') });
    expect(await refusal(at('/feed.json'))).toMatchObject({ reason: 'malformed' });
  });

  it('gives the status of an error answer, and whether it may pass', async () => {
    await start({
      '/gone': (_q, res) => res.writeHead(410).end('gone'),
      '/down': (_q, res) => res.writeHead(502).end('bad gateway'),
    });
    expect(await refusal(at('/gone'))).toEqual({ reason: 'http_status', transient: false, status: 410 });
    expect(await refusal(at('/down'))).toEqual({ reason: 'http_status', transient: true, status: 502 });
  });

  it('calls a closed port unreachable, worth trying again', async () => {
    await start({});
    const closed = server.origin;
    await server.close();
    server = await feedServer({});
    expect(await refusal(fetchFeed(`${closed}/feed.xml`, {}, { fetch: server.fetch }))).toMatchObject({ reason: 'unreachable', transient: true });
  });
});

describe('fetchFeed: limits', () => {
  it('stops a body larger than the limit as too_large, whatever its length header says', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    await start({
      '/huge': (_q, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        let sent = 0;
        const pump = () => {
          while (sent < 64 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
          if (sent >= 64 * 1024 * 1024) res.end();
        };
        res.on('drain', pump);
        res.on('close', () => res.off('drain', pump));
        pump();
      },
      '/declared': (_q, res) => res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) }).end(),
    });
    expect(await refusal(at('/huge', { maxBytes: 1024 * 1024 }))).toEqual({ reason: 'too_large', transient: false, status: null });
    expect(await refusal(at('/declared', { maxBytes: 1024 * 1024 }))).toMatchObject({ reason: 'too_large' });
  });

  it('stops a gzip bomb at the limit, without reading the rest of it', async () => {
    // One gzip member of 16 MB of zeros is about 16 KB; 4,096 of them in a row are one valid 64 GB stream.
    const member = gzipSync(Buffer.alloc(16 * 1024 * 1024));
    const members = 4096;
    let written = 0;
    await start({
      '/bomb.xml': (_q, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
        const pump = () => {
          while (written < members && !res.destroyed) {
            written++;
            if (!res.write(member)) return;
          }
          if (written >= members) res.end();
        };
        res.on('drain', pump);
        pump();
      },
    });
    expect(await refusal(at('/bomb.xml', { maxBytes: 1024 * 1024 }))).toEqual({ reason: 'too_large', transient: false, status: null });
    // What reached the socket's buffers before the client hung up, far from the whole bomb.
    expect(written).toBeLessThan(members / 4);
  });

  it('gives up on a server that is too slow, as a timeout worth trying again', async () => {
    await start({
      '/slow': (_q, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      },
    });
    expect(await refusal(at('/slow', { timeoutMs: 300 }))).toEqual({ reason: 'timeout', transient: true, status: null });
  });
});
