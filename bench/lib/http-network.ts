import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectorError } from '../../src/connectors/errors.js';
import type { Capability, Connector, ConnectorDeps, NetworkLimits, PublishedPost } from '../../src/connectors/types.js';
import type { ConnectorFactory } from '../../src/modules/accounts/connector-factory.js';

/**
 * A fast network on loopback for the publishing benchmark: it answers at once and records when each post
 * arrived, so that what is measured is Ruche (scheduling, jobs, database), across worker processes.
 */
export async function startHttpNetwork() {
  const arrivals = new Map<string, number>();
  let duplicates = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const { key } = JSON.parse(body) as { key: string };
      // Same key twice is a retry the network absorbs; it would be a duplicate post on a network without keys.
      if (arrivals.has(key)) duplicates++;
      else arrivals.set(key, Date.now());
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: key }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrivals,
    duplicates: () => duplicates,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const limits: NetworkLimits = {
  text: { max: 300, unit: 'graphemes', urlWeight: null, contentWarningCounts: false },
  media: { maxCount: 4, maxBytes: 1_000_000, mimeTypes: ['image/jpeg'], altText: true, maxAltLength: 1000 },
  visibilities: ['public'],
  contentWarning: false,
};

export function httpNetworkConnectors(url: string): ConnectorFactory {
  return {
    create: (_network: string, deps: ConnectorDeps): Connector => ({
      network: 'bluesky',
      capabilities: new Set<Capability>(['publish']),
      limits: async () => limits,
      countText: async (t) => ({ used: t.length, max: 300 }),
      account: async () => ({ id: 'bench', handle: 'bench', displayName: null, followers: null }),
      async publish(post): Promise<PublishedPost> {
        const res = await fetch(`${url}/publish`, { method: 'POST', body: JSON.stringify({ key: post.idempotencyKey, account: (deps.credentials as { account: string }).account }) });
        if (!res.ok) throw new ConnectorError('bench', 'transient', `HTTP ${res.status}`);
        await res.arrayBuffer();
        return { ref: { id: post.idempotencyKey }, url: null, text: post.text, createdAt: '', alreadyExisted: false };
      },
      findExisting: async () => null,
      getPost: async () => null,
      delete: async () => {},
    }),
  };
}
