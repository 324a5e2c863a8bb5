import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { clientIp } from './client-ip.js';

async function ipSeen(proxies: number, forwardedFor?: string) {
  const app = new Hono();
  app.get('/', (c) => c.text(String(clientIp(c, proxies))));
  const res = await app.request('/', { headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } });
  return res.text();
}

describe('client address behind reverse proxies', () => {
  it('takes the address our one proxy saw, not what the client wrote before it', async () => {
    expect(await ipSeen(1, '6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
    expect(await ipSeen(1, '203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts hops from the right with several proxies', async () => {
    expect(await ipSeen(2, '6.6.6.6, 203.0.113.8, 192.0.2.1')).toBe('203.0.113.8');
    expect(await ipSeen(3, '6.6.6.6, 203.0.113.9, 192.0.2.2, 192.0.2.1')).toBe('203.0.113.9');
    // An outer proxy bypassed: the one entry there is was written by our nearest proxy.
    expect(await ipSeen(2, '203.0.113.10')).toBe('203.0.113.10');
  });

  it('drops the port some proxies append', async () => {
    expect(await ipSeen(1, '6.6.6.6, 203.0.113.7:51234')).toBe('203.0.113.7');
    expect(await ipSeen(1, '[2001:db8::7]:443')).toBe('2001:db8::7');
    expect(await ipSeen(1, '2001:db8::8')).toBe('2001:db8::8');
  });

  it('believes no header when not behind a proxy, and no garbage behind one', async () => {
    expect(await ipSeen(0, '6.6.6.6')).toBe('null');
    expect(await ipSeen(1, '6.6.6.6, not-an-address')).toBe('null');
    expect(await ipSeen(1, ' , ')).toBe('null');
  });
});
