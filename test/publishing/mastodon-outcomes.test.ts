/**
 * What a post becomes when a Mastodon-compatible server fails it, through the whole app: the real connector
 * against the documented-API fake (no Mastodon server installs here) with the quirks of Hollo, a real
 * compatible server that answers invalid input with a bare 500 and renders statuses from Markdown.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { inSeconds, waitForStatus } from '../helpers/publishing.js';
import { MastodonFake } from '../connectors/mastodon-fake.js';
import type { FakeAccount } from '../connectors/mastodon-fake-state.js';
import { lossyFetch } from '../connectors/lossy-fetch.js';
import { MastodonConnector } from '../../src/connectors/mastodon/index.js';
import { saveConnection } from '../../src/modules/accounts/service.js';

describe.each(databases)('publishing to a Mastodon-compatible server that fails, on %s', (kind) => {
  let fake: MastodonFake;
  const lossy = lossyFetch();
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let me: FakeAccount;
  let accountId: string;

  beforeAll(async () => {
    fake = await new MastodonFake({ quirks: 'hollo' }).start();
    me = fake.createAccount('ruche');
    ruche = await startTestRuche(kind, {}, {
      connectors: { create: (_network, deps) => new MastodonConnector({ ...deps, fetch: lossy.fetch }) },
    });
    const setup = await setupOwner(ruche.url);
    ({ client: owner, workspaceId: ws } = setup);
    accountId = await saveConnection(ruche.ctx, {
      workspaceId: ws, userId: setup.userId, network: 'mastodon', serviceUrl: fake.url, ip: null,
      credentials: { network: 'mastodon', instanceUrl: fake.url, accessToken: me.token, accountId: me.id },
      account: { id: me.id, handle: me.username, displayName: null, followers: null },
    });
  });
  afterAll(async () => {
    await ruche?.stop();
    await fake?.close();
  });
  afterEach(() => {
    fake.failNext = { count: 0, status: 500 };
  });

  const posts = (p = '') => `/api/v1/workspaces/${ws}/posts${p}`;
  const creates = () => fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/statuses').length;
  const schedule = async (body: string) => {
    const created = await owner.post(posts(), { body, accountIds: [accountId], scheduledAt: inSeconds(1) });
    await owner.post(posts(`/${created.body.id}/submit`));
    return created.body.id as string;
  };

  it('a server error that says why fails the post at once, in the server’s words', async () => {
    fake.failNext = { count: 10, status: 500, path: '/api/v1/statuses', message: 'The status you are replying to no longer exists' };
    const before = creates();
    const id = await schedule('Réponse à un message effacé');
    const done = await waitForStatus(owner, ws, id, ['failed', 'unknown', 'published']);
    expect(done.status).toBe('failed');
    expect(done.targets[0].error).toEqual({ kind: 'rejected', message: 'The status you are replying to no longer exists' });
    expect(creates() - before).toBe(1);
  });

  it('a bare 500 is tried again later, and the same answer twice ends it with the server’s words', async () => {
    fake.failNext = { count: 10, status: 500, path: '/api/v1/statuses' };
    const before = creates();
    const id = await schedule('Une image que le serveur ne sait pas lire');
    const done = await waitForStatus(owner, ws, id, ['failed', 'unknown', 'published']);
    expect(done.status).toBe('failed');
    expect(done.targets[0].error).toEqual({ kind: 'rejected', message: 'Internal Server Error (HTTP 500)' });
    expect(creates() - before).toBe(2);
  });

  it('a post whose answers were lost is unknown, and a retry after the server forgot its key finds it', async () => {
    const text = 'Soldes *demain* : **-20 %** sur tout';
    for (let i = 0; i < 3; i++) lossy.loseNextAnswer('/api/v1/statuses');
    const id = await schedule(text);
    const unknown = await waitForStatus(owner, ws, id, ['failed', 'unknown', 'published']);
    expect(unknown.status).toBe('unknown');
    expect(unknown.targets[0].error.kind).toBe('unknown_outcome');
    // The answers were lost, not the post: the server has it, rendered from Markdown.
    const out = fake.statusesOf(me.id).filter((s) => s.text === text);
    expect(out).toHaveLength(1);
    fake.forgetIdempotencyKeys();
    expect((await owner.post(posts(`/${id}/retry`))).status).toBe(200);
    const done = await waitForStatus(owner, ws, id, ['failed', 'unknown', 'published']);
    expect(done.status).toBe('published');
    expect(done.targets[0].url).toBe(`${fake.url}/@${me.username}/${out[0].id}`);
    expect(fake.statusesOf(me.id).filter((s) => s.text === text)).toHaveLength(1);
  });
});
