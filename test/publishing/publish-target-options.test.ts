import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { saveConnection } from '../../src/modules/accounts/service.js';
import type { Capability, Connector, NetworkLimits, OutgoingPost } from '../../src/connectors/types.js';
import type { ConnectorFactory } from '../../src/modules/accounts/connector-factory.js';
import { readPendingTargets } from '../../src/modules/publishing/loaders.js';
import { publishTarget } from '../../src/modules/publishing/publish-target.js';
import { tinyWebm } from '../helpers/webm.js';

// A connector that only records what publishing hands it: what is checked here is Ruche's side of the contract.
const LIMITS: NetworkLimits = {
  text: { max: 2200, unit: 'graphemes', urlWeight: null, contentWarningCounts: false },
  media: { maxCount: 10, maxBytes: 8_000_000, mimeTypes: ['image/jpeg', 'image/png'], altText: true, maxAltLength: 1000, video: { maxBytes: 100_000_000, mimeTypes: ['video/webm'], maxDurationSec: 60 } },
  visibilities: ['public'],
  contentWarning: false,
};

describe.each(databases)('what publishing hands a connector on %s', (kind) => {
  const received: OutgoingPost[] = [];
  const factory: ConnectorFactory = {
    create: (network) => ({
      network, capabilities: new Set<Capability>(['publish', 'media']), limits: async () => LIMITS,
      countText: async (t: string) => ({ used: t.length, max: 2200 }), account: async () => ({ id: 'a', handle: 'a', displayName: 'a', followers: null }),
      publish: async (post: OutgoingPost) => {
        received.push(post);
        return { ref: { id: post.idempotencyKey }, url: null, text: post.text, createdAt: new Date().toISOString(), alreadyExisted: false };
      },
      findExisting: async () => null, getPost: async () => null, delete: async () => {},
    }) as unknown as Connector,
  };
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let account: string;

  beforeAll(async () => {
    ruche = await startTestRuche(kind, {}, { connectors: factory });
    const o = await setupOwner(ruche.url);
    ({ client: owner, workspaceId: ws } = o);
    account = await saveConnection(ruche.ctx, {
      workspaceId: ws, userId: o.userId, network: 'instagram', serviceUrl: 'https://graph.test',
      credentials: { network: 'instagram' } as never, account: { id: 'ig-1', handle: 'brand.ig', displayName: 'Brand', followers: null }, ip: null,
    });
  });
  afterAll(() => ruche?.stop());

  it('gives the network its tab’s options, the video untouched with its length, and a signed address for each file', async () => {
    const png = new Uint8Array(await sharp({ create: { width: 540, height: 960, channels: 3, background: '#05a' } }).png().toBuffer());
    const up = (bytes: Uint8Array, type: string) => owner.request('POST', `/api/v1/workspaces/${ws}/media?fileName=f`, bytes, { 'content-type': type });
    const image = (await up(png, 'image/png')).body;
    const video = tinyWebm(720, 1280, 12_000);
    const clip = (await up(video, 'video/webm')).body;
    const post = await owner.post(`/api/v1/workspaces/${ws}/posts`, {
      body: 'Nouveautés', accountIds: [account], mediaIds: [image.id, clip.id],
      options: { instagram: { format: 'feed', firstComment: 'Lien en bio' }, youtube: { title: 'Pas pour Instagram' } },
    });
    const [row] = await readPendingTargets(ruche.ctx.store.db, [post.body.id]);
    expect(await publishTarget(ruche.ctx, row, { lastAttempt: true, attempt: 1 })).toBe('published');
    const sent = received.at(-1)!;
    expect(sent.options).toEqual({ format: 'feed', firstComment: 'Lien en bio' });
    expect(sent.media).toHaveLength(2);
    expect(sent.media![1]).toMatchObject({ mimeType: 'video/webm', durationSec: 12, width: 720, height: 1280 });
    expect(sent.media![1].bytes).toEqual(video);
    for (const [i, m] of sent.media!.entries()) {
      const url = new URL(m.publicUrl!);
      const res = await fetch(`${ruche.url}${url.pathname}${url.search}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(i === 0 ? 'image/png' : 'video/webm');
    }
  });
});
