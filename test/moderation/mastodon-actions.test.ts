import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { MastodonFake } from '../connectors/mastodon-fake.js';
import type { FakeAccount } from '../connectors/mastodon-fake-state.js';
import { MastodonConnector } from '../../src/connectors/mastodon/index.js';
import { saveConnection } from '../../src/modules/accounts/service.js';
import { ingestItems } from '../../src/modules/inbound/pipeline.js';
import { waitFor } from '../inbound/helpers.js';

// No Mastodon server installs here: the real Mastodon connector talks to the HTTP fake that follows Mastodon's
// documented API. A rule reports and blocks the author of a scam mention; hiding is not something Mastodon offers.
describe.each(databases)('moderation rules on Mastodon (documented-API fake), %s', (kind) => {
  let fake: MastodonFake;
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let me: FakeAccount;
  let scammer: FakeAccount;
  let accountId: string;
  const api = (path: string) => `/api/v1/workspaces/${ws}${path}`;

  beforeAll(async () => {
    fake = await new MastodonFake().start();
    me = fake.createAccount('brand');
    scammer = fake.createAccount('scammer');
    ruche = await startTestRuche(kind, { ALLOW_PRIVATE_NETWORKS: '1' }, { connectors: { create: (_network, deps) => new MastodonConnector(deps) } });
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

  it('reports and blocks by a rule, and sends the hide it cannot do to review', async () => {
    const rule = await owner.post(api('/moderation/rules'), {
      name: 'Scams', conditions: { keywords: ['crypto giveaway'] }, actions: [{ type: 'report', reason: 'Scam' }, { type: 'block' }, { type: 'hide' }],
    });
    expect(rule.status).toBe(201);
    const text = 'Free CRYPTO giveaway, send 1 coin get 2 back';
    const status = fake.mentionAs(scammer, me, text) as { id: string };
    const stored = await ingestItems(ruche.ctx, { id: accountId, workspace_id: ws, network: 'mastodon' }, [{
      kind: 'mention', ref: { id: status.id }, text, createdAt: new Date().toISOString(), url: null,
      author: { id: scammer.id, handle: scammer.username, displayName: null, avatarUrl: null, followers: 0, createdAt: null },
      parent: null, root: null, conversationId: null, quoted: null, languages: ['en'], context: [],
    }]);
    const [itemId] = stored.stored;
    const log = () => owner.get(api(`/moderation/log?itemId=${itemId}`)).then((r) => r.body.items as any[]);
    const entries = await waitFor('the three outcomes', async () => {
      const e = await log();
      return ['report', 'block', 'hide'].every((a) => e.some((x) => x.action === a)) ? e : null;
    });
    const outcome = Object.fromEntries(entries.map((e) => [e.action, e.outcome]));
    expect(outcome).toMatchObject({ report: 'done', block: 'done', hide: 'not_possible' });
    expect(fake.state.blocks.has(`${me.id}:${scammer.id}`)).toBe(true);
    expect(fake.state.reports).toContainEqual(expect.objectContaining({ by: me.id, accountId: scammer.id, statusIds: [status.id], comment: 'Scam' }));
    const author = (await owner.get(api(`/inbox/items/${itemId}`))).body.item.author;
    expect(author.blocked).toBe(true);
    const block = entries.find((e) => e.action === 'block');
    // Unblocking exists on Mastodon: the block can be undone.
    expect(block.undoable).toBe(true);
    expect((await owner.post(api(`/moderation/log/${block.id}/undo`))).status).toBe(202);
    await waitFor('the unblock', async () => (await log()).find((e) => e.action === 'unblock' && e.outcome === 'done'));
    expect(fake.state.blocks.has(`${me.id}:${scammer.id}`)).toBe(false);
    expect((await owner.get(api(`/inbox/items/${itemId}`))).body.item.author.blocked).toBe(false);
  });
});
