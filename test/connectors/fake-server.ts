/**
 * Where every fake server of the connectors' tests listens (a network, a media host, an intranet): a real HTTP server
 * on a free loopback port.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeServer {
  url: string;
  server: Server;
  /** Ends kept-alive connections too, so a suite does not wait for a client's idle sockets to time out. */
  close(): Promise<void>;
}

export async function startFakeServer(handler: RequestListener): Promise<FakeServer> {
  const server = createServer(handler);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}
