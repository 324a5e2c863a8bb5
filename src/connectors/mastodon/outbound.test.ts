/**
 * Calls through the guarded fetch the app gives connectors: an instance the guard refuses, and answers past
 * its limits. What each becomes decides whether publishing retries, checks, or stops with words to show.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { blockedCause } from '../../net/address-guard.js';
import { createGuardedFetch, type GuardedFetch } from '../../net/guarded-fetch.js';
import { guardedNetwork, type GuardedNetwork } from '../../../test/connectors/guarded-network.js';
import type { ConnectorError } from '../errors.js';
import { MastodonConnector, registerMastodonApp } from './index.js';

const failure = (p: Promise<unknown>) => p.then(() => expect.fail('it went through'), (e: unknown) => e as ConnectorError);
const connector = (instanceUrl: string, fetch: typeof globalThis.fetch) =>
  new MastodonConnector({ credentials: { network: 'mastodon', instanceUrl, accessToken: 'token', accountId: '1' }, fetch });

describe('a Mastodon instance the guard refuses', () => {
  let net: GuardedNetwork;
  beforeAll(async () => {
    net = await guardedNetwork();
  });
  afterAll(() => net.close());
  afterEach(() => expect(net.hits).toEqual([]));

  it('fails a publish at once, as final, in the guard’s words for the administrator', async () => {
    const err = await failure(connector(net.origin('intranet.example'), net.fetch).publish({ idempotencyKey: 'p1', text: 'Bonjour' }));
    expect(err).toMatchObject({ kind: 'rejected', networkCode: 'blocked_address', retryable: false, action: 'fix' });
    expect(err.message).toMatch(/ALLOW_PRIVATE_NETWORKS=1/);
  });

  it('refuses a write the same way, and the refusal can still be found behind the error', async () => {
    const err = await failure(registerMastodonApp({
      instanceUrl: net.origin('intranet.example'), redirectUri: 'https://ruche.example/cb', clientName: 'Ruche', fetch: net.fetch,
    }));
    expect(err).toMatchObject({ kind: 'rejected', networkCode: 'blocked_address' });
    expect(blockedCause(err)?.message).toBe(err.message);
  });

  it('keeps a resolver that fails for now retryable: nothing was sent, and a later try may pass', async () => {
    const err = await failure(connector(net.origin('flaky.example'), net.fetch).publish({ idempotencyKey: 'p2', text: 'Bonjour' }));
    expect(err).toMatchObject({ kind: 'transient', networkCode: 'unreachable', retryable: true });
  });
});

describe('Mastodon answers past the guarded fetch’s limits', () => {
  const BIG = 'x'.repeat(5000);
  let server: http.Server;
  let origin: string;
  let client: GuardedFetch;
  const posts: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/api/v2/instance') return res.writeHead(404).end('{"error":"Record not found"}');
      if (req.method === 'POST') posts.push(`${req.headers['idempotency-key']}`);
      if (req.url === '/api/v1/statuses/declared') return res.writeHead(200, { 'content-length': BIG.length }).end(BIG);
      if (req.url === '/api/v1/statuses/stalled') return res.writeHead(200).write('{"id":');
      res.writeHead(200, { 'content-type': 'application/json' }).end(BIG);
    });
    await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    client = createGuardedFetch({ allowPrivateNetworks: true, limits: { maxBytes: 1000, timeoutMs: 1000 } });
  });
  afterAll(async () => {
    await client.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('a read whose answer is too large, declared or not, is passing trouble to retry, not an unhandled error', async () => {
    for (const id of ['streamed', 'declared']) {
      const err = await failure(connector(origin, client).postMetrics([{ id }]));
      expect(err, id).toMatchObject({ name: 'ConnectorError', kind: 'transient', networkCode: 'answer_too_large', retryable: true });
    }
  });

  it('a read whose answer stops halfway is passing trouble', async () => {
    const err = await failure(connector(origin, client).postMetrics([{ id: 'stalled' }]));
    expect(err).toMatchObject({ name: 'ConnectorError', kind: 'transient', networkCode: 'no_answer', retryable: true });
  });

  it('a post answered too large was processed: asked again with its key, then its outcome is unknown', async () => {
    const err = await failure(connector(origin, client).publish({ idempotencyKey: 'big-1', text: 'Bonjour' }));
    expect(err).toMatchObject({ kind: 'unknown_outcome', action: 'check' });
    expect(posts).toEqual(['ruche:big-1', 'ruche:big-1', 'ruche:big-1']);
  });
});
