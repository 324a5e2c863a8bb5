/**
 * Connecting a YouTube channel through Google's OAuth 2 against the fake (youtube-fake-oauth.ts): the code traded
 * with its PKCE verifier, the channel picked, the token renewed with the refresh token, a revoked one refused.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { callTokenEndpoint } from '../../src/modules/accounts/oauth2/token-endpoint.js';
import { YOUTUBE_OAUTH } from '../../src/connectors/youtube/index.js';
import { YouTubeFake } from './youtube-fake.js';
import { YOUTUBE_FAKE_SCOPES } from './youtube-fake-oauth.js';

let fake: YouTubeFake;
beforeAll(async () => {
  fake = await new YouTubeFake().start();
});
afterAll(() => fake.close());

it('trades the code with its PKCE verifier, connects the channel, renews the token and says a revoked one needs reconnecting', async () => {
  const { channel } = fake.createChannel('Café Lumière');
  const endpoints = { authorizeUrl: `${fake.url}/o/oauth2/v2/auth`, tokenUrl: fake.tokenUrl, apiBase: fake.url };
  const app = { clientId: fake.oauth.client.id, clientSecret: fake.oauth.client.secret };
  const net = { fetch, now: Date.now };
  const verifier = randomBytes(32).toString('base64url');
  const redirect = 'https://ruche.example/api/v1/oauth/youtube/callback';
  const code = fake.oauth.authorize({ channelId: channel.id, scopes: YOUTUBE_FAKE_SCOPES }, createHash('sha256').update(verifier).digest('base64url'), redirect);
  const params = { grant_type: 'authorization_code', code, redirect_uri: redirect };
  await expect(callTokenEndpoint(YOUTUBE_OAUTH, app, endpoints, { ...params, code_verifier: 'wrong' }, net)).rejects.toMatchObject({ message: expect.stringContaining('invalid_grant') });
  const code2 = fake.oauth.authorize({ channelId: channel.id, scopes: YOUTUBE_FAKE_SCOPES }, createHash('sha256').update(verifier).digest('base64url'), redirect);
  const token = await callTokenEndpoint(YOUTUBE_OAUTH, app, endpoints, { ...params, code: code2, code_verifier: verifier }, net);
  expect(token.refreshToken).toMatch(/^1\/\//);
  expect([...YOUTUBE_OAUTH.scopes].every((s) => token.scopes.includes(s))).toBe(true);
  // YouTube's customUrl is the handle with its "@"; Ruche keeps handles without it, as for every network.
  expect(channel.customUrl).toBe('@caflumire');
  expect(await YOUTUBE_OAUTH.listTargets(token, endpoints, net)).toEqual([{ id: channel.id, kind: 'Channel', name: 'Café Lumière', handle: 'caflumire' }]);
  const connected = await YOUTUBE_OAUTH.connect(token, channel.id, app, endpoints, net);
  expect(connected.account).toMatchObject({ id: channel.id, handle: 'caflumire', followers: 42, posts: 0 });
  const renewed = await YOUTUBE_OAUTH.refresh!(connected.credentials, app, endpoints, net);
  expect(renewed?.credentials).toMatchObject({ refreshToken: token.refreshToken });
  expect(renewed?.expiresAt).toBeGreaterThan(Date.now());
  fake.oauth.revoke(channel.id);
  await expect(YOUTUBE_OAUTH.refresh!(connected.credentials, app, endpoints, net)).rejects.toMatchObject({
    kind: 'auth_expired', networkCode: 'invalid_grant', message: 'Token has been expired or revoked.',
  });
});
