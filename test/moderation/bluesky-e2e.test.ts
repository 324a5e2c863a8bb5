import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { BlueskyNetwork, type NetworkAccount } from '../connectors/bluesky-network.js';
import { backfilled, poll, waitFor } from '../inbound/helpers.js';

// End to end on a real local Bluesky network (PDS and AppView): a reply with a slur under the brand's post arrives
// by polling, the workspace's default rule hides it through the post's threadgate, the log shows it, and undo takes
// it out of the gate.
describe.each(databases)('moderation on a real Bluesky network, %s', (kind) => {
  let net: BlueskyNetwork;
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let brand: NetworkAccount;
  let troll: NetworkAccount;
  let accountId: string;

  const api = (path: string) => `/api/v1/workspaces/${ws}${path}`;
  const hiddenReplies = async (post: { id: string }) => {
    const rkey = post.id.split('/').pop()!;
    try {
      const { data } = await brand.agent.com.atproto.repo.getRecord({ repo: brand.did, collection: 'app.bsky.feed.threadgate', rkey });
      return ((data.value as { hiddenReplies?: string[] }).hiddenReplies ?? []);
    } catch {
      return [];
    }
  };

  beforeAll(async () => {
    net = await BlueskyNetwork.start();
    ruche = await startTestRuche(kind, { ALLOW_PRIVATE_NETWORKS: '1', INBOX_POLL_SECONDS: '86400' });
    ({ client: owner, workspaceId: ws } = await setupOwner(ruche.url));
    brand = await net.createAccount('brand');
    troll = await net.createAccount('troll');
    const connected = await owner.post(api('/accounts/bluesky'), { service: net.pdsUrl, identifier: brand.handle, appPassword: brand.appPassword });
    expect(connected.status).toBe(201);
    accountId = connected.body.id;
    await backfilled(ruche, accountId);
  }, 120_000);

  afterAll(async () => {
    await ruche?.stop();
    await net?.close();
  }, 60_000);

  it('hides a reply with a slur in the threadgate by the default rule, logs it, and undo takes it out', async () => {
    const ours = await net.post(brand, 'Our launch day');
    await net.processAll();
    const reply = await net.reply(troll, ours, 'Shut up, you retard');
    await net.processAll();
    expect((await poll(ruche, accountId)).status).toBe('succeeded');
    const item = await waitFor('the reply in the inbox', () =>
      ruche.ctx.store.db.selectFrom('inbox_items').select(['id']).where('external_id', '=', reply.id).executeTakeFirst());

    const entry = await waitFor('the hide in the log', async () =>
      (await owner.get(api(`/moderation/log?itemId=${item.id}`))).body.items.find((e: any) => e.action === 'hide' && e.outcome === 'done'));
    const rule = (await owner.get(api('/moderation/rules'))).body.items.find((r: any) => r.id === entry.rule.id);
    expect(rule).toMatchObject({ conditions: { toxicity: { category: 'hate', min: 0.9 } }, actions: [{ type: 'hide' }] });
    expect(entry.reasons.some((r: any) => r.category === 'hate')).toBe(true);
    expect(entry.undoable).toBe(true);
    expect(await hiddenReplies(ours)).toEqual([reply.id]);
    expect((await owner.get(api(`/inbox/items/${item.id}`))).body.item.moderation).toBe('hidden');

    expect((await owner.post(api(`/moderation/log/${entry.id}/undo`))).status).toBe(202);
    await waitFor('the unhide in the log', async () =>
      (await owner.get(api(`/moderation/log?itemId=${item.id}`))).body.items.find((e: any) => e.action === 'unhide' && e.outcome === 'done' && e.undoes === entry.id));
    expect(await hiddenReplies(ours)).toEqual([]);
    expect((await owner.get(api(`/inbox/items/${item.id}`))).body.item.moderation).toBeNull();
  });
});
