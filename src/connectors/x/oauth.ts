/**
 * Connecting an X account: OAuth 2.0 Authorization Code with PKCE (docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code).
 * A confidential client sends its keys as HTTP Basic to POST /2/oauth2/token. `offline.access` brings a refresh
 * token; access tokens last two hours and each refresh returns a new refresh token, the old one dying at once.
 */
import type { OAuthProvider, OAuthToken, NetCall, OAuthApp, OAuthEndpoints } from '../oauth2/provider.js';
import type { Credentials } from '../types.js';
import { ConnectorError } from '../errors.js';
import { parseXCredentials, type XCredentials } from './credentials.js';
import { xError } from './errors.js';
import { renewUserToken } from '../oauth2/user-token.js';
import type { XUser } from './tweets.js';

/**
 * tweet.read/users.read to read, tweet.write to post (and repost), media.write for media, like.write,
 * mute.write to mute an author, tweet.moderate.write to hide replies, follows.read for the follower counts,
 * offline.access for the refresh token.
 */
export const X_SCOPES = [
  'tweet.read', 'tweet.write', 'users.read', 'offline.access', 'like.write', 'follows.read',
  'media.write', 'mute.write', 'tweet.moderate.write',
] as const;

async function me(token: string, endpoints: OAuthEndpoints, net: NetCall): Promise<XUser> {
  let res: Response;
  try {
    res = await net.fetch(new URL('/2/users/me?user.fields=public_metrics', endpoints.apiBase), { headers: { authorization: `Bearer ${token}` } });
  } catch (cause) {
    throw new ConnectorError('x', 'transient', 'X did not answer.', { cause });
  }
  const body = (await res.json().catch(() => null)) as { data?: XUser } | null;
  if (!res.ok || !body?.data) throw xError(res.status, body, res.headers, net.now());
  return body.data;
}

export const X_OAUTH: OAuthProvider = {
  network: 'x',
  console: { name: 'X Developer Console', url: 'https://console.x.com' },
  env: { clientId: 'RUCHE_X_CLIENT_ID', clientSecret: 'RUCHE_X_CLIENT_SECRET', apiBase: 'RUCHE_X_API_BASE', authorizeUrl: 'RUCHE_X_AUTHORIZE_URL', tokenUrl: 'RUCHE_X_TOKEN_URL' },
  endpoints: { authorizeUrl: 'https://x.com/i/oauth2/authorize', tokenUrl: 'https://api.x.com/2/oauth2/token', apiBase: 'https://api.x.com' },
  scopes: X_SCOPES,
  scopeSeparator: ' ',
  pkce: true,
  clientAuth: 'basic',

  async listTargets(token, endpoints, net) {
    const u = await me(token.accessToken, endpoints, net);
    return [{ id: u.id, kind: 'Account', name: u.name ?? u.username, handle: `@${u.username}` }];
  },

  async connect(token: OAuthToken, targetId: string, app: OAuthApp, endpoints: OAuthEndpoints, net: NetCall) {
    const u = await me(token.accessToken, endpoints, net);
    if (u.id !== targetId) throw new ConnectorError('x', 'rejected', 'This X sign-in is for another account than the one chosen.');
    const credentials: XCredentials = {
      network: 'x', apiBase: endpoints.apiBase, tokenUrl: endpoints.tokenUrl, clientId: app.clientId, clientSecret: app.clientSecret || null,
      accessToken: token.accessToken, refreshToken: token.refreshToken, expiresAt: token.expiresAt, userId: u.id, username: u.username,
    };
    const m = u.public_metrics ?? {};
    return {
      credentials,
      account: { id: u.id, handle: u.username, displayName: u.name ?? null, followers: m.followers_count ?? null, following: m.following_count ?? null, posts: m.tweet_count ?? null },
      expiresAt: token.expiresAt,
    };
  },

  async refresh(raw: Credentials, app: OAuthApp, endpoints: OAuthEndpoints, net: NetCall) {
    const c = parseXCredentials(raw);
    if (!c.refreshToken) return null;
    const credentials = await renewUserToken({ ...c, refreshToken: c.refreshToken }, app, endpoints.tokenUrl, 'basic', net);
    return { credentials, expiresAt: credentials.expiresAt };
  },
};
