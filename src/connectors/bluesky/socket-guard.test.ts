/** A live socket meets the same address rules as the guarded fetch: checked where it connects, every answer. */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { BlockedAddressError } from '../../net/address-guard.js';
import { checkSocketHost, guardedLookup } from './socket-guard.js';

describe('bluesky live socket address guard', () => {
  let server: WebSocketServer;
  let port: number;
  let connections = 0;
  beforeAll(async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    server.on('connection', (s) => {
      connections++;
      s.close();
    });
    await new Promise((r) => server.once('listening', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const open = (allowPrivate: boolean) =>
    new Promise<unknown>((resolve) => {
      const ws = new WebSocket(`ws://localhost:${port}`, { lookup: guardedLookup(allowPrivate) } as unknown as ConstructorParameters<typeof WebSocket>[2]);
      ws.on('open', () => resolve('open'));
      ws.on('error', (err) => resolve(err));
    });

  it('refuses a name that resolves to loopback, before any connection is made', async () => {
    expect(await open(false)).toBeInstanceOf(BlockedAddressError);
    expect(connections).toBe(0);
    await expect(checkSocketHost(new URL(`ws://localhost:${port}`), false)).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(checkSocketHost(new URL('wss://[::1]/'), false)).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(checkSocketHost(new URL('wss://169.254.169.254/'), false)).rejects.toBeInstanceOf(BlockedAddressError);
  });

  it('connects when private networks are allowed', async () => {
    expect(await open(true)).toBe('open');
    expect(connections).toBe(1);
    await expect(checkSocketHost(new URL('ws://127.0.0.1/'), true)).resolves.toBeUndefined();
  });
});
