/**
 * The follow-up of YouTube's processing is not lost when the outcome of an upload is: a worker stopping right after
 * YouTube accepted the video, or YouTube's answer never arriving. The next attempt looks the video up among the
 * channel's uploads, finds it, and queues the follow-up then, in the post's workspace. The real YouTube connector
 * against the documented-API fake (see youtube-fake.ts), through the whole app and its own job runner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { waitForStatus } from '../helpers/publishing.js';
import { connectYouTubeChannel } from '../helpers/youtube-channel.js';
import { YouTubeConnector } from '../../src/connectors/youtube/index.js';
import { ConnectorError } from '../../src/connectors/errors.js';
import type { OutgoingPost, PublishedPost } from '../../src/connectors/types.js';
import { POST_PROCESSING } from '../../src/modules/publishing/job-names.js';
import { YouTubeFake } from '../connectors/youtube-fake.js';
import { tinyWebm } from '../helpers/webm.js';

/** What goes wrong once, just after YouTube has accepted the next upload. */
let afterAccepted: Error | null = null;

class InterruptedYouTube extends YouTubeConnector {
  override async publish(post: OutgoingPost): Promise<PublishedPost> {
    const published = await super.publish(post);
    const trouble = afterAccepted;
    afterAccepted = null;
    if (trouble) throw trouble;
    return published;
  }
}

describe.each(databases)('the follow-up of a YouTube upload whose outcome was lost, on %s', (kind) => {
  let fake: YouTubeFake;
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let accountId: string;

  beforeAll(async () => {
    fake = await new YouTubeFake().start();
    // The fake listens on loopback, which the app's guarded fetch refuses: the guard is not what is tested here.
    ruche = await startTestRuche(kind, {}, { connectors: { create: (_network, deps) => new InterruptedYouTube({ ...deps, fetch }) } });
    const o = await setupOwner(ruche.url);
    ({ client: owner, workspaceId: ws } = o);
    accountId = await connectYouTubeChannel(ruche, fake, o, 'Ruche');
  });
  afterAll(async () => {
    await ruche?.stop();
    await fake?.close();
  });

  const posts = (p = '') => `/api/v1/workspaces/${ws}/posts${p}`;

  async function scheduleVideo(text: string) {
    const clip = await owner.request('POST', `/api/v1/workspaces/${ws}/media?fileName=clip.webm`, tinyWebm(1280, 720, 2000), { 'content-type': 'video/webm' });
    expect(clip.status).toBe(201);
    const created = await owner.post(posts(), { body: text, accountIds: [accountId], mediaIds: [clip.body.id], scheduledAt: new Date(Date.now() + 2000).toISOString() });
    await owner.post(posts(`/${created.body.id}/submit`));
    return created.body.id as string;
  }

  const followUps = () => ruche.ctx.store.db.selectFrom('jobs').selectAll().where('type', '=', POST_PROCESSING).execute();

  /** The post is out once, and the follow-up of that one upload waits in the post's workspace, on its jobs page too. */
  async function expectFollowedOnce(text: string) {
    const uploads = fake.live().filter((v) => v.description === text);
    expect(uploads).toHaveLength(1);
    const jobs = (await followUps()).filter((j) => String(j.idempotency_key).endsWith(`:${uploads[0].id}`));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ status: 'queued', workspace_id: ws });
    const page = await owner.get(`/api/v1/workspaces/${ws}/jobs`);
    expect(page.body.items.map((j: { id: string; type: string }) => [j.id, j.type])).toContainEqual([jobs[0].id, POST_PROCESSING]);
    return uploads[0].id;
  }

  it('a worker stopping between YouTube accepting the video and queuing the follow-up: the next attempt finds it and queues it', async () => {
    afterAccepted = new Error('the worker stopped');
    const id = await scheduleVideo('Envoyée puis interrompue');
    const done = await waitForStatus(owner, ws, id, ['published', 'failed', 'unknown']);
    expect(done.status).toBe('published');
    const videoId = await expectFollowedOnce('Envoyée puis interrompue');
    expect(done.targets[0]).toMatchObject({ status: 'published', handle: 'ruche', url: expect.stringContaining(videoId) });
  });

  it('an answer lost after the upload leaves the post unknown; trying again finds the video and queues the follow-up', async () => {
    afterAccepted = new ConnectorError('youtube', 'unknown_outcome', 'YouTube did not answer the end of the upload.');
    const id = await scheduleVideo('Réponse perdue');
    expect((await waitForStatus(owner, ws, id, ['published', 'failed', 'unknown'])).status).toBe('unknown');
    const lost = fake.live().find((v) => v.description === 'Réponse perdue')!;
    expect((await followUps()).filter((j) => String(j.idempotency_key).endsWith(`:${lost.id}`))).toEqual([]);
    expect((await owner.post(posts(`/${id}/retry`))).status).toBe(200);
    const done = await waitForStatus(owner, ws, id, ['published', 'failed', 'unknown']);
    expect(done.status).toBe('published');
    const videoId = await expectFollowedOnce('Réponse perdue');
    expect(done.targets[0]).toMatchObject({ status: 'published', handle: 'ruche', url: expect.stringContaining(videoId) });
  });
});
