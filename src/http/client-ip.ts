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
    const hop = withoutPort(hops.length ? hops[Math.max(0, hops.length - proxies)] : '');
    if (net.isIP(hop)) return hop;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // Requests made in-process (app.request in tests) have no socket.
    return null;
  }
}

/** Some proxies write the client's port too: "203.0.113.7:51234", "[2001:db8::1]:51234". */
function withoutPort(hop: string): string {
  const v6 = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (v6) return v6[1];
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(hop);
  return v4 ? v4[1] : hop;
}
