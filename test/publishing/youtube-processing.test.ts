/**
 * After YouTube accepts an upload it still processes it, and may fail or reject it: through the whole app, the real
 * YouTube connector against the documented-API fake (no Google server runs here; see youtube-fake.ts), the follow-up
 * job run by the app's own job runner with the clock moved on instead of waiting minutes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { history, waitForStatus } from '../helpers/publishing.js';
import { connectYouTubeChannel } from '../helpers/youtube-channel.js';
import { YouTubeConnector } from '../../src/connectors/youtube/index.js';
import { POST_PROCESSING } from '../../src/modules/publishing/job-names.js';
import { YouTubeFake } from '../connectors/youtube-fake.js';
import { tinyWebm } from '../helpers/webm.js';

describe.each(databases)('a YouTube upload followed after publishing, on %s', (kind) => {
  let fake: YouTubeFake;
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let accountId: string;
  let shift = 0;
  const clock = { now: () => Date.now() + shift };

  beforeAll(async () => {
    fake = await new YouTubeFake().start();
    // The fake listens on loopback, which the app's guarded fetch refuses: the guard is not what is tested here.
    ruche = await startTestRuche(kind, {}, { clock, connectors: { create: (_network, deps) => new YouTubeConnector({ ...deps, fetch }) } });
    const o = await setupOwner(ruche.url);
    ({ client: owner, workspaceId: ws } = o);
    accountId = await connectYouTubeChannel(ruche, fake, o, 'Ruche');
  });
  afterAll(async () => {
    await ruche?.stop();
    await fake?.close();
  });
  beforeEach(() => {
    fake.quotaUsed = 0;
  });

  const posts = (p = '') => `/api/v1/workspaces/${ws}/posts${p}`;

  /** Publishes a video now and returns the post, published, with YouTube's id for it. */
  async function publishVideo(text: string) {
    const clip = await owner.request('POST', `/api/v1/workspaces/${ws}/media?fileName=clip.webm`, tinyWebm(1280, 720, 2000), { 'content-type': 'video/webm' });
    expect(clip.status).toBe(201);
    const created = await owner.post(posts(), { body: text, accountIds: [accountId], mediaIds: [clip.body.id], scheduledAt: new Date(clock.now() + 2000).toISOString() });
    await owner.post(posts(`/${created.body.id}/submit`));
    const done = await waitForStatus(owner, ws, created.body.id, ['published', 'failed', 'unknown']);
    expect(done.status).toBe('published');
    return { id: created.body.id as string, videoId: fake.live().find((v) => v.description === text)!.id };
  }

  async function followUp(videoId: string) {
    return ruche.ctx.store.db.selectFrom('jobs').selectAll().where('type', '=', POST_PROCESSING).where('idempotency_key', 'like', `%:${videoId}`).executeTakeFirstOrThrow();
  }

  /** Moves the clock past the follow-up's next look and lets the runner take it. */
  async function lookAgain(videoId: string) {
    const job = await followUp(videoId);
    shift += Math.max(0, Number(job.run_at) - clock.now()) + 1000;
    await ruche.ctx.runtime.runner!.processAll();
    // The claim counts the attempt before the look runs: wait for the look's outcome, not only its start.
    let now = await followUp(videoId);
    for (let i = 0; i < 100 && (now.attempts === job.attempts || now.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 20));
      now = await followUp(videoId);
    }
    return now;
  }

  it('looks again with a growing wait while YouTube processes, and stops once the video is ready', async () => {
    const { id, videoId } = await publishVideo('Prête après traitement');
    const queued = await followUp(videoId);
    expect(queued.status).toBe('queued');
    // In the post's workspace: its jobs page shows it.
    expect(queued.workspace_id).toBe(ws);
    expect((await owner.get(`/api/v1/workspaces/${ws}/jobs`)).body.items).toContainEqual(expect.objectContaining({ id: queued.id, type: POST_PROCESSING }));
    // A minute after it went out, not at once: YouTube needs that long for the smallest video.
    expect(Number(queued.run_at) - clock.now()).toBeGreaterThan(50_000);
    const first = await lookAgain(videoId);
    expect(first.status).toBe('queued');
    expect(Number(first.run_at) - clock.now()).toBeGreaterThan(100_000);
    fake.finishProcessing(videoId);
    expect((await lookAgain(videoId)).status).toBe('succeeded');
    expect((await owner.get(posts(`/${id}`))).body.status).toBe('published');
    expect(await history(owner, ws, id)).not.toContain('network_processing_failed');
  });

  it('a video YouTube rejects fails the post in YouTube’s words, shows in its history, and a retry uploads it again', async () => {
    const { id, videoId } = await publishVideo('Un doublon');
    fake.reject(videoId, 'duplicate');
    await lookAgain(videoId);
    const failed = await waitForStatus(owner, ws, id, ['failed']);
    const message = 'YouTube rejected the video (duplicate): it duplicates a video already on YouTube.';
    expect(failed.targets[0]).toMatchObject({ status: 'failed', error: { kind: 'rejected', message } });
    const events = (await owner.get(posts(`/${id}/history`))).body.items as Array<{ kind: string; body: string; data: Record<string, unknown> }>;
    expect(events.map((e) => e.kind).slice(-3)).toEqual(['publishing', 'published', 'network_processing_failed']);
    expect(events.at(-1)).toMatchObject({ body: message, data: { network: 'youtube', handle: 'ruche', state: 'rejected', reason: 'duplicate' } });
    expect((await followUp(videoId)).status).toBe('succeeded');

    // The refused upload is not the post: trying again uploads it anew rather than finding the refused one.
    expect((await owner.post(posts(`/${id}/retry`))).status).toBe(200);
    const again = await waitForStatus(owner, ws, id, ['published', 'failed', 'unknown']);
    expect(again.status).toBe('published');
    expect(fake.live().filter((v) => v.description === 'Un doublon')).toHaveLength(2);
  });

  it('a video YouTube fails to process fails the post with the reason', async () => {
    const { id, videoId } = await publishVideo('Mal encodée');
    await lookAgain(videoId);
    fake.failProcessing(videoId, 'transcodeFailed');
    await lookAgain(videoId);
    const failed = await waitForStatus(owner, ws, id, ['failed']);
    expect(failed.targets[0].error).toEqual({ kind: 'rejected', message: 'YouTube could not process the video (transcodeFailed): it could not be transcoded.' });
    expect(await history(owner, ws, id)).toContain('network_processing_failed');
  });

  it('rides out YouTube refusing a look for a while, and stops quietly when processing outlasts its hours', async () => {
    const { id, videoId } = await publishVideo('Très longue à traiter');
    // Too many calls at once: that look is lost, not the follow-up.
    fake.rateLimited = 1;
    const limited = await lookAgain(videoId);
    expect(limited).toMatchObject({ status: 'queued', last_error: expect.stringMatching(/rate limit/) });
    let job = limited;
    for (let i = 0; i < 10 && job.status === 'queued'; i++) job = await lookAgain(videoId);
    expect(job.status).toBe('succeeded');
    expect(JSON.parse(String(job.result))).toEqual({ stopped: 'still processing' });
    expect((await owner.get(posts(`/${id}`))).body.status).toBe('published');
  });
});
