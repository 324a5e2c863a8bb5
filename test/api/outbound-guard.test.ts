import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { openConnector } from '../../src/modules/accounts/open-connector.js';
import { saveConnection } from '../../src/modules/accounts/service.js';
import { blockedCause, UNREACHABLE_MESSAGE } from '../../src/net/address-guard.js';
import { waitForStatus } from '../helpers/publishing.js';
import { INBOX_POLL } from '../../src/modules/inbound/job-names.js';

/** A server on loopback that counts what reaches it: the "inside" no outbound call may touch. */
async function recorder(host: string, answer: (req: http.IncomingMessage) => unknown) {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer(req))));
  });
  await new Promise<void>((resolve) => server.listen({ host, port: 0, ipv6Only: true }, resolve));
  const { port } = server.address() as AddressInfo;
  const close = () => new Promise((r) => server.close(r));
  return { hits, port, origin: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, close };
}

const appAnswer = { client_id: 'id', client_secret: 'secret' };

describe('outbound address guard, through the API', () => {
  let ruche: TestRuche;
  let owner: TestClient;
  let workspaceId: string;
  let userId: string;
  let inside: Awaited<ReturnType<typeof recorder>>;
  // A DNS of our own: one name leads inside, every other does not resolve. ::1 stands for the public internet.
  const asked: string[] = [];
  const resolve = async (name: string) => {
    asked.push(name);
    if (name === 'intranet.example') return [{ address: '127.0.0.1', family: 4 }];
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  };
  beforeAll(async () => {
    inside = await recorder('127.0.0.1', () => appAnswer);
    ruche = await startTestRuche('sqlite', {}, { outbound: { resolve, isAllowed: (a) => a === '::1' } });
    ({ client: owner, workspaceId, userId } = await setupOwner(ruche.url));
  });
  afterAll(async () => {
    await ruche?.stop();
    await inside?.close();
  });

  it('answers a name that leads inside exactly as a name that does not resolve', async () => {
    const mastodon = (instance: string) => owner.post(`/api/v1/workspaces/${workspaceId}/accounts/mastodon`, { instance });
    const bluesky = (service: string) =>
      owner.post(`/api/v1/workspaces/${workspaceId}/accounts/bluesky`, { service, identifier: 'me.test', appPassword: 'abcd-efgh-ijkl-mnop' });
    const answers = [
      await mastodon(`http://intranet.example:${inside.port}`),
      await mastodon(`http://nowhere.example:${inside.port}`),
      await bluesky(`http://intranet.example:${inside.port}`),
      await bluesky(`http://nowhere.example:${inside.port}`),
    ].map((r) => ({ status: r.status, body: r.body }));
    expect(answers[0]).toEqual({
      status: 400,
      body: { error: { code: 'blocked_address', message: expect.stringContaining('ALLOW_PRIVATE_NETWORKS=1') } },
    });
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(inside.hits).toEqual([]);
    expect((await owner.get(`/api/v1/workspaces/${workspaceId}/accounts`)).body.items).toEqual([]);
  });

  it('checks the PDS that a DID document names, when the account publishes', async () => {
    const did = 'did:plc:outboundguardtest';
    const entryway = await recorder('::1', () => ({
      did, handle: 'me.test', accessJwt: 'access', refreshJwt: 'refresh',
      didDoc: {
        '@context': ['https://www.w3.org/ns/did/v1'], id: did, alsoKnownAs: ['at://me.test'],
        service: [{ id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: `http://intranet.example:${inside.port}` }],
      },
    }));
    try {
      const connected = await owner.post(`/api/v1/workspaces/${workspaceId}/accounts/bluesky`, {
        service: entryway.origin, identifier: 'me.test', appPassword: 'abcd-efgh-ijkl-mnop',
      });
      expect(connected.status).toBe(201);
      const account = await ruche.ctx.store.db
        .selectFrom('social_accounts').select(['id', 'network', 'credentials']).where('id', '=', connected.body.id).executeTakeFirstOrThrow();
      const failure = await openConnector(ruche.ctx, account).publish({ idempotencyKey: '3l2outboundgu', text: 'hello' }).catch((e: unknown) => e);
      expect(blockedCause(failure)).not.toBeNull();
      expect(failure).toMatchObject({ kind: 'rejected', retryable: false, message: UNREACHABLE_MESSAGE });
      expect(entryway.hits).toEqual(['POST /xrpc/com.atproto.server.createSession']);
      expect(inside.hits).toEqual([]);
    } finally {
      await entryway.close();
    }
  });

  it('fails a post to accounts whose servers lead inside at the first attempt, in the guard’s words', async () => {
    const lookups = () => asked.filter((name) => name === 'intranet.example').length;
    const server = `http://intranet.example:${inside.port}`;
    const connect = (network: 'mastodon' | 'bluesky', credentials: Record<string, unknown>) => saveConnection(ruche.ctx, {
      workspaceId, userId, network, serviceUrl: server, ip: null, credentials: { ...credentials, network },
      account: { id: `${network}-inside`, handle: `${network}-inside`, displayName: null, followers: null },
    });
    const accountIds = [
      await connect('mastodon', { instanceUrl: server, accessToken: 'token', accountId: '1' }),
      await connect('bluesky', { service: server, pdsUrl: server, did: 'did:plc:inside', handle: 'inside.test', accessJwt: 'a', refreshJwt: 'r' }),
    ];
    // Connecting starts the inbox's backfill, which the guard refuses too; the post's own attempts are counted after.
    for (let settled = false; !settled; await new Promise((r) => setTimeout(r, 100))) {
      const busy = await ruche.ctx.store.db.selectFrom('jobs').select('id').where('type', '=', INBOX_POLL)
        .where('status', 'in', ['queued', 'running']).execute();
      settled = busy.length === 0;
    }
    const backfill = await ruche.ctx.store.db.selectFrom('inbox_sources').select(['account_id', 'last_error']).where('account_id', 'in', accountIds).execute();
    expect(backfill.length).toBeGreaterThan(0);
    for (const row of backfill) expect(row.last_error).toContain(UNREACHABLE_MESSAGE);
    const before = lookups();
    const posts = `/api/v1/workspaces/${workspaceId}/posts`;
    // Sent now once approved, rather than planned a moment ahead that a busy machine could pass before submitting.
    const created = await owner.post(posts, { body: 'Bonjour', accountIds });
    await owner.post(`${posts}/${created.body.id}/submit`);
    expect((await owner.post(`${posts}/${created.body.id}/schedule`, { at: 'now' })).status).toBe(200);
    const done = await waitForStatus(owner, workspaceId, created.body.id, ['failed', 'unknown', 'published']);
    expect(done.status).toBe('failed');
    const errors = Object.fromEntries(done.targets.map((t: { network: string; error: unknown }) => [t.network, t.error]));
    const refused = { kind: 'rejected', message: UNREACHABLE_MESSAGE };
    expect(errors).toEqual({ mastodon: refused, bluesky: refused });
    // One attempt per account: the server's name was looked up once each, and nothing reached it.
    expect(lookups() - before).toBe(2);
    expect(inside.hits).toEqual([]);
  });
});

describe('outbound calls on an install that allows private networks', () => {
  it('reaches a Mastodon instance on the private network', async () => {
    const instance = await recorder('127.0.0.1', () => appAnswer);
    const ruche = await startTestRuche('sqlite', { ALLOW_PRIVATE_NETWORKS: '1' });
    try {
      const { client, workspaceId } = await setupOwner(ruche.url);
      const res = await client.post(`/api/v1/workspaces/${workspaceId}/accounts/mastodon`, { instance: instance.origin });
      expect(res.status).toBe(200);
      expect(res.body.authorizeUrl).toMatch(new RegExp(`^${instance.origin}/oauth/authorize\\?`));
      expect(instance.hits).toEqual(['POST /api/v1/apps']);
    } finally {
      await ruche.stop();
      await instance.close();
    }
  });
});
