/**
 * Meta webhooks end to end: a Ruche on each database, the Graph API fake delivering signed notifications to
 * /api/v1/webhooks/meta, and the inbox read back through the API and the store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { saveConnection } from '../../src/modules/accounts/service.js';
import { saveNetworkApp } from '../../src/modules/accounts/oauth2/apps.js';
import { backfilled, waitFor } from '../inbound/helpers.js';
import { MetaFake } from '../connectors/meta-fake.js';
import { fbCommentAs } from '../connectors/meta-fake-pages.js';
import { addIgComment } from '../connectors/meta-fake-instagram.js';
import { feedCommentPayload, igCommentPayload, igMentionPayload, messagePayload, verifyCallback } from '../connectors/meta-fake-webhooks.js';
import { signPayload } from '../../src/connectors/meta/signature.js';

const VERIFY_TOKEN = 'hive-verify-7f3a';
process.env.META_WEBHOOK_VERIFY_TOKEN = VERIFY_TOKEN;

describe.each(databases)('Meta webhooks (%s)', (kind) => {
  let ruche: TestRuche;
  let fake: MetaFake;
  let owner: TestClient;
  let userId: string;
  const ws: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  let page: ReturnType<MetaFake['createPage']>['page'];
  let otherPage: ReturnType<MetaFake['createPage']>['page'];
  let ig: NonNullable<ReturnType<MetaFake['createPage']>['ig']>;
  const accounts: Record<string, string> = {};
  const visitor = { id: '770001', name: 'Abeille Curieuse' };

  const connect = async (workspaceId: string, network: 'facebook' | 'instagram', p: typeof page, igUser?: typeof ig) => {
    const id = await saveConnection(ruche.ctx, {
      workspaceId, userId, network, serviceUrl: 'https://graph.facebook.com', ip: null,
      credentials: network === 'facebook'
        ? { network, apiBase: fake.apiBase, pageId: p.id, accessToken: p.token }
        : { network, apiBase: fake.apiBase, pageId: p.id, igUserId: igUser!.id, accessToken: p.token, handle: igUser!.username },
      account: network === 'facebook' ? { id: p.id, handle: p.username, displayName: p.name, followers: null } : { id: igUser!.id, handle: igUser!.username, displayName: igUser!.name, followers: null },
    });
    // The first polls read the fake before anything is posted: what arrives later comes through the webhook.
    await backfilled(ruche, id, 'notifications');
    await backfilled(ruche, id, 'messages');
    return id;
  };
  const itemsOf = (workspaceId: string) => ruche.ctx.store.db.selectFrom('inbox_items').select(['external_id', 'account_id', 'text', 'kind']).where('workspace_id', '=', workspaceId).execute();
  const fbPost = (pageId: string, message: string) => {
    const id = `${pageId}_${fake.state.id()}`;
    fake.state.posts.set(id, { id, pageId, message, created: fake.state.tick(), link: null, photos: [], deleted: false, reactions: 0, shares: 0, views: 0 });
    return id;
  };
  const deliveriesDone = () => waitFor('the webhook jobs', async () => {
    const open = await ruche.ctx.store.db.selectFrom('jobs').select('id').where('type', '=', 'webhooks.meta').where('status', 'not in', ['succeeded', 'failed']).execute();
    return open.length === 0;
  });

  beforeAll(async () => {
    fake = await new MetaFake().start();
    ruche = await startTestRuche(kind, { INBOX_POLL_SECONDS: '86400', ALLOW_PRIVATE_NETWORKS: 'true' });
    fake.webhookUrl = `${ruche.url}/api/v1/webhooks/meta`;
    ({ client: owner, workspaceId: ws.a, userId } = await setupOwner(ruche.url));
    ws.b = (await owner.post('/api/v1/workspaces', { name: 'Brand B' })).body.id;
    ws.c = (await owner.post('/api/v1/workspaces', { name: 'Brand C' })).body.id;
    await saveNetworkApp(ruche.ctx, 'facebook', { clientId: fake.app.id, clientSecret: fake.app.secret }, userId);
    ({ page, ig: ig! } = fake.createPage('Ruche Miel', { instagram: true }) as { page: typeof page; ig: typeof ig });
    ({ page: otherPage } = fake.createPage('Autre Ruche'));
    accounts.fbA = await connect(ws.a, 'facebook', page);
    accounts.fbB = await connect(ws.b, 'facebook', page);
    accounts.fbC = await connect(ws.c, 'facebook', otherPage);
    accounts.igA = await connect(ws.a, 'instagram', page, ig);
  }, 60_000);
  afterAll(async () => {
    await ruche?.stop();
    await fake?.close();
  });

  it('answers the verification request with the challenge only when the verify token matches', async () => {
    const good = await verifyCallback(fake.webhookUrl!, VERIFY_TOKEN, '1158201444');
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('1158201444');
    const bad = await verifyCallback(fake.webhookUrl!, 'meatyhamhock', '1158201444');
    expect(bad.status).toBe(403);
    expect(await bad.text()).not.toContain('1158201444');
    const u = new URL(fake.webhookUrl!);
    u.searchParams.set('hub.mode', 'unsubscribe');
    u.searchParams.set('hub.verify_token', VERIFY_TOKEN);
    u.searchParams.set('hub.challenge', '42');
    expect((await fetch(u)).status).toBe(403);
  });

  it('refuses a notification with a missing or wrong signature, and queues nothing', async () => {
    const post = fbPost(page.id, 'Nouvelle récolte');
    const c = fbCommentAs(fake, visitor, post, 'Forged comment');
    const payload = feedCommentPayload(fake, c);
    const missing = await fake.deliver(payload, { secret: null });
    expect(missing.status).toBe(401);
    const wrongKey = await fake.deliver(payload, { secret: 'not-the-app-secret' });
    expect(wrongKey.status).toBe(403);
    // Signed over other bytes: the body was changed on the way.
    const tampered = await fake.deliver(JSON.stringify(payload).replace('Forged', 'Edited'), { signature: signPayload(JSON.stringify(payload), fake.app.secret) });
    expect(tampered.status).toBe(403);
    const queued = await ruche.ctx.store.db.selectFrom('jobs').select('id').where('type', '=', 'webhooks.meta').execute();
    expect(queued).toHaveLength(0);
    expect((await itemsOf(ws.a)).map((i) => i.external_id)).not.toContain(c);
  });

  it('puts a Page comment in every workspace that connected the Page, and in no other', async () => {
    const post = fbPost(page.id, 'Le miel de printemps est là');
    const c = fbCommentAs(fake, visitor, post, 'Où peut-on en acheter ?');
    const res = await fake.deliver(feedCommentPayload(fake, c));
    expect(res.status).toBe(200);
    const inA = await waitFor('the comment in workspace A', async () => (await itemsOf(ws.a)).find((i) => i.external_id === c));
    const inB = await waitFor('the comment in workspace B', async () => (await itemsOf(ws.b)).find((i) => i.external_id === c));
    expect(inA).toMatchObject({ account_id: accounts.fbA, text: 'Où peut-on en acheter ?', kind: 'reply' });
    expect(inB).toMatchObject({ account_id: accounts.fbB, text: 'Où peut-on en acheter ?' });
    await deliveriesDone();
    expect((await itemsOf(ws.c)).map((i) => i.external_id)).not.toContain(c);
    // Workspace C's own member sees nothing of it through the API either.
    const listed = (await owner.get(`/api/v1/workspaces/${ws.c}/inbox/items?limit=100`)).body.items as { externalId: string }[];
    expect(listed.map((i) => i.externalId)).not.toContain(c);
  });

  it('takes a change delivered twice (and once more in another batch) as one inbox item', async () => {
    const post = fbPost(page.id, 'Visite du rucher samedi');
    const c = fbCommentAs(fake, visitor, post, 'Je viens avec les enfants !');
    const payload = feedCommentPayload(fake, c);
    expect((await fake.deliver(payload)).status).toBe(200);
    expect((await fake.deliver(payload)).status).toBe(200);
    await waitFor('the comment', async () => (await itemsOf(ws.a)).find((i) => i.external_id === c));
    await deliveriesDone();
    // The same change inside a batch with another entry: different bytes, same change.
    const other = fbCommentAs(fake, visitor, post, 'Et les chiens ?');
    const batch = { object: 'page', entry: [...feedCommentPayload(fake, other).entry, ...payload.entry] };
    expect((await fake.deliver(JSON.stringify(batch))).status).toBe(200);
    await waitFor('the other comment', async () => (await itemsOf(ws.a)).find((i) => i.external_id === other));
    await deliveriesDone();
    expect((await itemsOf(ws.a)).filter((i) => i.external_id === c)).toHaveLength(1);
    expect((await itemsOf(ws.b)).filter((i) => i.external_id === c)).toHaveLength(1);
    // The exact same bytes were one job; the batch's job took only the change it had not seen.
    const jobs = await ruche.ctx.store.db.selectFrom('jobs').select(['payload', 'result']).where('type', '=', 'webhooks.meta').execute();
    const about = (id: string) => jobs.filter((j) => j.payload.includes(id));
    expect(about(c)).toHaveLength(2);
    const batchJob = about(other)[0]!;
    expect(JSON.parse(batchJob.result!)).toMatchObject({ changes: 2, fresh: 1 });
    const remembered = await ruche.ctx.store.db.selectFrom('webhook_deliveries').select('key').where('key', 'like', `%:${c}`).execute();
    expect(remembered).toHaveLength(1);
  });

  it('brings an Instagram comment into the inbox', async () => {
    const mediaId = fake.state.id();
    fake.state.media.set(mediaId, { id: mediaId, igUserId: ig.id, caption: 'Cadre de miel', created: fake.state.tick(), type: 'IMAGE', items: [], deleted: false, likes: 0, shares: 0, views: 0 });
    const c = addIgComment(fake, { id: '880002', username: 'apiculteur.amateur' }, mediaId, 'Quelle belle couleur 🍯');
    expect((await fake.deliver(igCommentPayload(fake, c))).status).toBe(200);
    const item = await waitFor('the Instagram comment in the inbox', async () => {
      const listed = (await owner.get(`/api/v1/workspaces/${ws.a}/inbox/items?limit=100`)).body.items as { externalId: string; text: string; accountId?: string }[];
      return listed.find((i) => i.externalId === c);
    });
    expect(item.text).toBe('Quelle belle couleur 🍯');
    const row = (await itemsOf(ws.a)).find((i) => i.external_id === c);
    expect(row?.account_id).toBe(accounts.igA);
    expect((await itemsOf(ws.b)).map((i) => i.external_id)).not.toContain(c);
  });

  it('reads the account\'s tags at once when an Instagram mention arrives', async () => {
    const mediaId = fake.state.id();
    fake.state.tags.push({ igUserId: ig.id, id: mediaId, caption: '@ruchemiel.ig le meilleur miel du marché', username: 'marche.bio', created: fake.state.tick() });
    expect((await fake.deliver(igMentionPayload(ig.id, mediaId))).status).toBe(200);
    const got = await waitFor('the mention in workspace A', async () => (await itemsOf(ws.a)).find((i) => i.external_id === mediaId));
    expect(got).toMatchObject({ kind: 'mention', account_id: accounts.igA, text: '@ruchemiel.ig le meilleur miel du marché' });
  });

  it('reads the conversation at once when a message arrives', async () => {
    const mid = `m_${fake.state.id()}`;
    const convId = `t_${fake.state.id()}`;
    fake.state.messages.push({ id: mid, conversationId: convId, pageId: page.id, platform: 'messenger', fromId: visitor.id, fromName: visitor.name, text: 'Bonjour, livrez-vous ?', created: fake.state.tick() });
    expect((await fake.deliver(messagePayload('page', page.id, visitor.id, mid, 'Bonjour, livrez-vous ?'))).status).toBe(200);
    const got = await waitFor('the message in workspace A', async () => (await itemsOf(ws.a)).find((i) => i.external_id === mid));
    expect(got).toMatchObject({ kind: 'message', account_id: accounts.fbA });
    await waitFor('the message in workspace B', async () => (await itemsOf(ws.b)).find((i) => i.external_id === mid));
    expect((await itemsOf(ws.c)).map((i) => i.external_id)).not.toContain(mid);
  });

  it('refuses a body larger than the limit and a body that is not a Meta payload', async () => {
    const big = JSON.stringify({ object: 'page', entry: [{ id: page.id, time: 1, changes: [{ field: 'feed', value: { message: 'x'.repeat(300 * 1024) } }] }] });
    expect((await fake.deliver(big)).status).toBe(413);
    expect((await fake.deliver('{"object":"page","entry":"nope"}')).status).toBe(400);
  });
});
