import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { saveConnection } from '../../src/modules/accounts/service.js';
import { NETWORKS } from '../../src/connectors/index.js';
import type { MediaLimits } from '../../src/connectors/types.js';
import { publicMediaUrl } from '../../src/modules/media/public-url.js';
import { inSeconds } from '../helpers/publishing.js';
import { tinyWebm } from '../helpers/webm.js';

// The limits Meta's and Google's documentation give (content publishing guide; videos.insert), as the Instagram and
// YouTube connectors declare them; set here too so that these tests do not wait on those connectors.
const DOCUMENTED: Partial<Record<'instagram' | 'youtube', MediaLimits>> = {
  instagram: { maxCount: 10, maxBytes: 8 * 1_048_576, mimeTypes: ['image/jpeg'], altText: true, maxAltLength: 1000, ratio: { min: 0.8, max: 1.91 }, required: true, video: { maxBytes: 300 * 1_048_576, mimeTypes: ['video/mp4', 'video/quicktime'], maxDurationSec: 900 } },
  youtube: { maxCount: 1, maxBytes: 0, mimeTypes: [], altText: false, maxAltLength: 0, required: true, video: { maxBytes: 256 * 1_073_741_824, mimeTypes: ['video/mp4', 'video/quicktime', 'video/webm'], maxDurationSec: 43_200 } },
};

describe.each(databases)('per-network post options and media on %s', (kind) => {
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let instagram: string;
  let youtube: string;
  const saved = new Map<string, MediaLimits>();

  beforeAll(async () => {
    for (const [net, limits] of Object.entries(DOCUMENTED)) {
      const n = NETWORKS[net as 'instagram'];
      saved.set(net, n.limits.media);
      (n.limits as { media: MediaLimits }).media = limits!;
    }
    ruche = await startTestRuche(kind);
    const o = await setupOwner(ruche.url);
    ({ client: owner, workspaceId: ws } = o);
    const connect = (network: string, handle: string) => saveConnection(ruche.ctx, {
      workspaceId: ws, userId: o.userId, network, serviceUrl: `https://${network}.test`,
      credentials: { network, account: handle } as never, account: { id: `${network}-${handle}`, handle, displayName: handle, followers: null }, ip: null,
    });
    instagram = await connect('instagram', 'brand.ig');
    youtube = await connect('youtube', 'brandtube');
  });
  afterAll(async () => {
    for (const [net, limits] of saved) (NETWORKS[net as 'instagram'].limits as { media: MediaLimits }).media = limits;
    await ruche?.stop();
  });

  const posts = (p = '') => `/api/v1/workspaces/${ws}/posts${p}`;
  const upload = (bytes: Uint8Array, type: string) => owner.request('POST', `/api/v1/workspaces/${ws}/media?fileName=clip`, bytes, { 'content-type': type });
  const png = async (width: number, height: number) => new Uint8Array(await sharp({ create: { width, height, channels: 3, background: '#a50' } }).png().toBuffer());

  it('saves the options with the post, shows them and keeps them across versions', async () => {
    const created = await owner.post(posts(), { body: 'Nouvelle collection', accountIds: [instagram, youtube], options: { instagram: { format: 'story', firstComment: 'Lien en bio' }, youtube: { title: 'La collection', privacy: 'unlisted' } } });
    expect(created.status).toBe(201);
    expect(created.body.options).toEqual({ instagram: { format: 'story', firstComment: 'Lien en bio' }, youtube: { title: 'La collection', privacy: 'unlisted' } });
    const edited = await owner.patch(posts(`/${created.body.id}`), { options: { instagram: { format: 'reel' } }, expectedVersion: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);
    expect(edited.body.options).toEqual({ instagram: { format: 'reel' } });
    // Editing the text alone leaves the options as they were.
    const text = await owner.patch(posts(`/${created.body.id}`), { body: 'Autre texte' });
    expect(text.body.options).toEqual({ instagram: { format: 'reel' } });
  });

  it('refuses options the networks would refuse, saying which field', async () => {
    const bad = async (options: unknown) => (await owner.post(posts(), { body: 'x', accountIds: [instagram], options })).body.error;
    expect((await bad({ instagram: { format: 'carousel' } })).details[0].path).toBe('options.instagram.format');
    expect((await bad({ instagram: { firstComment: 'a'.repeat(8001) } })).details[0].path).toBe('options.instagram.firstComment');
    expect((await bad({ youtube: { title: 'a'.repeat(101) } })).details[0].path).toBe('options.youtube.title');
    expect((await bad({ youtube: { title: 'Soldes <50%>' } })).details[0].message).toContain('< or >');
    expect((await bad({ youtube: { privacy: 'friends' } })).details[0].path).toBe('options.youtube.privacy');
    expect((await bad({ pinterest: { link: 'javascript:alert(1)' } })).details[0].message).toContain('http');
    expect((await bad({ pinterest: { boardId: '../boards' } })).details[0].path).toBe('options.pinterest.boardId');
    const past = await bad({ youtube: { publishAt: new Date(Date.now() - 60_000).toISOString() } });
    expect(past.code).toBe('publish_at_past');
  });

  it('refuses to send an Instagram post without an image, a story not 9:16 and a YouTube post without a video, and keeps the draft', async () => {
    const noImage = await owner.post(posts(), { body: 'Sans image', accountIds: [instagram, youtube] });
    const refused = await owner.post(posts(`/${noImage.body.id}/submit`));
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('not_fit_for_network');
    expect(refused.body.error.details.map((d: { network: string; code: string }) => `${d.network}:${d.code}`)).toEqual(['instagram:image_required', 'youtube:video_required']);
    expect((await owner.get(posts(`/${noImage.body.id}`))).body.status).toBe('draft');

    const square = await upload(await png(600, 600), 'image/png');
    const story = await owner.post(posts(), { body: 'Story', accountIds: [instagram], mediaIds: [square.body.id], options: { instagram: { format: 'story' } } });
    const storyRefused = await owner.post(posts(`/${story.body.id}/submit`));
    expect(storyRefused.status).toBe(422);
    expect(storyRefused.body.error.details[0]).toMatchObject({ code: 'story_ratio', params: { found: '600×600 (1:1)', needed: '9:16' } });
    expect(storyRefused.body.error.message).toContain('9:16');

    const tall = await upload(await png(540, 960), 'image/png');
    await owner.patch(posts(`/${story.body.id}`), { mediaIds: [tall.body.id] });
    expect((await owner.post(posts(`/${story.body.id}/submit`))).status).toBe(200);
  });

  it('reads a video’s length and size from the file and takes it for YouTube', async () => {
    const clip = await upload(tinyWebm(1280, 720, 2500), 'video/webm');
    expect(clip.status).toBe(201);
    expect(clip.body).toMatchObject({ mime: 'video/webm', width: 1280, height: 720, durationSec: 2.5 });
    const post = await owner.post(posts(), { body: 'Vidéo', accountIds: [youtube], mediaIds: [clip.body.id], options: { youtube: { title: 'Clip', publishAt: inSeconds(3600) } } });
    expect(post.body.media[0]).toMatchObject({ mime: 'video/webm', durationSec: 2.5 });
    expect((await owner.post(posts(`/${post.body.id}/submit`))).status).toBe(200);
    const notVideo = await upload(new TextEncoder().encode('\x1aE\xdf\xa3 not really a video'), 'video/webm');
    expect(notVideo.status).toBe(415);
  });

  it('serves a post file at its signed address until it expires, and nothing for a wrong signature', async () => {
    const img = await upload(await png(100, 100), 'image/png');
    const url = new URL(publicMediaUrl(ruche.ctx, img.body.id));
    const fetchPath = async (p: string) => fetch(`${ruche.url}${p}`);
    const good = await fetchPath(url.pathname + url.search);
    expect(good.status).toBe(200);
    expect(good.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await good.arrayBuffer()).byteLength).toBe(img.body.bytes);
    const sig = url.searchParams.get('signature')!;
    const tampered = `${url.pathname}?expires=${Number(url.searchParams.get('expires')) + 3600}&signature=${sig}`;
    expect((await fetchPath(tampered)).status).toBe(404);
    const otherFile = `${url.pathname.replace(img.body.id, 'other')}${url.search}`;
    expect((await fetchPath(otherFile)).status).toBe(404);
    const expired = new URL(publicMediaUrl(ruche.ctx, img.body.id, -1000));
    expect((await fetchPath(expired.pathname + expired.search)).status).toBe(404);
  });
});
