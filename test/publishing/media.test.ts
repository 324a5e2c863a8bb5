import crypto from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { connectLocalAccount, waitForStatus } from '../helpers/publishing.js';

async function upload(client: TestClient, ws: string, bytes: Uint8Array, type: string, alt: string) {
  return client.request('POST', `/api/v1/workspaces/${ws}/media?fileName=photo&alt=${encodeURIComponent(alt)}`, bytes, { 'content-type': type });
}

describe('media in posts', () => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let account: string;
  beforeAll(async () => {
    ruche = await startTestRuche('sqlite', {}, { connectors: network.factory() });
    const o = await setupOwner(ruche.url);
    ({ client: owner, workspaceId: ws } = o);
    account = await connectLocalAccount(ruche, ws, o.userId, 'brand');
  });
  afterAll(() => ruche?.stop());

  it('stores an image, refuses what is not one, and resizes it for the network at publishing', async () => {
    const raw = crypto.randomBytes(1400 * 1000 * 3);
    const png = new Uint8Array(await sharp(raw, { raw: { width: 1400, height: 1000, channels: 3 } }).png().toBuffer());
    expect(png.byteLength).toBeGreaterThan(network.limits.media.maxBytes);
    const stored = await upload(owner, ws, png, 'image/png', 'Notre boutique à Lyon');
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ mime: 'image/png', width: 1400, height: 1000, alt: 'Notre boutique à Lyon' });
    const fake = await upload(owner, ws, new TextEncoder().encode('<script>alert(1)</script>'), 'image/png', '');
    expect(fake.status).toBe(415);
    const file = await fetch(`${ruche.url}${stored.body.url}`);
    expect(file.status).toBe(401);

    const post = await owner.post(`/api/v1/workspaces/${ws}/posts`, { body: 'Avec photo', accountIds: [account], mediaIds: [stored.body.id] });
    expect(post.body.media).toHaveLength(1);
    await owner.post(`/api/v1/workspaces/${ws}/posts/${post.body.id}/submit`);
    await owner.post(`/api/v1/workspaces/${ws}/posts/${post.body.id}/schedule`, { at: 'now' });
    const done = await waitForStatus(owner, ws, post.body.id, ['published', 'failed']);
    expect(done.status).toBe('published');
    const sent = network.posts.get(done.targets[0].id)!;
    expect(sent.media).toHaveLength(1);
    expect(sent.media[0].bytes).toBeLessThanOrEqual(network.limits.media.maxBytes);
    expect(sent.media[0]).toMatchObject({ mimeType: 'image/jpeg', alt: 'Notre boutique à Lyon' });
  });
});
