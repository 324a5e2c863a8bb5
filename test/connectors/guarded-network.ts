/**
 * A guarded fetch as the app holds it, with a DNS of our own, and a server on loopback ("the inside") that
 * records whatever reaches it: `intranet.example` leads there, `flaky.example` meets a resolver that fails for
 * now (EAI_AGAIN).
 */
import { createGuardedFetch, type GuardedFetch } from '../../src/net/guarded-fetch.js';
import type { Resolver } from '../../src/net/guarded-dispatcher.js';
import { startFakeServer } from './fake-server.js';

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
  const inside = await startFakeServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  const { port } = new URL(inside.url);
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
      await inside.close();
    },
  };
}
