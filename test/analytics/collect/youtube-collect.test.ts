/**
 * YouTube's viewing figures (YouTube Analytics v2: minutes watched, average view, shares, subscribers gained) kept by
 * collection for each video Ruche published and for the channel, and served by the analytics API: through the
 * whole app, the real YouTube connector against the documented-API fake (no Google server runs here; see
 * test/connectors/youtube-fake.ts, which serves GET /v2/reports).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../../helpers/ruche.js';
import { setupOwner, type TestClient } from '../../helpers/client.js';
import { waitForStatus } from '../../helpers/publishing.js';
import { connectYouTubeChannel } from '../../helpers/youtube-channel.js';
import { YouTubeConnector } from '../../../src/connectors/youtube/index.js';
import { YouTubeFake } from '../../connectors/youtube-fake.js';
import { YOUTUBE_FAKE_SCOPES } from '../../connectors/youtube-fake-oauth.js';
import { tinyWebm } from '../../helpers/webm.js';
import { collectNow, makeDue, postsOf, rollupsOff } from './helpers.js';

describe.each(databases)('YouTube viewing figures collected on %s', (kind) => {
  let fake: YouTubeFake;
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let userId: string;
  let shift = 0;
  const clock = { now: () => Date.now() + shift };
  const reports = () => fake.requests.filter((r) => r.path === '/v2/reports');

  beforeAll(async () => {
    fake = await new YouTubeFake().start();
    // The fake listens on loopback, which the app's guarded fetch refuses: the guard is not what is tested here.
    ruche = await startTestRuche(kind, {}, { clock, connectors: { create: (_network, deps) => new YouTubeConnector({ ...deps, fetch }) } });
    const o = await setupOwner(ruche.url);
    ({ client: owner, workspaceId: ws, userId } = o);
  });
  afterAll(async () => {
    await ruche?.stop();
    await fake?.close();
  });

  const connect = (title: string, scopes = YOUTUBE_FAKE_SCOPES) => connectYouTubeChannel(ruche, fake, { workspaceId: ws, userId }, title, scopes);


  async function publishVideo(accountId: string, text: string): Promise<string> {
    const clip = await owner.request('POST', `/api/v1/workspaces/${ws}/media?fileName=clip.webm`, tinyWebm(640, 360, 1000), { 'content-type': 'video/webm' });
    expect(clip.status).toBe(201);
    const created = await owner.post(`/api/v1/workspaces/${ws}/posts`, { body: text, accountIds: [accountId], mediaIds: [clip.body.id], scheduledAt: new Date(clock.now() + 2000).toISOString() });
    await owner.post(`/api/v1/workspaces/${ws}/posts/${created.body.id}/submit`);
    expect((await waitForStatus(owner, ws, created.body.id, ['published', 'failed', 'unknown'])).status).toBe('published');
    return fake.live().find((v) => v.description === text)!.id;
  }

  const period = () => `from=${new Date(clock.now() - 2 * 86400_000).toISOString()}&to=${new Date(clock.now() + 86400_000).toISOString()}`;
  const apiPosts = async (accountId: string) => {
    const res = await owner.get(`/api/v1/workspaces/${ws}/analytics/posts?${period()}&accountId=${accountId}&sort=published_at&order=asc`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as Array<{ id: string; text: string; views: number | null; watch: Record<string, unknown> | null }>;
  };
  const channelFigures = async (accountId: string) => {
    const res = await owner.get(`/api/v1/workspaces/${ws}/analytics/watch-figures?accountId=${accountId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as Array<Record<string, unknown>>;
  };

  it("stores each published video's watch time, average view, shares and subscribers gained, read in one report for the batch, and the channel's", async () => {
    const accountId = await connect('Chaîne complète');
    const ids: string[] = [];
    for (const text of ['Vue longtemps', 'Vue un peu', 'Toute neuve']) ids.push(await publishVideo(accountId, text));
    const [v1, v2] = ids.map((id) => fake.live().find((v) => v.id === id)!);
    Object.assign(v1!, { views: 30, analytics: { estimatedMinutesWatched: 90, averageViewDuration: 0, shares: 4, subscribersGained: 2, subscribersLost: 0 } });
    Object.assign(v2!, { views: 10, analytics: { estimatedMinutesWatched: 5, averageViewDuration: 0, shares: 0, subscribersGained: 1, subscribersLost: 1 } });

    // An hour on: the channel is read again (the connection's backfill read it before its figures were set).
    shift += 3600_000;
    const before = reports().length;
    const job = await collectNow(ruche, accountId);
    expect(job.status, JSON.stringify(job.result)).toBe('succeeded');
    // The channel's totals, then one report for the three videos: not one a video.
    const asked = reports().slice(before);
    expect(asked.filter((r) => r.query.get('dimensions') === 'video').map((r) => r.query.get('filters')!.split('==')[1]!.split(',').sort())).toEqual([[...ids].sort()]);
    expect(asked.filter((r) => !r.query.get('dimensions'))).toHaveLength(1);

    const stored = new Map((await postsOf(ruche, accountId)).map((p) => [p.external_id, p]));
    expect(stored.size).toBe(3);
    // Each tracked from the Ruche post it was published from.
    expect([...stored.values()].every((p) => p.post_id !== null && p.text !== '')).toBe(true);
    const figures = (id: string) => {
      const p = stored.get(id)!;
      const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
      return { minutes: n(p.watch_minutes), average: n(p.average_view_seconds), shares: n(p.shares), gained: n(p.followers_gained), why: p.watch_missing_why ?? null };
    };
    expect(figures(ids[0]!)).toEqual({ minutes: 90, average: 180, shares: 4, gained: 2, why: null });
    expect(figures(ids[1]!)).toEqual({ minutes: 5, average: 30, shares: 0, gained: 1, why: null });
    // Not out yet: null, never 0, and said why.
    expect(figures(ids[2]!)).toEqual({ minutes: null, average: null, shares: null, gained: null, why: 'not_yet' });
    expect(stored.get(ids[2]!)!.watch_missing).toMatch(/two or three days/);
    expect(await rollupsOff(ruche, accountId)).toEqual([]);

    const items = await apiPosts(accountId);
    expect(items.map((p) => [p.text, p.views, p.watch])).toEqual([
      ['Vue longtemps', 30, { minutes: 90, averageViewSeconds: 180, shares: 4, followersGained: 2, missing: null, missingWhy: null }],
      ['Vue un peu', 10, { minutes: 5, averageViewSeconds: 30, shares: 0, followersGained: 1, missing: null, missingWhy: null }],
      ['Toute neuve', 0, { minutes: null, averageViewSeconds: null, shares: null, followersGained: null, missing: expect.stringMatching(/two or three days/), missingWhy: 'not_yet' }],
    ]);
    const growth = await owner.get(`/api/v1/workspaces/${ws}/analytics/posts/${items[0]!.id}/snapshots`);
    expect(growth.body.post.watch).toMatchObject({ minutes: 90, shares: 4 });
    expect(await channelFigures(accountId)).toEqual([expect.objectContaining({ accountId, network: 'youtube', minutes: 95, followersGained: 3, missing: null, missingWhy: null })]);

    // A day later YouTube Analytics' quota is used up: the counts still arrive, the figures read before stay, and
    // the video that has none yet says it is the quota.
    fake.analyticsQuotaExceeded = true;
    try {
      v1!.views = 31;
      await makeDue(ruche, accountId);
      expect((await collectNow(ruche, accountId)).status).toBe('succeeded');
    } finally {
      fake.analyticsQuotaExceeded = false;
    }
    const after = await apiPosts(accountId);
    expect(after[0]).toMatchObject({ views: 31, watch: { minutes: 90, averageViewSeconds: 180, missingWhy: null } });
    expect(after[2]!.watch).toMatchObject({ minutes: null, missingWhy: 'quota', missing: expect.stringMatching(/Quota exceeded/) });
    // The channel's totals read an hour before stay, rather than becoming unknown.
    shift += 3600_000;
    fake.analyticsQuotaExceeded = true;
    try {
      expect((await collectNow(ruche, accountId)).status).toBe('succeeded');
    } finally {
      fake.analyticsQuotaExceeded = false;
    }
    const snapshots = await ruche.ctx.store.db.selectFrom('analytics_account_snapshots').select(['watch_minutes', 'watch_missing_why']).where('account_id', '=', accountId).orderBy('taken_at', 'desc').execute();
    expect(snapshots[0]).toMatchObject({ watch_minutes: null, watch_missing_why: 'quota' });
    expect(await channelFigures(accountId)).toEqual([expect.objectContaining({ minutes: 95, followersGained: 3, missingWhy: null })]);
  });

  it('without the YouTube Analytics permission, the videos and the channel keep their counts and say the permission is missing', async () => {
    const accountId = await connect('Sans analytics', YOUTUBE_FAKE_SCOPES.filter((s) => !s.endsWith('yt-analytics.readonly')));
    const id = await publishVideo(accountId, 'Sans permission');
    Object.assign(fake.live().find((v) => v.id === id)!, { views: 7, likes: 2 });
    // The connection's backfill may have read the video already, before its counts were set, and put its next
    // reading later: it is read now, as when that time comes.
    await makeDue(ruche, accountId);
    expect((await collectNow(ruche, accountId)).status).toBe('succeeded');
    const [item] = await apiPosts(accountId);
    expect(item).toMatchObject({ views: 7, watch: { minutes: null, averageViewSeconds: null, shares: null, followersGained: null, missingWhy: 'permission' } });
    expect(item!.watch!.missing).toMatch(/insufficient authentication scopes/);
    expect(await channelFigures(accountId)).toEqual([expect.objectContaining({ minutes: null, followersGained: null, missingWhy: 'permission', missing: expect.stringMatching(/insufficient authentication scopes/) })]);
  });
});
