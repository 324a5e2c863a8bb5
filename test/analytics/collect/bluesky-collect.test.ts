/**
 * Collection from a real local Bluesky network (PLC, PDS and AppView from @atproto/dev-env): counts are the
 * AppView's own, read after it indexed what other accounts did (processAll), never written by the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlueskyNetwork, type NetworkAccount } from '../../connectors/bluesky-network.js';
import { PNG_1PX } from '../../connectors/fixtures.js';
import { databases, startTestRuche, type TestRuche } from '../../helpers/ruche.js';
import { setupOwner, type TestClient } from '../../helpers/client.js';
import { inSeconds, waitForStatus } from '../../helpers/publishing.js';
import type { BlueskyConnector } from '../../../src/connectors/bluesky/index.js';
import { analyticsBackfilled, collectNow, dayTotals, makeDue, postsOf, rollupsOff } from './helpers.js';
import { lockPostFigures, recordPostChanges } from '../../../src/modules/analytics/rollups/post-days.js';

let net: BlueskyNetwork;
beforeAll(async () => {
  net = await BlueskyNetwork.start();
}, 120_000);
afterAll(async () => {
  await net?.close();
}, 60_000);

describe('the Bluesky connector’s counts, from the AppView', () => {
  let brand: NetworkAccount;
  let fan: NetworkAccount;
  let connector: BlueskyConnector;
  beforeAll(async () => {
    brand = await net.createAccount('brand');
    fan = await net.createAccount('fan');
    connector = await net.connector(brand);
  }, 60_000);

  it('lists the account’s own posts newest first with their counts and first image, without replies or reposts', async () => {
    const photo = await connector.publish({ idempotencyKey: 'own-photo', text: 'Une photo', media: [{ ...PNG_1PX, alt: 'Un pixel' }] });
    await connector.publish({ idempotencyKey: 'own-thread', text: 'Suite', replyTo: photo.ref });
    const theirs = await net.post(fan, 'Un post du fan');
    await net.processAll();
    await connector.repost(theirs);
    await connector.publish({ idempotencyKey: 'own-answer', text: 'Merci !', replyTo: theirs });
    const plain = await connector.publish({ idempotencyKey: 'own-plain', text: 'Sans image' });
    await net.like(fan, photo.ref);
    await net.repost(fan, photo.ref);
    await net.reply(fan, photo.ref, 'Belle photo');
    await net.quote(fan, photo.ref, 'Regardez');
    await net.processAll();

    const seen = [];
    let cursor: string | null = null;
    for (let i = 0; i < 6; i++) {
      const page = await connector.ownPosts(cursor, { limit: 1 });
      seen.push(...page.items);
      cursor = page.cursor;
      if (!cursor) break;
    }
    expect(seen.map((p) => p.ref.id)).toEqual([plain.ref.id, photo.ref.id]);
    expect(seen[1]).toMatchObject({ text: 'Une photo', url: expect.stringMatching(/^https:\/\/bsky\.app\/profile\/did:plc:[a-z0-9]+\/post\/[a-z0-9]+$/) });
    // Two replies: the thread's next post and the fan's.
    expect(seen[1].metrics).toEqual({ likes: 1, reposts: 1, replies: 2, quotes: 1, views: null });
    expect(seen[1].imageUrl).toMatch(/^https?:\/\/.+/);
    expect(seen[0].imageUrl).toBeNull();
    const future = await connector.ownPosts(null, { limit: 10, since: new Date(Date.now() + 3600_000).toISOString() });
    expect(future).toEqual({ items: [], cursor: null });
  });

  it('reads many posts’ counts in batches of the AppView’s size, in order, null for a deleted one', async () => {
    const posts = await net.writeMany(brand, 'app.bsky.feed.post', Array.from({ length: 30 }, (_, i) => ({ text: `Lot ${i}` })));
    await net.like(fan, posts[29]);
    await net.processAll();
    await connector.delete(posts[3]);
    await net.processAll();
    const metrics = await connector.postMetrics(posts);
    expect(metrics).toHaveLength(30);
    expect(metrics[3]).toBeNull();
    expect(metrics[29]).toEqual({ likes: 1, reposts: 0, replies: 0, quotes: 0, views: null });
    expect(metrics.filter((m) => m !== null)).toHaveLength(29);
  });

  it('reads the account’s followers, follows and posts', async () => {
    const before = await connector.accountMetrics();
    await net.follow(fan, brand);
    await net.follow(brand, fan);
    await net.processAll();
    const after = await connector.accountMetrics();
    expect(after).toMatchObject({ id: brand.did, handle: brand.handle });
    expect(after.followers).toBe((before.followers ?? 0) + 1);
    expect(after.following).toBe((before.following ?? 0) + 1);
    expect(after.posts).toBeGreaterThan(30);
  });
});

describe.each(databases)('collecting a Bluesky account on %s', (kind) => {
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let brand: NetworkAccount;
  let accountId: string;

  beforeAll(async () => {
    ruche = await startTestRuche(kind, { ALLOW_PRIVATE_NETWORKS: '1', INBOX_POLL_SECONDS: '86400' });
    ({ client: owner, workspaceId: ws } = await setupOwner(ruche.url));
    brand = await net.createAccount('brand');
    // Written before the account is connected: the backfill finds it.
    await net.post(brand, 'Avant Ruche');
    await net.processAll();
    const connected = await owner.post(`/api/v1/workspaces/${ws}/accounts/bluesky`, { service: net.pdsUrl, identifier: brand.handle, appPassword: brand.appPassword });
    expect(connected.status).toBe(201);
    accountId = connected.body.id;
  }, 120_000);
  afterAll(async () => {
    await ruche?.stop();
  }, 60_000);

  /** The dashboard and a post's growth curve, as the web app reads them, over the last day and the next hour. */
  const since = new Date(Date.now() - 86400_000).toISOString();
  const dashboard = async (extra = '') => {
    const res = await owner.get(`/api/v1/workspaces/${ws}/analytics/dashboard?from=${since}&to=${new Date(Date.now() + 3600_000).toISOString()}${extra}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const curve = async (postId: string) => {
    const res = await owner.get(`/api/v1/workspaces/${ws}/analytics/posts/${postId}/snapshots`);
    expect(res.status).toBe(200);
    return res.body.items.map((s: { likes: number; reposts: number; replies: number; quotes: number }) => [s.likes, s.reposts, s.replies, s.quotes]);
  };

  const ageAccountSnapshots = () => ruche.ctx.store.db.updateTable('analytics_account_snapshots')
    .set((eb) => ({ taken_at: eb('taken_at', '-', 2 * 3600_000) })).where('account_id', '=', accountId).execute();

  it('backfills on connect, then finds a post published through Ruche, linked to it, and sees its counts, the days, the dashboard and the post’s growth curve move', async () => {
    const backfill = await analyticsBackfilled(ruche, accountId);
    expect(backfill.status).toBe('succeeded');
    expect(backfill.workspaceId).toBe(ws);
    expect((await postsOf(ruche, accountId)).map((p) => p.text)).toEqual(['Avant Ruche']);
    const followersAtConnect = (await ruche.ctx.store.db.selectFrom('analytics_account_snapshots').select('followers').where('account_id', '=', accountId).executeTakeFirstOrThrow()).followers;

    const camp = await owner.post(`/api/v1/workspaces/${ws}/campaigns`, { name: 'Lancement', color: '#e4572e', hashtags: [] });
    const created = await owner.post(`/api/v1/workspaces/${ws}/posts`, { body: 'Notre lancement', accountIds: [accountId], scheduledAt: inSeconds(2), campaignId: camp.body.id, labels: ['lancement'] });
    expect(created.status).toBe(201);
    await owner.post(`/api/v1/workspaces/${ws}/posts/${created.body.id}/submit`);
    expect((await waitForStatus(owner, ws, created.body.id, ['published', 'failed'])).status).toBe('published');
    const target = await ruche.ctx.store.db.selectFrom('post_targets').select('external_id').where('post_id', '=', created.body.id).executeTakeFirstOrThrow();
    await net.processAll();

    expect((await collectNow(ruche, accountId)).status).toBe('succeeded');
    let ours = (await postsOf(ruche, accountId)).find((p) => p.external_id === target.external_id)!;
    expect(ours).toMatchObject({ post_id: created.body.id, campaign_id: camp.body.id, labels: '["lancement"]', text: 'Notre lancement',
      likes: 0, reposts: 0, replies: 0, quotes: 0, views: null, collect_count: 1, followers_at_publish: followersAtConnect });
    expect(await dayTotals(ruche, accountId)).toMatchObject({ likes: 0, published: 2 });
    expect(await rollupsOff(ruche, accountId)).toEqual([]);
    const before = await dashboard();
    expect(before.publishing.posts.value).toBe(2);
    expect(before.publishing.engagement.value).toBe(0);
    expect(before.publishing.followers.value).toBe(followersAtConnect);
    expect((await dashboard(`&campaignId=${camp.body.id}`)).publishing.posts.value).toBe(1);
    expect(await curve(ours.id)).toEqual([[0, 0, 0, 0]]);

    // Two other accounts answer: likes, a repost, a reply, a quote; one follows.
    const fan = await net.createAccount('fan');
    const friend = await net.createAccount('friend');
    const ref = { id: ours.external_id, cid: (await fan.agent.app.bsky.feed.getPosts({ uris: [ours.external_id] })).data.posts[0].cid };
    await net.like(fan, ref);
    await net.like(friend, ref);
    await net.repost(friend, ref);
    await net.reply(fan, ref, 'Bravo !');
    await net.quote(friend, ref, 'À voir');
    await net.follow(fan, brand);
    await net.processAll();

    await makeDue(ruche, accountId);
    await ageAccountSnapshots();
    expect((await collectNow(ruche, accountId)).status).toBe('succeeded');
    ours = (await postsOf(ruche, accountId)).find((p) => p.id === ours.id)!;
    expect(ours).toMatchObject({ likes: 2, reposts: 1, replies: 1, quotes: 1, engagement: 5, collect_count: 2, gone: 0 });
    expect(await dayTotals(ruche, accountId)).toMatchObject({ likes: 2, reposts: 1, replies: 1, quotes: 1, published: 2 });
    expect(await rollupsOff(ruche, accountId)).toEqual([]);
    const snaps = await ruche.ctx.store.db.selectFrom('analytics_post_snapshots').selectAll().where('post_id', '=', ours.id).orderBy('taken_at').execute();
    expect(snaps.map((s) => [s.likes, s.reposts, s.replies, s.quotes])).toEqual([[0, 0, 0, 0], [2, 1, 1, 1]]);
    const after = await dashboard();
    expect(after.publishing.engagement).toMatchObject({ value: 5 });
    expect([after.publishing.likes.value, after.publishing.reposts.value, after.publishing.replies.value, after.publishing.quotes.value]).toEqual([2, 1, 1, 1]);
    expect(after.publishing.followers.value).toBe(followersAtConnect + 1);
    expect(after.topPosts[0]).toMatchObject({ id: ours.id, text: 'Notre lancement', engagement: 5, campaignId: camp.body.id, labels: ['lancement'] });
    const launch = await dashboard(`&label=lancement`);
    expect(launch.publishing.engagement.value).toBe(5);
    expect(launch.byCampaign).toEqual([expect.objectContaining({ key: camp.body.id, label: 'Lancement', posts: 1, engagement: 5 })]);
    expect(await curve(ours.id)).toEqual([[0, 0, 0, 0], [2, 1, 1, 1]]);
    const account = await ruche.ctx.store.db.selectFrom('analytics_account_snapshots').selectAll().where('account_id', '=', accountId).orderBy('taken_at', 'desc').executeTakeFirstOrThrow();
    expect(account.followers).toBe(followersAtConnect + 1);
    const today = (await ruche.ctx.store.db.selectFrom('analytics_account_days').selectAll().where('account_id', '=', accountId).orderBy('day', 'desc').executeTakeFirstOrThrow());
    expect(today.followers).toBe(followersAtConnect + 1);
  });

  it('links a post found before its publication was recorded, and marks a deleted post gone', async () => {
    const rows = await postsOf(ruche, accountId);
    const ours = rows.find((p) => p.post_id !== null)!;
    const before = rows.find((p) => p.text === 'Avant Ruche')!;
    // As if discovery had come first: the link is made on the next run. Unlinked as a write would, its rollup with it.
    await ruche.ctx.store.db.transaction().execute(async (trx) => {
      const stored = (await lockPostFigures(trx, [ours.id])).get(ours.id)!;
      await trx.updateTable('analytics_posts').set({ post_id: null, campaign_id: null, labels: '[]' }).where('id', '=', ours.id).execute();
      await recordPostChanges(trx, [{ before: stored, after: { ...stored, campaign_id: null, labels: '[]' } }]);
    });
    expect((await dashboard(`&campaignId=${ours.campaign_id}`)).publishing.posts.value).toBe(0);
    await brand.agent.com.atproto.repo.deleteRecord({ repo: brand.did, collection: 'app.bsky.feed.post', rkey: before.external_id.split('/').pop()! });
    await net.processAll();
    await makeDue(ruche, accountId);
    const job = await collectNow(ruche, accountId);
    expect(job.result).toMatchObject({ linked: 1, gone: 1 });
    const after = await postsOf(ruche, accountId);
    expect(after.find((p) => p.id === ours.id)).toMatchObject({ post_id: ours.post_id, campaign_id: ours.campaign_id, labels: '["lancement"]', gone: 0 });
    expect(after.find((p) => p.id === before.id)).toMatchObject({ gone: 1 });
    // Linked again, the post is back in its campaign's and its label's rows; the gone one still counts where it went out.
    expect(await rollupsOff(ruche, accountId)).toEqual([]);
    expect((await dashboard(`&campaignId=${ours.campaign_id}`)).publishing.posts.value).toBe(1);
    expect((await dashboard('&label=lancement')).publishing.posts.value).toBe(1);
    // A gone post is never asked for again; the other is read (by the discovery page that lists it, being due).
    await makeDue(ruche, accountId);
    expect((await collectNow(ruche, accountId)).result).toMatchObject({ gone: 0 });
    const last = await postsOf(ruche, accountId);
    expect(last.find((p) => p.id === before.id)).toMatchObject({ gone: 1, collect_count: after.find((p) => p.id === before.id)!.collect_count });
    expect(last.find((p) => p.id === ours.id)!.collect_count).toBe(after.find((p) => p.id === ours.id)!.collect_count + 1);
  });
});
