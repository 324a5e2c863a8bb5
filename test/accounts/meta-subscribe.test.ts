/**
 * Connecting a Facebook Page or an Instagram account through Facebook Login, against the Graph API fake
 * (test/connectors/meta-fake*.ts): the Page subscribes the app to its webhooks (/{page-id}/subscribed_apps), and
 * when Meta refuses (no pages_manage_metadata), the account is connected all the same and says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { addMember, setupOwner, type TestClient } from '../helpers/client.js';
import { markHealthy } from '../../src/modules/accounts/open-connector.js';
import { saveNetworkApp } from '../../src/modules/accounts/oauth2/apps.js';
import { MetaFake, VERSION } from '../connectors/meta-fake.js';
import { fbCommentAs } from '../connectors/meta-fake-pages.js';
import { addIgComment } from '../connectors/meta-fake-instagram.js';
import { feedCommentPayload, igCommentPayload } from '../connectors/meta-fake-webhooks.js';

describe.each(databases)('Meta webhooks turned on when a Page is connected (%s)', (kind) => {
  const fake = new MetaFake();
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  const saved: Record<string, string | undefined> = {};
  const visitor = { id: '880001', name: 'Butineuse' };

  /** The whole Facebook Login round: Ruche's authorize URL, the dialog's Allow, the callback, then the picker. */
  const connect = async (network: 'facebook' | 'instagram', userId: string, targetId: string) => {
    fake.loginAs = userId;
    const started = await owner.post(`/api/v1/workspaces/${ws}/accounts/oauth/${network}`);
    expect(started.status).toBe(200);
    const authorize = new URL(started.body.authorizeUrl as string);
    const allow = await fetch(`${fake.url}/${VERSION}/dialog/oauth/confirm`, {
      method: 'POST', redirect: 'manual',
      body: new URLSearchParams(['client_id', 'redirect_uri', 'state', 'scope'].map((k) => [k, authorize.searchParams.get(k) ?? ''])),
    });
    const back = new URL(allow.headers.get('location')!);
    const callback = await owner.get(back.pathname + back.search);
    const pending = new URL(callback.headers.get('location')!, 'http://x').searchParams.get('pending');
    expect(pending, callback.headers.get('location')!).toBeTruthy();
    return { authorize, chosen: await owner.post(`/api/v1/workspaces/${ws}/accounts/pending/${pending}`, { targetId }) };
  };
  const row = (id: string) => ruche.ctx.store.db.selectFrom('social_accounts').select(['status', 'connection_warning']).where('id', '=', id).executeTakeFirstOrThrow();
  const subscribedApps = async (pageToken: string, pageId: string) => {
    const res = await fetch(`${fake.apiBase}/${pageId}/subscribed_apps`, { headers: { authorization: `Bearer ${pageToken}` } });
    return { status: res.status, body: await res.json() as { data?: { id: string; subscribed_fields: string[] }[]; error?: { code: number; message: string } } };
  };
  const fbPost = (pageId: string) => {
    const id = `${pageId}_${fake.state.id()}`;
    fake.state.posts.set(id, { id, pageId, message: 'Miel de printemps', created: fake.state.tick(), link: null, photos: [], deleted: false, reactions: 0, shares: 0, views: 0 });
    return id;
  };

  beforeAll(async () => {
    await fake.start();
    const env = {
      RUCHE_META_API_BASE: fake.apiBase,
      RUCHE_META_AUTHORIZE_URL: `${fake.url}/${VERSION}/dialog/oauth`,
      RUCHE_META_TOKEN_URL: `${fake.apiBase}/oauth/access_token`,
    };
    for (const [k, v] of Object.entries(env)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    ruche = await startTestRuche(kind, { ALLOW_PRIVATE_NETWORKS: 'true', INBOX_POLL_SECONDS: '86400' });
    fake.webhookUrl = `${ruche.url}/api/v1/webhooks/meta`;
    const o = await setupOwner(ruche.url);
    ({ client: owner, workspaceId: ws } = o);
    for (const network of ['facebook', 'instagram'] as const) {
      await saveNetworkApp(ruche.ctx, network, { clientId: fake.app.id, clientSecret: fake.app.secret }, o.userId);
    }
  }, 60_000);
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await ruche?.stop();
    await fake.close();
  });

  it('asks for pages_manage_metadata and says why, in English and in French', async () => {
    const { items } = (await owner.get(`/api/v1/workspaces/${ws}/oauth-networks`)).body as { items: { network: string; scopes: { scope: string; en: string; fr: string }[] }[] };
    for (const network of ['facebook', 'instagram']) {
      const scope = items.find((n) => n.network === network)!.scopes.find((s) => s.scope === 'pages_manage_metadata');
      expect(scope?.en).toMatch(/webhooks/);
      expect(scope?.fr).toContain('(webhooks)\u00a0:');
    }
  });

  it('subscribes a Facebook Page to the app for feed and messages; Meta then delivers its comments', async () => {
    const { user, page } = fake.createPage('Rucher du Val');
    const { authorize, chosen } = await connect('facebook', user.id, page.id);
    expect(authorize.searchParams.get('scope')!.split(',')).toContain('pages_manage_metadata');
    expect(chosen.status).toBe(201);
    expect(chosen.body.warning).toBeNull();
    expect(await row(chosen.body.id)).toEqual({ status: 'connected', connection_warning: null });
    const listed = await subscribedApps(page.token, page.id);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([expect.objectContaining({ id: fake.app.id, subscribed_fields: ['feed', 'messages'] })]);
    const comment = fbCommentAs(fake, visitor, fbPost(page.id), 'Vous livrez à Lyon ?');
    const sent = await fake.notify(feedCommentPayload(fake, comment));
    expect(sent?.status).toBe(200);
  });

  it('subscribes the Page linked to an Instagram account, keeping the fields the Page had', async () => {
    const { user, page, ig } = fake.createPage('Miellerie Nord', { instagram: true });
    const alone = await connect('instagram', user.id, ig!.id);
    expect(alone.authorize.searchParams.get('scope')!.split(',')).toContain('pages_manage_metadata');
    expect(alone.chosen.status).toBe(201);
    expect(alone.chosen.body.warning).toBeNull();
    expect(fake.state.subscriptions.get(page.id)).toEqual(['feed']);
    const mediaId = fake.state.id();
    fake.state.media.set(mediaId, { id: mediaId, igUserId: ig!.id, caption: 'Cadre de miel', created: fake.state.tick(), type: 'IMAGE', items: [], deleted: false, likes: 0, shares: 0, views: 0 });
    const sent = await fake.notify(igCommentPayload(fake, addIgComment(fake, { id: '880002', username: 'abeille.curieuse' }, mediaId, 'Magnifique !')));
    expect(sent?.status).toBe(200);

    // The same Page connected for Facebook afterwards, then its Instagram account again: no field is lost.
    await connect('facebook', user.id, page.id);
    const again = await connect('instagram', user.id, ig!.id);
    expect(again.chosen.status).toBe(201);
    expect(new Set(fake.state.subscriptions.get(page.id))).toEqual(new Set(['feed', 'messages']));
  });

  it('connects a Page whose token lacks pages_manage_metadata, says why webhooks are not active, and Meta sends nothing', async () => {
    const { user, page } = fake.createPage('Ruche Sans Alerte');
    page.permissions.delete('pages_manage_metadata');
    const { chosen } = await connect('facebook', user.id, page.id);
    expect(chosen.status).toBe(201);
    expect(chosen.body.warning).toMatch(/^Webhooks not active.*\(#200\) Requires pages_manage_metadata permission/);
    expect(await row(chosen.body.id)).toEqual({ status: 'connected', connection_warning: chosen.body.warning });
    const accounts = (await owner.get(`/api/v1/workspaces/${ws}/accounts`)).body;
    const listed = (accounts.items ?? accounts).find((a: { id: string }) => a.id === chosen.body.id);
    expect(listed).toMatchObject({ status: 'connected', connectionWarning: chosen.body.warning });
    // Meta's own answer to the same call, and no subscription recorded: a comment there is not delivered.
    expect((await subscribedApps(page.token, page.id)).body.error).toMatchObject({ code: 200 });
    expect(fake.state.subscriptions.has(page.id)).toBe(false);
    const comment = fbCommentAs(fake, visitor, fbPost(page.id), 'Ouvert dimanche ?');
    expect(await fake.notify(feedCommentPayload(fake, comment))).toBeNull();
    // Polling still reads the Page with the stored token.
    const feed = await fetch(`${fake.apiBase}/${page.id}/feed`, { headers: { authorization: `Bearer ${page.token}` } });
    expect(feed.status).toBe(200);
  });

  it('an Instagram account whose Page refuses the subscription is connected with the reason', async () => {
    const { user, page, ig } = fake.createPage('Apiculteurs Sud', { instagram: true });
    page.permissions.delete('pages_manage_metadata');
    const { chosen } = await connect('instagram', user.id, ig!.id);
    expect(chosen.status).toBe(201);
    expect(chosen.body.warning).toMatch(/pages_manage_metadata/);
    expect(await row(chosen.body.id)).toEqual({ status: 'connected', connection_warning: chosen.body.warning });
  });

  it('keeps the warning after the account works again, until trying again turns the webhooks on', async () => {
    const { user, page } = fake.createPage('Ruche Têtue');
    page.permissions.delete('pages_manage_metadata');
    const { chosen } = await connect('facebook', user.id, page.id);
    const id = chosen.body.id as string;
    const retry = (client: TestClient, accountId = id) => client.post(`/api/v1/workspaces/${ws}/accounts/${accountId}/connection-warning/retry`);

    // A later call that works does not hide what is still refused.
    await markHealthy(ruche.ctx, id);
    expect(await row(id)).toEqual({ status: 'connected', connection_warning: chosen.body.warning });

    // Only those who manage connections may ask again, and only for their own workspace's accounts.
    const { client: writer } = await addMember(owner, ws, `writer-${kind}@example.com`, 'content_creator');
    expect((await retry(writer)).status).toBe(403);
    const elsewhere = await owner.post('/api/v1/workspaces', { name: 'Autre marque', timezone: 'Europe/Paris', locale: 'fr' });
    expect((await owner.post(`/api/v1/workspaces/${elsewhere.body.id}/accounts/${id}/connection-warning/retry`)).status).toBe(404);

    // Still refused: the warning stays, in Meta's newest words.
    const refused = await retry(owner);
    expect(refused.status).toBe(200);
    expect(refused.body.warning).toMatch(/pages_manage_metadata/);
    expect((await row(id)).connection_warning).toBe(refused.body.warning);

    // The Page grants the permission: trying again subscribes it and the warning goes.
    page.permissions.add('pages_manage_metadata');
    const agreed = await retry(owner);
    expect(agreed.body).toEqual({ warning: null });
    expect(await row(id)).toEqual({ status: 'connected', connection_warning: null });
    expect(fake.state.subscriptions.get(page.id)).toEqual(['feed', 'messages']);
    const accounts = (await owner.get(`/api/v1/workspaces/${ws}/accounts`)).body;
    expect((accounts.items ?? accounts).find((a: { id: string }) => a.id === id)).toMatchObject({ connectionWarning: null });
  });
});
