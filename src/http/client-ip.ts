import net from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The client's address. Behind `proxies` reverse proxies, each appends the address it saw to
 * X-Forwarded-For, so the client is that many entries from the right; anything further left was
 * written by the client and can say anything.
 */
export function clientIp(c: Context, proxies: number): string | null {
  if (proxies > 0) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    // Fewer entries than proxies (an outer proxy was bypassed): the left-most was still written by one of ours.
    const hop = hops.length ? hops[Math.max(0, hops.length - proxies)] : undefined;
    if (hop && net.isIP(hop)) return hop;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // Requests made in-process (app.request in tests) have no socket.
    return null;
  }
}
