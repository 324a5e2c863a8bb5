/**
 * YouTube's own rules, against the documented-API fake (youtube-fake.ts): a post is one video with a title and a
 * description; privacy and publishAt; the resumable upload interrupted and resumed; exactly once when the outcome
 * is lost; Google's errors in their kinds with YouTube's words; comments in the inbox shape; moderation; counts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../src/connectors/errors.js';
import type { PostRef, PublishedPost } from '../../src/connectors/types.js';
import { YouTubeFake } from './youtube-fake.js';
import { youtubeAccount } from './youtube-harness.js';
import { YOUTUBE_FAKE_SCOPES } from './youtube-fake-oauth.js';
import { tinyMp4 } from './youtube-mp4.js';
import { PNG_1PX } from './fixtures.js';

let fake: YouTubeFake;
beforeAll(async () => {
  fake = await new YouTubeFake().start();
});
afterAll(() => fake.close());
// A fresh day of quota for each case: six uploads use up a day.
beforeEach(() => {
  fake.quotaUsed = 0;
});

let seq = 0;
const key = () => `yt-${++seq}`;
const video = tinyMp4();
const uploads = () => fake.requests.filter((r) => r.path.startsWith('/upload/')).length;

async function rejection(p: Promise<unknown>): Promise<ConnectorError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

describe('YouTube publishing', () => {
  it('refuses a text or an image post with the reason, before sending anything', async () => {
    const a = youtubeAccount(fake);
    const before = uploads();
    const text = await rejection(a.connector.publish({ idempotencyKey: key(), text: 'Juste du texte' }));
    expect(text).toMatchObject({ kind: 'rejected', message: expect.stringMatching(/one video/) });
    const image = await rejection(a.connector.publish({ idempotencyKey: key(), text: 'Une photo', media: [PNG_1PX] }));
    expect(image.message).toMatch(/one video/);
    expect(uploads()).toBe(before);
  });

  it('holds the title to 100 characters, the description to 5,000 bytes, and refuses < and >', async () => {
    const a = youtubeAccount(fake);
    const before = uploads();
    const long = await rejection(a.connector.publish({ idempotencyKey: key(), text: 'ok', media: [video], options: { title: 't'.repeat(101) } }));
    expect(long.message).toMatch(/101.*100/);
    // 2,500 characters but 5,002 bytes: under the character count, over YouTube's byte limit.
    const bytes = await rejection(a.connector.publish({ idempotencyKey: key(), text: `${'é'.repeat(2500)}ab`, media: [video] }));
    expect(bytes.message).toMatch(/5002 bytes.*5000/);
    const angle = await rejection(a.connector.publish({ idempotencyKey: key(), text: 'a < b', media: [video] }));
    expect(angle.message).toMatch(/< and >/);
    expect(uploads()).toBe(before);
    const ok = await a.connector.publish({ idempotencyKey: key(), text: 'Première ligne\nsuite', media: [video], options: { title: 't'.repeat(100) } });
    expect(fake.live().find((v) => v.id === ok.ref.id)).toMatchObject({ title: 't'.repeat(100), description: 'Première ligne\nsuite', privacyStatus: 'public' });
    const untitled = await a.connector.publish({ idempotencyKey: key(), text: 'Titre pris ici\nle reste', media: [video] });
    expect(fake.live().find((v) => v.id === untitled.ref.id)?.title).toBe('Titre pris ici');
  });

  it('uploads with the privacy chosen, and a scheduled video as private with its publishAt', async () => {
    const a = youtubeAccount(fake);
    const unlisted = await a.connector.publish({ idempotencyKey: key(), text: 'Entre nous', media: [video], options: { privacy: 'unlisted' } });
    expect(fake.live().find((v) => v.id === unlisted.ref.id)?.privacyStatus).toBe('unlisted');
    const at = new Date(Date.now() + 86_400_000).toISOString();
    const later = await a.connector.publish({ idempotencyKey: key(), text: 'Demain', media: [video], options: { publishAt: at } });
    expect(fake.live().find((v) => v.id === later.ref.id)).toMatchObject({ privacyStatus: 'private', publishAt: at });
    const before = uploads();
    const pub = await rejection(a.connector.publish({ idempotencyKey: key(), text: 'Non', media: [video], options: { publishAt: at, privacy: 'public' } }));
    expect(pub.message).toMatch(/private/);
    expect(uploads()).toBe(before);
    // A time already past: YouTube refuses it in its own words, without markup.
    const past = await rejection(a.connector.publish({ idempotencyKey: key(), text: 'Hier', media: [video], options: { publishAt: new Date(Date.now() - 86_400_000).toISOString() } }));
    expect(past).toMatchObject({ kind: 'rejected', networkCode: 'invalidPublishAt' });
    expect(past.message).toContain('invalid scheduled publishing time');
  });

  it('resumes an interrupted upload from the bytes YouTube received', async () => {
    const a = youtubeAccount(fake);
    fake.cutNextUploadAt = 40;
    const post = await a.connector.publish({ idempotencyKey: key(), text: 'Coupé puis repris', media: [video] });
    expect(fake.live(a.channel.id).map((v) => v.id)).toEqual([post.ref.id]);
    const session = [...fake.sessions.values()].find((s) => s.videoId === post.ref.id)!;
    expect(Buffer.compare(session.bytes, Buffer.from(video.bytes))).toBe(0);
    // The cut PUT, the question "where are we" (bytes */total), and the rest.
    expect(a.lossy.sent('upload_id=')).toBe(3);
  });

  it('returns the video when the last answer is lost, by asking the session', async () => {
    const a = youtubeAccount(fake);
    a.lossy.loseNextAnswer('upload_id=');
    const post = await a.connector.publish({ idempotencyKey: key(), text: 'Réponse perdue', media: [video] });
    expect(post.alreadyExisted).toBe(false);
    expect(fake.live(a.channel.id).map((v) => v.id)).toEqual([post.ref.id]);
  });

  it('says the outcome is unknown when YouTube never confirms, then finds the video instead of uploading again', async () => {
    const a = youtubeAccount(fake);
    for (let i = 0; i < 7; i++) a.lossy.loseNextAnswer('upload_id=');
    const text = 'Jamais confirmé';
    const err = await rejection(a.connector.publish({ idempotencyKey: key(), text, media: [video] }));
    expect(err).toMatchObject({ kind: 'unknown_outcome', action: 'check' });
    const found = await a.connector.findExisting('k', { text });
    expect(found).toMatchObject({ ref: { id: fake.live(a.channel.id)[0].id }, alreadyExisted: true });
    expect(fake.live(a.channel.id)).toHaveLength(1);
  });
});

describe("YouTube's errors", () => {
  it('classifies quota, rate limit, upload limit, credentials and permissions with YouTube\'s words', async () => {
    const a = youtubeAccount(fake);
    fake.quotaUsed = 10_000;
    const quota = await rejection(a.connector.publish({ idempotencyKey: key(), text: 'Quota', media: [video] }));
    expect(quota).toMatchObject({ kind: 'rate_limited', networkCode: 'quotaExceeded', status: 403 });
    expect(quota.message).toContain('exceeded your quota');
    expect(quota.message).not.toContain('<a');
    expect(quota.retryAfterMs).toBeGreaterThan(0);
    fake.quotaUsed = 0;

    fake.rateLimited = 1;
    const rate = await rejection(a.connector.accountMetrics());
    expect(rate).toMatchObject({ kind: 'rate_limited', networkCode: 'rateLimitExceeded' });

    fake.uploadLimited.add(a.channel.id);
    const limit = await rejection(a.connector.publish({ idempotencyKey: key(), text: 'Trop', media: [video] }));
    expect(limit).toMatchObject({ kind: 'rate_limited', networkCode: 'uploadLimitExceeded' });
    expect(limit.message).toContain('exceeded the number of videos');
    expect(limit.retryAfterMs).toBe(24 * 3600_000);
    fake.uploadLimited.delete(a.channel.id);

    const narrow = youtubeAccount(fake, YOUTUBE_FAKE_SCOPES.filter((s) => !s.endsWith('force-ssl')));
    const post = await narrow.connector.publish({ idempotencyKey: key(), text: 'Vidéo', media: [video] });
    const scopes = await rejection(narrow.connector.publish({ idempotencyKey: key(), text: 'Merci', replyTo: post.ref }));
    expect(scopes).toMatchObject({ kind: 'forbidden', networkCode: 'insufficientPermissions', message: expect.stringContaining('insufficient authentication scopes') });

    fake.oauth.revoke(a.channel.id);
    const revoked = await rejection(a.connector.accountMetrics());
    expect(revoked).toMatchObject({ kind: 'auth_expired', action: 'reconnect' });
  });

  it('renews the hour-long token with the refresh token and keeps the refresh token', async () => {
    const a = youtubeAccount(fake);
    fake.oauth.access.get(a.credentials.accessToken)!.expired = true;
    await a.connector.accountMetrics();
    expect(a.credentialsChanged).toHaveLength(1);
    expect(a.credentialsChanged[0]).toMatchObject({ refreshToken: a.credentials.refreshToken });
    expect((a.credentialsChanged[0] as { accessToken: string }).accessToken).not.toBe(a.credentials.accessToken);
  });

  it('treats a video deleted elsewhere as gone, and refuses a comment where comments are off', async () => {
    const a = youtubeAccount(fake);
    const post = await a.connector.publish({ idempotencyKey: key(), text: 'Sans commentaires', media: [video] });
    fake.live().find((v) => v.id === post.ref.id)!.commentsDisabled = true;
    const off = await rejection(a.connector.publish({ idempotencyKey: key(), text: 'Bravo', replyTo: post.ref }));
    expect(off).toMatchObject({ kind: 'rejected', networkCode: 'commentsDisabled' });
    expect(off.message).toContain('has disabled comments');
    expect(off.message).not.toContain('<code>');
    const read = await rejection(a.connector.readComments(post.ref));
    expect(read.networkCode).toBe('commentsDisabled');
    fake.live().find((v) => v.id === post.ref.id)!.deleted = true;
    await a.connector.delete(post.ref);
    expect(await a.connector.getPost(post.ref)).toBeNull();
  });
});

describe('YouTube comments, moderation and counts', () => {
  it('reads comments and their answers into the inbox shape, and answers both', async () => {
    const a = youtubeAccount(fake);
    const viewer = fake.createChannel('Abeille').channel;
    const post = await a.connector.publish({ idempotencyKey: key(), text: 'Vos avis', media: [video] });
    const top = fake.commentAs(viewer, post.ref.id, 'Super <b>vidéo</b> & merci');
    const answer = await a.connector.publish({ idempotencyKey: key(), text: 'Merci à vous', replyTo: { id: top.id } });
    const onVideo = await a.connector.publish({ idempotencyKey: key(), text: 'Un mot du créateur', replyTo: post.ref });
    const comments = await a.connector.readComments(post.ref);
    expect(comments.map((c) => [c.ref.id, c.inReplyTo?.id])).toEqual(expect.arrayContaining([[top.id, post.ref.id], [answer.ref.id, top.id], [onVideo.ref.id, post.ref.id]]));
    expect(comments.find((c) => c.ref.id === top.id)).toMatchObject({
      text: 'Super <b>vidéo</b> & merci', author: { id: viewer.id, handle: viewer.customUrl }, createdAt: top.publishedAt,
    });
    const mentions = await a.connector.readMentions();
    expect(mentions.items.map((c) => c.ref.id)).toEqual([onVideo.ref.id, top.id]);
    expect((await a.connector.readMentions(mentions.cursor ?? undefined)).items).toEqual([]);
  });

  it('holds a comment for review, rejects one, and bans its author', async () => {
    const a = youtubeAccount(fake);
    const troll = fake.createChannel('Troll').channel;
    const post = await a.connector.publish({ idempotencyKey: key(), text: 'Modération', media: [video] });
    const c1 = fake.commentAs(troll, post.ref.id, 'un');
    const c2 = fake.commentAs(troll, post.ref.id, 'deux');
    await a.connector.hideComment(post.ref, { id: c1.id });
    expect(c1.moderationStatus).toBe('heldForReview');
    await a.connector.deleteComment({ id: c2.id });
    expect(c2.moderationStatus).toBe('rejected');
    const c3 = fake.commentAs(troll, post.ref.id, 'trois');
    await a.connector.banAuthor({ id: troll.id, handle: troll.customUrl, displayName: null });
    expect(c3.moderationStatus).toBe('rejected');
    expect(fake.banned.has(`${a.channel.id}:${troll.id}`)).toBe(true);
    expect(await a.connector.readComments(post.ref)).toEqual([]);
  });

  it("reads a video's views, likes and comments, and the channel's subscribers and videos", async () => {
    const a = youtubeAccount(fake);
    const viewer = fake.createChannel('Fan').channel;
    const post = await a.connector.publish({ idempotencyKey: key(), text: 'Compté', media: [video] });
    const v = fake.live().find((x) => x.id === post.ref.id)!;
    v.views = 12;
    v.likes = 3;
    fake.commentAs(viewer, post.ref.id, 'Bien');
    const [counts, gone] = await a.connector.postMetrics([post.ref, { id: 'absent' }]);
    expect(counts).toMatchObject({ replies: 1, reposts: 0, likes: 3, quotes: null, views: 12 });
    expect(gone).toBeNull();
    expect(await a.connector.accountMetrics()).toMatchObject({ id: a.channel.id, followers: 42, posts: 1, following: null });
  });
});

describe('YouTube Analytics figures', () => {
  const reports = () => fake.requests.filter((r) => r.path === '/v2/reports');

  it("adds each video's watch time, average view, shares and subscribers gained, and the channel's totals", async () => {
    const a = youtubeAccount(fake);
    const posts: PublishedPost[] = [];
    for (const text of ['Vue longtemps', 'Vue un peu', 'Toute neuve']) posts.push(await a.connector.publish({ idempotencyKey: key(), text, media: [video] }));
    const [v1, v2] = posts.map((p) => fake.live().find((x) => x.id === p.ref.id)!);
    Object.assign(v1, { views: 30, analytics: { estimatedMinutesWatched: 90, averageViewDuration: 0, shares: 4, subscribersGained: 2, subscribersLost: 0 } });
    Object.assign(v2, { views: 10, analytics: { estimatedMinutesWatched: 5, averageViewDuration: 0, shares: 0, subscribersGained: 1, subscribersLost: 1 } });
    const before = reports().length;
    const metrics = await a.connector.postMetrics(posts.map((p) => p.ref));
    expect(metrics[0]).toMatchObject({ views: 30, watchMinutes: 90, averageViewSeconds: 180, shares: 4, followersGained: 2 });
    expect(metrics[0]!.missing).toBeUndefined();
    expect(metrics[1]).toMatchObject({ views: 10, watchMinutes: 5, averageViewSeconds: 30, shares: 0, followersGained: 1 });
    // Uploaded a moment ago: YouTube Analytics has nothing on it yet, and says nothing wrong either.
    expect(metrics[2]).toMatchObject({ views: 0, watchMinutes: null, shares: null, followersGained: null, missing: expect.stringMatching(/two or three days/) });
    // One report for all three, as the channel's own, one row a video.
    expect(reports().length - before).toBe(1);
    const q = reports().at(-1)!.query;
    expect(q.get('ids')).toBe('channel==MINE');
    expect(q.get('dimensions')).toBe('video');
    expect(q.get('filters')).toBe(`video==${posts.map((p) => p.ref.id).join(',')}`);
    expect(q.get('metrics')).toBe('estimatedMinutesWatched,averageViewDuration,shares,subscribersGained');
    const account = await a.connector.accountMetrics();
    expect(account).toMatchObject({ followers: 42, posts: 3, watchMinutes: 95, followersGained: 3 });
    expect(account.missing).toBeUndefined();
    // Connecting and checking an account reads the Data API only.
    const calls = reports().length;
    // The handle without the "@" of YouTube's customUrl, as every network's.
    expect(await a.connector.account()).toMatchObject({ id: a.channel.id, handle: a.channel.customUrl.slice(1) });
    expect(a.channel.customUrl).toMatch(/^@\w+$/);
    expect(reports().length).toBe(calls);
  });

  it('without the analytics permission, the counts still come from the Data API and the rest is null with the reason', async () => {
    const a = youtubeAccount(fake, YOUTUBE_FAKE_SCOPES.filter((s) => !s.endsWith('yt-analytics.readonly')));
    const post = await a.connector.publish({ idempotencyKey: key(), text: 'Sans analytics', media: [video] });
    Object.assign(fake.live().find((x) => x.id === post.ref.id)!, { views: 7, likes: 2 });
    const [m] = await a.connector.postMetrics([post.ref]);
    expect(m).toMatchObject({ views: 7, likes: 2, watchMinutes: null, averageViewSeconds: null, shares: null, followersGained: null });
    expect(m!.missing).toMatch(/YouTube Analytics.*insufficient authentication scopes.*Connect the channel again/);
    const account = await a.connector.accountMetrics();
    expect(account).toMatchObject({ followers: 42, posts: 1, watchMinutes: null, followersGained: null });
    expect(account.missing).toMatch(/insufficient authentication scopes/);
  });

  it("when YouTube Analytics' quota is used up, the Data API's counts still arrive, with Google's words", async () => {
    const a = youtubeAccount(fake);
    const post = await a.connector.publish({ idempotencyKey: key(), text: 'Quota', media: [video] });
    Object.assign(fake.live().find((x) => x.id === post.ref.id)!, { views: 5, analytics: { estimatedMinutesWatched: 1, averageViewDuration: 0, shares: 0, subscribersGained: 0, subscribersLost: 0 } });
    fake.analyticsQuotaExceeded = true;
    try {
      const [m] = await a.connector.postMetrics([post.ref]);
      expect(m).toMatchObject({ views: 5, watchMinutes: null });
      expect(m!.missing).toMatch(/Quota exceeded for quota metric 'Queries'/);
      expect((await a.connector.accountMetrics()).missing).toMatch(/Quota exceeded/);
    } finally {
      fake.analyticsQuotaExceeded = false;
    }
    expect((await a.connector.postMetrics([post.ref]))[0]).toMatchObject({ watchMinutes: 1 });
  });

  it('an expired connection is still an expired connection, not a missing figure', async () => {
    const a = youtubeAccount(fake);
    const post = await a.connector.publish({ idempotencyKey: key(), text: 'Révoqué', media: [video] });
    await a.revokeSession!();
    const err = await rejection(a.connector.postMetrics([post.ref]));
    expect(err.kind).toBe('auth_expired');
  });
});

describe('YouTube processing after upload', () => {
  it('tells processing, then ready, failed or rejected, in YouTube’s words', async () => {
    const a = youtubeAccount(fake);
    const refs: PostRef[] = [];
    for (const text of ['Prête', 'Cassée', 'Doublon']) refs.push((await a.connector.publish({ idempotencyKey: key(), text, media: [video] })).ref);
    expect(await a.connector.processing(refs[0])).toEqual({ state: 'processing', reason: null, message: null });
    fake.finishProcessing(refs[0].id);
    fake.failProcessing(refs[1].id, 'transcodeFailed');
    fake.reject(refs[2].id, 'duplicate');
    expect(await a.connector.processing(refs[0])).toEqual({ state: 'succeeded', reason: null, message: null });
    expect(await a.connector.processing(refs[1])).toEqual({ state: 'failed', reason: 'transcodeFailed', message: 'YouTube could not process the video (transcodeFailed): it could not be transcoded.' });
    expect(await a.connector.processing(refs[2])).toEqual({ state: 'rejected', reason: 'duplicate', message: 'YouTube rejected the video (duplicate): it duplicates a video already on YouTube.' });
    fake.live().find((v) => v.id === refs[0].id)!.deleted = true;
    expect(await a.connector.processing(refs[0])).toBeNull();
  });
});
