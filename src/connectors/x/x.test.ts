/**
 * X's own cases, against test/connectors/x-fake.ts (no X server can run here): the OAuth 2 connect with PKCE and the
 * rotating refresh token, the weighted count, a video through the chunked upload, exactly once after a lost answer,
 * and each documented error with X's words and what the user does.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors.js';
import { XFake } from '../../../test/connectors/x-fake.js';
import { xAccountOn } from '../../../test/connectors/x-harness.js';
import { lossyFetch } from '../../../test/connectors/lossy-fetch.js';
import { tinyMp4 } from '../../../test/connectors/youtube-mp4.js';
import { PNG_1PX } from '../../../test/connectors/fixtures.js';
import { NETWORKS } from '../index.js';
import { countXText } from './count.js';
import { X_OAUTH } from './oauth.js';

const rejection = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e as ConnectorError);

describe('x connector on the X API v2 fake', () => {
  let fake: XFake;
  beforeAll(async () => {
    fake = await new XFake().start();
  });
  afterAll(() => fake.close());
  const net = () => ({ fetch, now: Date.now });
  const endpoints = () => ({ authorizeUrl: `${fake.url}/i/oauth2/authorize`, tokenUrl: `${fake.url}/2/oauth2/token`, apiBase: fake.url });
  const app = () => ({ clientId: fake.oauth.client.id, clientSecret: fake.oauth.client.secret });

  /** What the generic connect flow does with the provider's fields: authorize URL with PKCE, then the code traded with Basic auth. */
  async function signIn(verifier = randomBytes(32).toString('base64url'), sentVerifier = verifier) {
    const url = new URL(X_OAUTH.endpoints.authorizeUrl.replace('https://x.com', fake.url));
    const redirect = 'http://127.0.0.1:9/oauth/x/callback';
    url.search = new URLSearchParams({
      response_type: 'code', client_id: fake.oauth.client.id, redirect_uri: redirect, scope: X_OAUTH.scopes.join(X_OAUTH.scopeSeparator),
      state: 'st4te', code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
    }).toString();
    const back = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('st4te');
    const res = await fetch(endpoints().tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${fake.oauth.client.id}:${fake.oauth.client.secret}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: redirect, code_verifier: sentVerifier }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, string | number> };
  }

  it('connects through OAuth 2 with PKCE: one target, credentials that work, and a refresh that rotates the refresh token', async () => {
    expect(X_OAUTH).toMatchObject({ pkce: true, clientAuth: 'basic', scopeSeparator: ' ' });
    expect(X_OAUTH.scopes).toEqual(expect.arrayContaining(['tweet.read', 'tweet.write', 'users.read', 'offline.access', 'like.write', 'follows.read']));
    const { user } = fake.createUser('ruche_oauth');
    fake.signInAs(user);
    const wrong = await signIn(randomBytes(32).toString('base64url'), 'not-the-verifier');
    expect(wrong).toEqual({ status: 400, body: { error: 'invalid_request', error_description: 'Value passed for the code verifier was invalid.' } });
    const { body } = await signIn();
    const token = { accessToken: String(body.access_token), refreshToken: String(body.refresh_token), expiresAt: Date.now() + Number(body.expires_in) * 1000, refreshExpiresAt: null, scopes: String(body.scope).split(' ') };
    expect(await X_OAUTH.listTargets(token, endpoints(), net())).toEqual([{ id: user.id, kind: 'Account', name: 'Ruche_oauth', handle: '@ruche_oauth' }]);
    const connected = await X_OAUTH.connect(token, user.id, app(), endpoints(), net());
    expect(connected.account).toMatchObject({ id: user.id, handle: 'ruche_oauth' });
    expect(connected.credentials).toMatchObject({ network: 'x', apiBase: fake.url, refreshToken: token.refreshToken });

    const renewed = await X_OAUTH.refresh!(connected.credentials, app(), endpoints(), net());
    expect(renewed!.credentials.refreshToken).not.toBe(token.refreshToken);
    expect(renewed!.expiresAt).toBeGreaterThan(Date.now());
    // The old refresh token died with the rotation.
    const stale = await rejection(X_OAUTH.refresh!(connected.credentials, app(), endpoints(), net()));
    expect(stale).toMatchObject({ kind: 'auth_expired', message: 'Value passed for the token was invalid.' });
    const post = await NETWORKS.x.create({ credentials: renewed!.credentials }).publish({ idempotencyKey: 'k1', text: 'Connecté' });
    expect(fake.state.live(post.ref.id)?.authorId).toBe(user.id);
  });

  it('renews an expired access token in the connector and stores the rotated pair before going on', async () => {
    const a = xAccountOn(fake, 'ruche_expire');
    fake.expireTokens(a.user.id);
    await a.connector.publish({ idempotencyKey: 'k2', text: 'Après deux heures' });
    expect(a.credentialsChanged).toHaveLength(1);
    const stored = a.credentialsChanged[0] as { refreshToken: string; accessToken: string };
    expect(stored.refreshToken).not.toBe(a.credentials.refreshToken);
    expect(fake.oauth.refresh.has(stored.refreshToken)).toBe(true);
    expect(fake.oauth.refresh.has(a.credentials.refreshToken!)).toBe(false);
  });

  it("weighs text as X does: 280, URLs 23, CJK and emoji 2", () => {
    expect(countXText('a'.repeat(280))).toEqual({ used: 280, max: 280 });
    expect(countXText(`voir https://example.com/${'x'.repeat(100)} !`).used).toBe(5 + 23 + 2);
    expect(countXText('蜂蜜').used).toBe(4);
    expect(countXText('🐝').used).toBe(2);
    expect(countXText('👩‍👩‍👧‍👦').used).toBe(2);
    expect(countXText('é').used).toBe(1);
    expect(countXText('e\u0301').used).toBe(1);
    expect(NETWORKS.x.countText('蜂'.repeat(141)).used).toBe(282);
  });

  it('refuses CJK text over the weight before sending anything', async () => {
    const lossy = lossyFetch();
    const a = xAccountOn(fake, 'ruche_cjk', { fetch: lossy.fetch });
    const err = await rejection(a.connector.publish({ idempotencyKey: 'k3', text: '蜂'.repeat(141) }));
    expect(err).toMatchObject({ kind: 'rejected' });
    expect(err.message).toContain('282');
    expect(lossy.sent('/2/')).toBe(0);
  });

  it('uploads a video in segments, waits while X processes it, then posts it', async () => {
    const a = xAccountOn(fake, 'ruche_video');
    const post = await a.connector.publish({ idempotencyKey: 'k4', text: 'Une vidéo', media: [{ ...tinyMp4(), alt: 'Ruche en vol' }] });
    const paths = fake.requests.map((r) => `${r.method} ${r.path}`);
    const id = fake.state.live(post.ref.id)!.mediaIds[0];
    expect(paths).toEqual(expect.arrayContaining([
      'POST /2/media/upload/initialize', `POST /2/media/upload/${id}/append`, `POST /2/media/upload/${id}/finalize`, 'GET /2/media/upload',
    ]));
    expect(fake.state.media.get(id)).toMatchObject({ type: 'video/mp4', pollsLeft: 0, alt: 'Ruche en vol' });
  }, 15_000);

  it('says the media is not ready when X refuses media still processing', async () => {
    const a = xAccountOn(fake, 'ruche_processing');
    const init = await fetch(`${fake.url}/2/media/upload/initialize`, {
      method: 'POST', headers: { authorization: `Bearer ${a.credentials.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ media_type: 'video/mp4', total_bytes: 0, media_category: 'tweet_video' }),
    }).then((r) => r.json() as Promise<{ data: { id: string } }>);
    const res = await fetch(`${fake.url}/2/tweets`, {
      method: 'POST', headers: { authorization: `Bearer ${a.credentials.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'trop tôt', media: { media_ids: [init.data.id] } }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ message: 'Your media IDs are invalid.' }] });
  });

  it('publishes once when the answer is lost: recovers by itself, and a retry finds the post through the duplicate refusal', async () => {
    const lossy = lossyFetch();
    const a = xAccountOn(fake, 'ruche_lost', { fetch: lossy.fetch });
    lossy.loseNextAnswer('/2/tweets');
    const first = await a.connector.publish({ idempotencyKey: 'k5', text: 'Une seule fois https://example.com/a' });
    expect(first.alreadyExisted).toBe(true);
    const again = await a.connector.publish({ idempotencyKey: 'k5', text: 'Une seule fois https://example.com/a' });
    expect(again).toMatchObject({ ref: first.ref, alreadyExisted: true });
    expect(fake.state.tweets.filter((t) => t.authorId === a.user.id)).toHaveLength(1);
  });

  it('reports an unknown outcome when the post cannot be found after a lost answer', async () => {
    const lossy = lossyFetch();
    const a = xAccountOn(fake, 'ruche_unknown', { fetch: lossy.fetch });
    lossy.loseNextAnswer('/2/tweets');
    lossy.loseNextAnswer('/tweets?');
    const err = await rejection(a.connector.publish({ idempotencyKey: 'k6', text: 'Perdu' }));
    expect(err).toMatchObject({ kind: 'unknown_outcome', action: 'check' });
  });

  it('maps documented errors to kinds with X’s words and what to do', async () => {
    const noLike = xAccountOn(fake, 'ruche_scopes', { scopes: ['tweet.read', 'tweet.write', 'users.read', 'offline.access'] });
    const forbidden = await rejection(noLike.connector.like({ id: '1' }));
    expect(forbidden).toMatchObject({ kind: 'forbidden', status: 403, action: 'fix' });
    expect(forbidden.message).toMatch(/^You are not permitted to perform this action\. .*grant Ruche every permission/);

    const limited = xAccountOn(fake, 'ruche_limited');
    fake.exhaust(limited.user.id, 'POST /2/tweets');
    const rate = await rejection(limited.connector.publish({ idempotencyKey: 'k7', text: 'vite' }));
    expect(rate).toMatchObject({ kind: 'rate_limited', retryable: true });
    expect(rate.message).toMatch(/100 calls per 15-minute window\); wait until \d\d:\d\d UTC/);

    const dup = xAccountOn(fake, 'ruche_dup');
    fake.postAs(dup.user, 'Bonjour');
    const twice = await rejection(dup.connector.publish({ idempotencyKey: 'k8', text: 'Bonjour', replyTo: undefined, media: [PNG_1PX] }));
    expect(twice).toMatchObject({ kind: 'rejected', networkCode: 'duplicate_content' });
    expect(twice.message).toMatch(/^You are not allowed to create a Tweet with duplicate content\./);

    const revoked = xAccountOn(fake, 'ruche_revoked');
    fake.revoke(revoked.user.id);
    expect(await rejection(revoked.connector.account())).toMatchObject({ kind: 'auth_expired', action: 'reconnect' });
  });

  it('hides a reply, mutes its author, likes and reposts; reads organic metrics of its own posts', async () => {
    const a = xAccountOn(fake, 'ruche_mod');
    const { user: troll } = fake.createUser('troll');
    const post = await a.connector.publish({ idempotencyKey: 'k9', text: 'Vos avis ?' });
    fake.postAs(troll, '@ruche_mod nul', post.ref.id);
    const [reply] = await a.connector.readComments(post.ref);
    expect(reply.author).toEqual({ id: troll.id, handle: 'troll', displayName: 'Troll' });
    await a.connector.hideComment(post.ref, reply.ref);
    expect(fake.state.live(reply.ref.id)?.hidden).toBe(true);
    await a.connector.muteAuthor(reply.author);
    expect(fake.state.mutes.has(`${a.user.id}>${troll.id}`)).toBe(true);
    const other = fake.postAs(troll, 'Autre chose');
    await a.connector.like({ id: other.id });
    await a.connector.repost({ id: other.id });
    expect(fake.state.live(other.id)).toMatchObject({ likes: new Set([a.user.id]), retweets: new Set([a.user.id]) });
    fake.state.live(post.ref.id)!.impressions = 42;
    expect(await a.connector.postMetrics([post.ref])).toEqual([{ replies: 1, reposts: 0, likes: 0, quotes: 0, views: 42 }]);
    const mentions = await a.connector.readMentions();
    expect(mentions.items.map((m) => m.text)).toEqual(['@ruche_mod nul']);
  });
});
