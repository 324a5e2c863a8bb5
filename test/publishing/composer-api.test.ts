/**
 * What the composer relies on, through the API: the language a post goes out in, UTM tags per campaign and
 * network, "add to queue" for a post in any state, and finding earlier images. The network is the in-memory
 * test network (see test/helpers/local-network.ts); the same paths against a real PDS are in bluesky-publish.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { addMember, setupOwner, type TestClient } from '../helpers/client.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { connectLocalAccount, waitForStatus } from '../helpers/publishing.js';

describe.each(databases)('composer features on %s', (kind) => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let account: string;

  beforeAll(async () => {
    ruche = await startTestRuche(kind, {}, { connectors: network.factory() });
    let ownerId: string;
    ({ client: owner, workspaceId: ws, userId: ownerId } = await setupOwner(ruche.url));
    account = await connectLocalAccount(ruche, ws, ownerId, 'brand');
    await owner.patch(`/api/v1/workspaces/${ws}/accounts/${account}`, { timezone: 'UTC', slots: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, minute: 9 * 60 })) });
  });
  afterAll(() => ruche?.stop());

  const api = (p: string) => `/api/v1/workspaces/${ws}${p}`;
  const publishNow = async (input: Record<string, unknown>) => {
    const created = await owner.post(api('/posts'), { accountIds: [account], ...input });
    expect(created.status).toBe(201);
    await owner.post(api(`/posts/${created.body.id}/submit`));
    await owner.post(api(`/posts/${created.body.id}/schedule`), { at: 'now' });
    const done = await waitForStatus(owner, ws, created.body.id, ['published', 'failed']);
    expect(done.status).toBe('published');
    return network.posts.get(done.targets[0].id)!;
  };

  it('sends the language of the text when the post leaves it to detection, else the workspace’s', async () => {
    expect((await publishNow({ body: 'Notre nouvelle collection arrive bientôt dans toutes les boutiques', language: null })).languages).toEqual(['fr']);
    expect((await publishNow({ body: 'Our new collection is coming to every shop very soon' })).languages).toEqual(['en']);
    expect((await publishNow({ body: 'Our new collection is coming soon', language: 'fr' })).languages).toEqual(['fr']);
    // Too short to tell: the workspace's language (French by default, English once changed).
    expect((await publishNow({ body: '🐝 ok' })).languages).toEqual(['fr']);
    await owner.patch(`/api/v1/workspaces/${ws}`, { locale: 'en' });
    expect((await publishNow({ body: '🐝 ok!' })).languages).toEqual(['en']);
    await owner.patch(`/api/v1/workspaces/${ws}`, { locale: 'fr' });
  });

  it('tells the composer what detection finds, and when it falls back', async () => {
    const fr = await owner.post(api('/posts/language'), { text: 'Bonjour à toutes et à tous, la ruche ouvre ses portes samedi' });
    expect(fr.body).toEqual({ code: 'fr', source: 'text' });
    expect((await owner.post(api('/posts/language'), { text: 'Thanks to everyone who came to the open day' })).body).toEqual({ code: 'en', source: 'text' });
    expect((await owner.post(api('/posts/language'), { text: '👍' })).body).toEqual({ code: 'fr', source: 'fallback' });
  });

  it('tags the links of a campaign’s posts, per network, when the campaign asks for it', async () => {
    const campaign = await owner.post(api('/campaigns'), { name: 'Soldes d’été', utm: { enabled: true, source: '', medium: '', campaign: '' } });
    expect(campaign.status).toBe(201);
    expect(campaign.body.utm).toEqual({ enabled: true, source: '', medium: 'social', campaign: '' });
    const sent = await publishNow({ body: 'Les soldes : https://shop.example/soldes?ref=home#haut et https://shop.example/?utm_source=mail', campaignId: campaign.body.id });
    expect(sent.text).toBe(
      'Les soldes : https://shop.example/soldes?ref=home&utm_source=bluesky&utm_medium=social&utm_campaign=soldes-d-ete#haut et https://shop.example/?utm_source=mail',
    );
    const edited = await owner.patch(api(`/campaigns/${campaign.body.id}`), { utm: { source: 'ruche', campaign: 'ete-2025' } });
    expect(edited.body.utm).toEqual({ enabled: true, source: 'ruche', medium: 'social', campaign: 'ete-2025' });
    expect((await publishNow({ body: 'https://shop.example', campaignId: campaign.body.id })).text).toBe('https://shop.example?utm_source=ruche&utm_medium=social&utm_campaign=ete-2025');
    await owner.patch(api(`/campaigns/${campaign.body.id}`), { utm: { enabled: false } });
    expect((await publishNow({ body: 'https://shop.example/off', campaignId: campaign.body.id })).text).toBe('https://shop.example/off');
  });

  it('adds a draft to the queue: on the calendar without approval, in review at the slot with it', async () => {
    const draft = (await owner.post(api('/posts'), { body: 'Dans la file', accountIds: [account] })).body;
    const queued = await owner.post(api(`/posts/${draft.id}/queue`));
    expect(queued.status).toBe(200);
    expect(queued.body.status).toBe('scheduled');
    expect(new Date(queued.body.scheduledAt).getUTCHours()).toBe(9);

    await owner.patch(api('/publishing'), { approvalSteps: [{ roles: ['strategist'], count: 1 }] });
    const writer = await addMember(owner, ws, 'writer@example.com', 'content_creator');
    const second = (await writer.client.post(api('/posts'), { body: 'À valider, dans la file', accountIds: [account] })).body;
    const waiting = await writer.client.post(api(`/posts/${second.id}/queue`));
    expect(waiting.body.status).toBe('in_review');
    // The next slot after the one the first post took.
    expect(Date.parse(waiting.body.scheduledAt)).toBe(Date.parse(queued.body.scheduledAt) + 24 * 3600_000);
    await owner.patch(api('/publishing'), { approvalSteps: [] });
  });

  it('finds earlier images by file name or alt text, only in its own workspace', async () => {
    const png = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#f2b233' } }).png().toBuffer();
    const up = (name: string, alt: string) => owner.request('POST', api(`/media?fileName=${encodeURIComponent(name)}&alt=${encodeURIComponent(alt)}`), new Uint8Array(png), { 'content-type': 'image/png' });
    expect((await up('Ruche-Printemps.png', 'Une ruche au soleil')).status).toBe(201);
    expect((await up('logo.png', 'Le logo 100% miel')).status).toBe(201);
    const names = async (q: string) => (await owner.get(api(`/media?q=${encodeURIComponent(q)}`))).body.items.map((m: { fileName: string }) => m.fileName);
    expect(await names('printemps')).toEqual(['Ruche-Printemps.png']);
    expect(await names('SOLEIL')).toEqual(['Ruche-Printemps.png']);
    expect(await names('100%')).toEqual(['logo.png']);
    expect(await names('_')).toEqual([]);
    const all = (await owner.get(api('/media'))).body.items;
    expect(all[0]).toMatchObject({ fileName: 'logo.png', width: 40, height: 20 });
  });
});
