import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { inSeconds, waitForStatus } from '../helpers/publishing.js';
import { BlueskyNetwork, type NetworkAccount } from '../connectors/bluesky-network.js';
import { inboxLiveOf } from '../../src/modules/inbound/live-service.js';
import type { PostRef } from '../../src/connectors/types.js';
import { backfilled, poll, waitFor } from './helpers.js';

// A real local Bluesky network (PDS and AppView): a reply reaches inbox_items through polling, and through the
// PDS's firehose without any poll.
describe.each(databases)('Bluesky replies reach the inbox on %s', (kind) => {
  let net: BlueskyNetwork;
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let brand: NetworkAccount;
  let fan: NetworkAccount;
  let accountId: string;
  let ours: PostRef;
  let ourPostId: string;

  const item = (externalId: string) => ruche.ctx.store.db.selectFrom('inbox_items').selectAll().where('external_id', '=', externalId).executeTakeFirst();

  beforeAll(async () => {
    net = await BlueskyNetwork.start();
    ruche = await startTestRuche(kind, { ALLOW_PRIVATE_NETWORKS: '1', INBOX_POLL_SECONDS: '86400' });
    ({ client: owner, workspaceId: ws } = await setupOwner(ruche.url));
    brand = await net.createAccount('brand');
    fan = await net.createAccount('fan');
    await net.setProfile(fan, { displayName: 'A fan' });
    const connected = await owner.post(`/api/v1/workspaces/${ws}/accounts/bluesky`, { service: net.pdsUrl, identifier: brand.handle, appPassword: brand.appPassword });
    expect(connected.status).toBe(201);
    accountId = connected.body.id;
    await backfilled(ruche, accountId);
    // A post of ours, published by Ruche, that the fan will answer.
    const created = await owner.post(`/api/v1/workspaces/${ws}/posts`, { body: 'Our launch day', accountIds: [accountId], scheduledAt: inSeconds(2) });
    await owner.post(`/api/v1/workspaces/${ws}/posts/${created.body.id}/submit`);
    expect((await waitForStatus(owner, ws, created.body.id, ['published', 'failed'])).status).toBe('published');
    ourPostId = created.body.id;
    const target = await ruche.ctx.store.db.selectFrom('post_targets').select('external_id').where('post_id', '=', ourPostId).executeTakeFirstOrThrow();
    // The AppView answers for the post only once it has indexed it.
    await net.processAll();
    const { data } = await fan.agent.app.bsky.feed.getPosts({ uris: [target.external_id!] });
    ours = { id: data.posts[0].uri, cid: data.posts[0].cid };
  }, 120_000);

  afterAll(async () => {
    await ruche?.stop();
    await net?.close();
  }, 60_000);

  it('stores a reply found by polling, linked to our post, analysed, with its author', async () => {
    const reply = await net.reply(fan, ours, 'You are a worthless idiot and I will kill you');
    await net.processAll();
    expect((await poll(ruche, accountId)).status).toBe('succeeded');
    const row = await item(reply.id);
    expect(row).toMatchObject({ account_id: accountId, kind: 'reply', post_id: ourPostId, thread_key: ours.id, parent_external_id: ours.id });
    expect(row!.toxicity).toBeGreaterThan(0.5);
    const author = await ruche.ctx.store.db.selectFrom('inbox_authors').selectAll().where('id', '=', row!.author_id).executeTakeFirstOrThrow();
    expect(author).toMatchObject({ external_id: fan.did, handle: fan.handle, display_name: 'A fan' });
    // Polling again finds it again and keeps one row.
    await poll(ruche, accountId);
    const rows = await ruche.ctx.store.db.selectFrom('inbox_items').select('id').where('external_id', '=', reply.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('stores a reply from the firehose, with no poll', async () => {
    const polls = async () => (await ruche.ctx.store.db.selectFrom('jobs').select('id').where('type', '=', 'inbox.poll').execute()).length;
    const before = await polls();
    await inboxLiveOf(ruche.ctx)!.refresh();
    // The subscription opens in the background and only carries what is written once it is open: write until
    // a reply arrives.
    let arrived: string | null = null;
    for (let attempt = 0; attempt < 10 && !arrived; attempt++) {
      const reply = await net.reply(fan, ours, `Live thanks ${attempt}`);
      const found = await waitFor('the live reply', async () => (await item(reply.id)) ?? null, 60).catch(() => null);
      if (found) arrived = reply.id;
    }
    expect(arrived).not.toBeNull();
    expect(await item(arrived!)).toMatchObject({ account_id: accountId, kind: 'reply', post_id: ourPostId });
    expect(await polls()).toBe(before);
  });
});
