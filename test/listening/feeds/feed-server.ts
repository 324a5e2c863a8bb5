/**
 * A web server on 127.0.0.1 that serves the feeds of a test, and a guarded client that may reach it: its address
 * policy lets loopback's 127.0.0.1 through, as the production policy lets public addresses through, and refuses
 * every other private range. The addresses the policy was asked about are recorded, to show that a refused one
 * was never connected to.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createGuardedFetch, type GuardedFetch } from '../../../src/net/guarded-fetch.js';

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface FeedServer {
  origin: string;
  /** Requests received, as `METHOD /path`. */
  hits: string[];
  /** The request headers of the last request to each path. */
  headers: Map<string, http.IncomingHttpHeaders>;
  fetch: GuardedFetch;
  /** Addresses the client's policy was asked about. */
  checked: string[];
  close(): Promise<void>;
}

export async function feedServer(routes: Record<string, Route>): Promise<FeedServer> {
  const hits: string[] = [];
  const headers = new Map<string, http.IncomingHttpHeaders>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.push(`${req.method} ${path}`);
    headers.set(path, req.headers);
    const route = routes[path];
    if (route) route(req, res);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const { port } = server.address() as AddressInfo;
  const checked: string[] = [];
  const fetch = createGuardedFetch({
    allowPrivateNetworks: false,
    policy: {
      isAllowed: (address) => {
        checked.push(address);
        return address === '127.0.0.1';
      },
    },
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    headers,
    fetch,
    checked,
    close: async () => {
      await fetch.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** A fixture's bytes, as written (some are not in UTF-8). */
export function fixture(name: string): Buffer {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
}

/** A route that answers a fixed document. */
export function serve(body: string | Buffer, type: string, extra: http.OutgoingHttpHeaders = {}): Route {
  return (_req, res) => res.writeHead(200, { 'content-type': type, ...extra }).end(body);
}
