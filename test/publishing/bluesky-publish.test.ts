/**
 * Connecting and publishing through Ruche's API to a real Bluesky PDS (@atproto/dev-env): the main password is
 * refused and an app password taken; a post left to language detection carries `langs`, its image its aspect
 * ratio, and its link the campaign's UTM tags, as stored by the PDS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { Pds, type PdsAccount } from '../connectors/bluesky-harness.js';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { waitForStatus } from '../helpers/publishing.js';

describe('publishing to a real PDS', () => {
  let pds: Pds;
  let account: PdsAccount;
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;

  beforeAll(async () => {
    pds = await Pds.start();
    account = await pds.createAccount('brand');
    // The PDS listens on loopback.
    ruche = await startTestRuche('sqlite', { ALLOW_PRIVATE_NETWORKS: '1' });
    ({ client: owner, workspaceId: ws } = await setupOwner(ruche.url));
  }, 120_000);
  afterAll(async () => {
    await ruche?.stop();
    await pds?.close();
  });

  const api = (p: string) => `/api/v1/workspaces/${ws}${p}`;

  it('refuses the main password with how to make an app password, then connects with one', async () => {
    const refused = await owner.post(api('/accounts/bluesky'), { service: pds.url, identifier: account.handle, appPassword: 'main-password' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('app_password_required');
    expect(refused.body.error.message).toContain('Settings → Privacy and security → App passwords');
    expect((await owner.get(api('/accounts'))).body.items).toHaveLength(0);

    const { data } = await account.owner.com.atproto.server.createAppPassword({ name: 'ruche-test' });
    const connected = await owner.post(api('/accounts/bluesky'), { service: pds.url, identifier: account.handle, appPassword: data.password });
    expect(connected.status).toBe(201);
  }, 60_000);

  it('publishes with the detected language, the image’s aspect ratio and the campaign’s UTM tags', async () => {
    const accountId = (await owner.get(api('/accounts'))).body.items[0].id;
    const png = await sharp({ create: { width: 64, height: 36, channels: 3, background: '#f2b233' } }).png().toBuffer();
    const image = await owner.request('POST', api('/media?fileName=ruche.png&alt=Une%20ruche'), new Uint8Array(png), { 'content-type': 'image/png' });
    const campaign = await owner.post(api('/campaigns'), { name: 'Printemps', utm: { enabled: true, source: '', medium: '', campaign: '' } });
    const body = 'Notre boutique ouvre ses portes samedi matin, venez nombreux : https://shop.example/ouverture';
    const created = await owner.post(api('/posts'), { body, accountIds: [accountId], mediaIds: [image.body.id], campaignId: campaign.body.id, language: null });
    await owner.post(api(`/posts/${created.body.id}/submit`));
    await owner.post(api(`/posts/${created.body.id}/schedule`), { at: 'now' });
    const done = await waitForStatus(owner, ws, created.body.id, ['published', 'failed', 'unknown'], 400);
    expect(done.status).toBe('published');

    const [, , repo, collection, rkey] = (await readUri(done)).split('/');
    const rec = (await account.owner.com.atproto.repo.getRecord({ repo, collection, rkey })).data.value as {
      text: string; langs: string[]; embed: { images: { alt: string; aspectRatio: { width: number; height: number } }[] };
      facets: { features: { uri?: string }[] }[];
    };
    expect(rec.langs).toEqual(['fr']);
    expect(rec.embed.images).toEqual([expect.objectContaining({ alt: 'Une ruche', aspectRatio: { width: 64, height: 36 } })]);
    const tagged = 'https://shop.example/ouverture?utm_source=bluesky&utm_medium=social&utm_campaign=printemps';
    expect(rec.text).toContain(tagged);
    expect(rec.facets.flatMap((f) => f.features).map((f) => f.uri)).toEqual([tagged]);
  }, 60_000);

  /** The record's at:// address, from what Ruche stored for the target. */
  async function readUri(post: { targets: { id: string }[] }) {
    const row = await ruche.ctx.store.db.selectFrom('post_targets').select('external_id').where('id', '=', post.targets[0].id).executeTakeFirstOrThrow();
    return String(row.external_id);
  }
});
