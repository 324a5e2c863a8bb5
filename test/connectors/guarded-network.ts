/**
 * A guarded fetch as the app holds it, with a DNS of our own, and a server on loopback ("the inside") that
 * records whatever reaches it: `intranet.example` leads there, `flaky.example` meets a resolver that fails for
 * now (EAI_AGAIN).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGuardedFetch, type GuardedFetch } from '../../src/net/guarded-fetch.js';
import type { Resolver } from '../../src/net/guarded-dispatcher.js';

export interface GuardedNetwork {
  fetch: GuardedFetch;
  /** `http://<name>:<port>`, the port being the inside server's. */
  origin(name: 'intranet.example' | 'flaky.example'): string;
  /** Requests that reached the inside. */
  hits: string[];
  close(): Promise<void>;
}

export async function guardedNetwork(): Promise<GuardedNetwork> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const { port } = server.address() as AddressInfo;
  const resolve: Resolver = async (name) => {
    if (name === 'intranet.example') return [{ address: '127.0.0.1', family: 4 }];
    const code = name === 'flaky.example' ? 'EAI_AGAIN' : 'ENOTFOUND';
    throw Object.assign(new Error(`getaddrinfo ${code} ${name}`), { code });
  };
  const fetch = createGuardedFetch({ allowPrivateNetworks: false, policy: { resolve } });
  return {
    fetch,
    origin: (name) => `http://${name}:${port}`,
    hits,
    close: async () => {
      await fetch.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
