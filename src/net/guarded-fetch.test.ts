import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { afterEach, describe, expect, it } from 'vitest';
import { createGuardedFetch, type GuardedFetch, type OutboundLimits } from './guarded-fetch.js';
import type { Resolver } from './guarded-dispatcher.js';

/** A server on loopback that records every request it gets. */
interface Loopback {
  port: number;
  origin: string;
  hits: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }>;
}

const servers: http.Server[] = [];
const clients: GuardedFetch[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function loopback(host: '127.0.0.1' | '::1', handler: http.RequestListener = (_q, s) => s.end('ok'), port = 0): Promise<Loopback> {
  const hits: Loopback['hits'] = [];
  const server = http.createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    hits.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen({ host, port, ipv6Only: true }, resolve));
  const actual = (server.address() as AddressInfo).port;
  return { port: actual, origin: `http://${host.includes(':') ? `[${host}]` : host}:${actual}`, hits };
}

/** One port answered by two servers: ::1 (which the tests count as public) and 127.0.0.1 (the inside). */
async function outsideAndInside(outsideHandler?: http.RequestListener) {
  for (let attempt = 0; ; attempt++) {
    const inside = await loopback('127.0.0.1', (_q, s) => s.end('inside'));
    try {
      return { inside, outside: await loopback('::1', outsideHandler ?? ((_q, s) => s.end('outside')), inside.port) };
    } catch (err) {
      if (attempt > 5) throw err;
    }
  }
}

/** A DNS that answers from a table, in turn when a name has several answers, and counts the questions. */
function fakeDns(table: Record<string, string[][]>) {
  const asked: string[] = [];
  const resolve: Resolver = async (name) => {
    asked.push(name);
    const turns = table[name];
    if (!turns) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    const answer = turns[Math.min(asked.filter((n) => n === name).length, turns.length) - 1];
    return answer.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, asked };
}

function guarded(policy: { resolve?: Resolver; isAllowed?: (a: string) => boolean } = {}, limits?: OutboundLimits, allowPrivateNetworks = false) {
  const client = createGuardedFetch({ allowPrivateNetworks, policy, limits });
  clients.push(client);
  return client;
}

const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(() => expect.fail('the call went through'), (e: unknown) => e as Error & { code?: string });
  return { name: err.name, code: err.code, message: err.message };
};
const pretendPublic = (a: string) => a === '::1';

describe('guarded fetch: where it connects', () => {
  it('refuses a name that resolves to loopback with the same answer as a name that does not resolve', async () => {
    const inside = await loopback('127.0.0.1');
    const client = guarded(fakeDns({ 'intranet.example': [['127.0.0.1']] }));
    const resolvesInside = await refusal(client(`http://intranet.example:${inside.port}/`));
    const resolvesNowhere = await refusal(client(`http://nowhere.example:${inside.port}/`));
    expect(resolvesInside).toEqual({ name: 'BlockedAddressError', code: 'blocked_address', message: expect.stringMatching(/ALLOW_PRIVATE_NETWORKS=1/) });
    expect(resolvesNowhere).toEqual(resolvesInside);
    expect(await refusal(guarded()(`http://localhost:${inside.port}/`))).toEqual(resolvesInside);
    expect(inside.hits).toEqual([]);
  });

  it('tells a resolver failing for now (EAI_AGAIN) from a name that does not resolve, without changing the answer', async () => {
    const busy: Resolver = async (name) => {
      throw Object.assign(new Error(`getaddrinfo EAI_AGAIN ${name}`), { code: 'EAI_AGAIN' });
    };
    const forNow = await guarded({ resolve: busy })('http://busy.example/').catch((e: unknown) => e);
    const nowhere = await guarded(fakeDns({}))('http://nowhere.example/').catch((e: unknown) => e);
    expect(forNow).toMatchObject({ code: 'blocked_address', temporary: true });
    expect(nowhere).toMatchObject({ code: 'blocked_address', temporary: false, message: (forNow as Error).message });
  });

  it('refuses loopback written as an address, in IPv4 and in IPv6 forms that map to it', async () => {
    const inside = await loopback('127.0.0.1');
    const client = guarded(fakeDns({ 'mapped.example': [['::ffff:127.0.0.1']], 'nat64.example': [['64:ff9b::7f00:1']] }));
    for (const host of ['127.0.0.1', '[::1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '0x7f000001', 'mapped.example', 'nat64.example']) {
      expect((await refusal(client(`http://${host}:${inside.port}/`))).code, host).toBe('blocked_address');
    }
    expect(inside.hits).toEqual([]);
  });

  it('refuses a name when any of its addresses is private', async () => {
    const { inside, outside } = await outsideAndInside();
    const client = guarded({ ...fakeDns({ 'split.example': [['::1', '127.0.0.1']] }), isAllowed: pretendPublic });
    expect((await refusal(client(`http://split.example:${inside.port}/`))).code).toBe('blocked_address');
    expect([...inside.hits, ...outside.hits]).toEqual([]);
  });

  it('resolves once and connects to the address it checked, so DNS rebinding never reaches the inside', async () => {
    const { inside, outside } = await outsideAndInside();
    // The first answer is "public", every later one is loopback: a second look-up would land inside.
    const dns = fakeDns({ 'rebind.example': [['::1'], ['127.0.0.1']] });
    const res = await guarded({ ...dns, isAllowed: pretendPublic })(`http://rebind.example:${inside.port}/`);
    expect(await res.text()).toBe('outside');
    expect(dns.asked).toEqual(['rebind.example']);
    const again = await refusal(guarded({ ...dns, isAllowed: pretendPublic })(`http://rebind.example:${inside.port}/`));
    expect(again.code).toBe('blocked_address');
    expect(inside.hits).toEqual([]);
    expect(outside.hits).toHaveLength(1);
  });

  it('lets an install that allows private networks call them, within the same limits', async () => {
    const inside = await loopback('127.0.0.1', (q, s) => s.end(q.url === '/small' ? 'inside' : 'x'.repeat(5000)));
    const client = guarded({}, { maxBytes: 1000 }, true);
    expect(await (await client(`${inside.origin}/small`)).text()).toBe('inside');
    await expect(client(`${inside.origin}/large`)).rejects.toMatchObject({ code: 'response_too_large' });
    expect(inside.hits).toHaveLength(2);
  });
});

describe('guarded fetch: redirects', () => {
  it('checks every hop and refuses one that leads inside', async () => {
    const inside = await loopback('127.0.0.1');
    const outside = await loopback('::1', (_q, s) => s.writeHead(302, { location: `http://127.0.0.1:${inside.port}/secret` }).end());
    const client = guarded({ isAllowed: pretendPublic });
    expect((await refusal(client(`${outside.origin}/go`))).code).toBe('blocked_address');
    const named = guarded({ ...fakeDns({ 'inside.example': [['127.0.0.1']] }), isAllowed: pretendPublic });
    const toName = await loopback('::1', (_q, s) => s.writeHead(307, { location: `http://inside.example:${inside.port}/` }).end());
    expect((await refusal(named(`${toName.origin}/go`))).code).toBe('blocked_address');
    expect(inside.hits).toEqual([]);
    expect(outside.hits).toHaveLength(1);
  });

  it('refuses hops to other schemes and to addresses with credentials', async () => {
    for (const location of ['file:///etc/passwd', 'http://user:pw@example.com/', 'http://[nonsense']) {
      const outside = await loopback('::1', (_q, s) => s.writeHead(301, { location }).end());
      expect((await refusal(guarded({ isAllowed: pretendPublic })(outside.origin))).code).toBe('blocked_address');
    }
  });

  it('follows allowed hops as fetch does, without credentials across origins', async () => {
    const target = await loopback('::1', (q, s) => s.end(`${q.method} ${q.url}`));
    const start = await loopback('::1', (q, s) => {
      if (q.url === '/see-other') s.writeHead(303, { location: '/landed' }).end();
      else if (q.url === '/landed') s.end(`${q.method} ${q.url}`);
      else s.writeHead(307, { location: `${target.origin}/moved` }).end();
    });
    const client = guarded({ isAllowed: pretendPublic });
    const seeOther = await client(`${start.origin}/see-other`, { method: 'POST', body: 'hello' });
    expect(await seeOther.text()).toBe('GET /landed');
    expect(seeOther).toMatchObject({ redirected: true, url: `${start.origin}/landed` });

    const headers = { authorization: 'Bearer secret' };
    expect(await (await client(`${start.origin}/keep`, { method: 'POST', body: 'hello', headers })).text()).toBe('POST /moved');
    // As the AT Protocol client calls it: one Request holding everything.
    await client(new Request(`${start.origin}/keep`, { method: 'POST', body: 'again', headers }));
    expect(target.hits.map((h) => [h.method, h.body, h.headers.authorization])).toEqual([['POST', 'hello', undefined], ['POST', 'again', undefined]]);
    expect(start.hits.filter((h) => h.url === '/keep').map((h) => h.headers.authorization)).toEqual(['Bearer secret', 'Bearer secret']);
  });

  it('stops after a few redirects', async () => {
    const loop = await loopback('::1', (_q, s) => s.writeHead(302, { location: '/again' }).end());
    const err = await refusal(guarded({ isAllowed: pretendPublic }, { maxRedirects: 3 })(loop.origin));
    expect(err.code).toBe('too_many_redirects');
    expect(loop.hits).toHaveLength(4);
  });

  it('hands a redirect back untouched when asked not to follow, and fails when asked to', async () => {
    const inside = await loopback('127.0.0.1');
    const outside = await loopback('::1', (_q, s) => s.writeHead(302, { location: `${inside.origin}/` }).end());
    const client = guarded({ isAllowed: pretendPublic });
    const res = await client(outside.origin, { redirect: 'manual' });
    expect([res.status, res.headers.get('location')]).toEqual([302, `${inside.origin}/`]);
    await expect(client(outside.origin, { redirect: 'error' })).rejects.toThrow(/redirect/);
    expect(inside.hits).toEqual([]);
  });
});

describe('guarded fetch: size and time limits', () => {
  const client = () => guarded({ isAllowed: pretendPublic }, { maxBytes: 1000, timeoutMs: 200 });

  it('reads answers up to the size limit and fails past it, declared or not', async () => {
    const server = await loopback('::1', (q, s) => {
      const size = Number(q.url?.slice(1));
      if (q.headers['x-declare']) s.setHeader('content-length', size);
      s.write('x'.repeat(size / 2));
      s.end('x'.repeat(size / 2));
    });
    expect(await (await client()(`${server.origin}/1000`)).text()).toHaveLength(1000);
    await expect((await client()(`${server.origin}/4000`)).text()).rejects.toMatchObject({ code: 'response_too_large' });
    await expect(client()(`${server.origin}/4000`, { headers: { 'x-declare': '1' } })).rejects.toMatchObject({ code: 'response_too_large' });
  });

  it('gives up on a server that does not answer, or stops halfway', async () => {
    const silent = await loopback('::1', () => {});
    await expect(client()(silent.origin)).rejects.toMatchObject({ name: 'TimeoutError' });
    const stalling = await loopback('::1', (_q, s) => s.writeHead(200).write('partial'));
    const res = await client()(stalling.origin);
    await expect(res.text()).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});

describe('guarded fetch: event streams', () => {
  const stream = { idleTimeoutMs: 300, maxEventBytes: 100 };
  const client = () => guarded({ isAllowed: pretendPublic }, { maxBytes: 1000, timeoutMs: 200 });
  const readAll = async (res: Response) => {
    const chunks: string[] = [];
    const decoder = new TextDecoder();
    try {
      const reader = res.body!.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(decoder.decode(r.value));
      return { text: chunks.join(''), error: null };
    } catch (err) {
      return { text: chunks.join(''), error: err as Error & { code?: string } };
    }
  };

  it('reads a stream longer than the overall time limit and larger than the size limit while it keeps talking', async () => {
    const server = await loopback('::1', (_q, s) => {
      s.writeHead(200, { 'content-type': 'text/event-stream' });
      let sent = 0;
      const tick = setInterval(() => {
        s.write(`:thump\ndata: ${'x'.repeat(60)}\n\n`);
        if (++sent === 15) {
          clearInterval(tick);
          s.end();
        }
      }, 50);
    });
    const { text, error } = await readAll(await client()(server.origin, {}, { stream }));
    expect(error).toBeNull();
    expect(text.length).toBeGreaterThan(1000);
    expect(text.match(/data: x+\n\n/g)).toHaveLength(15);
  });

  it('cuts a stream that stays silent, heartbeats counting as signs of life', async () => {
    const server = await loopback('::1', (_q, s) => {
      s.writeHead(200, { 'content-type': 'text/event-stream' });
      let beats = 0;
      const tick = setInterval(() => {
        if (++beats > 4) return clearInterval(tick);
        s.write(':thump\n');
      }, 100);
    });
    const { text, error } = await readAll(await client()(server.origin, {}, { stream }));
    expect(text).toBe(':thump\n'.repeat(4));
    expect(error).toMatchObject({ code: 'stream_idle' });
  });

  it('cuts a stream whose one event grows past the cap, in any line ending, comments not counted', async () => {
    const events = [
      'data: short\r\n\r\n',
      `:${'c'.repeat(500)}\n`,
      `data: ${'y'.repeat(50)}\rdata: ${'y'.repeat(30)}\r\r`,
      `data: ${'z'.repeat(60)}\ndata: ${'z'.repeat(60)}\n\n`,
    ];
    const server = await loopback('::1', (_q, s) => {
      s.writeHead(200, { 'content-type': 'text/event-stream' });
      events.forEach((e, i) => setTimeout(() => s.write(e), i * 30));
    });
    const { text, error } = await readAll(await client()(server.origin, {}, { stream }));
    expect(error).toMatchObject({ code: 'event_too_large' });
    expect(text).toBe(events.slice(0, 3).join(''));
  });

  it('still gives up on a server that never sends the answer’s headers, and stops when the caller aborts', async () => {
    const silent = await loopback('::1', () => {});
    await expect(client()(silent.origin, {}, { stream })).rejects.toMatchObject({ name: 'TimeoutError' });
    const talking = await loopback('::1', (_q, s) => {
      s.writeHead(200, { 'content-type': 'text/event-stream' });
      const tick = setInterval(() => s.write(':thump\n'), 50);
      s.on('close', () => clearInterval(tick));
    });
    const caller = new AbortController();
    const res = await client()(talking.origin, { signal: caller.signal }, { stream });
    setTimeout(() => caller.abort(), 150);
    const { error } = await readAll(res);
    expect(error).toMatchObject({ name: 'AbortError' });
  });

  it('keeps the address check for streams', async () => {
    const inside = await loopback('127.0.0.1');
    const err = await refusal(guarded(fakeDns({ 'intranet.example': [['127.0.0.1']] }))(`http://intranet.example:${inside.port}/`, {}, { stream }));
    expect(err.code).toBe('blocked_address');
    expect(inside.hits).toEqual([]);
  });
});
