/**
 * Connecting a YouTube channel through Google OAuth 2 (developers.google.com/identity/protocols/oauth2/web-server):
 * PKCE, `access_type=offline` and `prompt=consent` so that Google hands a refresh token every time, keys in the
 * form body. Access tokens last an hour; refresh tokens do not rotate. The targets are the channels of the account.
 */
import type { NetCall, OAuthApp, OAuthEndpoints, OAuthProvider, OAuthToken } from '../oauth2/provider.js';
import type { Credentials } from '../types.js';
import { ConnectorError } from '../errors.js';
import { renewUserToken } from '../oauth2/user-token.js';
import { parseYouTubeCredentials, type YouTubeCredentials } from './credentials.js';
import { youtubeError } from './errors.js';
import { channelHandle } from './channel-handle.js';

/** Upload, manage comments (force-ssl), read the channel, and its analytics. */
export const YOUTUBE_SCOPES = [
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/youtube.force-ssl',
  'https://www.googleapis.com/auth/youtube.readonly',
  'https://www.googleapis.com/auth/yt-analytics.readonly',
] as const;

interface Channel {
  id: string;
  snippet?: { title?: string; customUrl?: string };
  statistics?: { subscriberCount?: string; videoCount?: string; hiddenSubscriberCount?: boolean };
}

async function channels(token: string, endpoints: OAuthEndpoints, net: NetCall): Promise<Channel[]> {
  let res: Response;
  try {
    res = await net.fetch(new URL('/youtube/v3/channels?part=snippet,statistics&mine=true&maxResults=50', endpoints.apiBase), { headers: { authorization: `Bearer ${token}` } });
  } catch (cause) {
    throw new ConnectorError('youtube', 'transient', 'YouTube did not answer.', { cause });
  }
  const body = (await res.json().catch(() => null)) as { items?: Channel[] } | null;
  if (!res.ok) throw youtubeError(res.status, body, net.now());
  return body?.items ?? [];
}

export const YOUTUBE_OAUTH: OAuthProvider = {
  network: 'youtube',
  console: { name: 'Google Cloud Console', url: 'https://console.cloud.google.com/apis/credentials' },
  env: {
    clientId: 'RUCHE_GOOGLE_CLIENT_ID', clientSecret: 'RUCHE_GOOGLE_CLIENT_SECRET', apiBase: 'RUCHE_YOUTUBE_API_BASE',
    authorizeUrl: 'RUCHE_GOOGLE_AUTHORIZE_URL', tokenUrl: 'RUCHE_GOOGLE_TOKEN_URL',
  },
  endpoints: { authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth', tokenUrl: 'https://oauth2.googleapis.com/token', apiBase: 'https://www.googleapis.com' },
  scopes: YOUTUBE_SCOPES,
  scopeSeparator: ' ',
  pkce: true,
  clientAuth: 'body',
  authorizeParams: { access_type: 'offline', prompt: 'consent', include_granted_scopes: 'true' },

  async listTargets(token, endpoints, net) {
    const list = await channels(token.accessToken, endpoints, net);
    return list.map((c) => ({ id: c.id, kind: 'Channel', name: c.snippet?.title ?? c.id, handle: channelHandle(c) }));
  },

  async connect(token: OAuthToken, targetId: string, app: OAuthApp, endpoints: OAuthEndpoints, net: NetCall) {
    const ch = (await channels(token.accessToken, endpoints, net)).find((c) => c.id === targetId);
    if (!ch) throw new ConnectorError('youtube', 'rejected', 'This Google account does not manage the chosen YouTube channel.');
    const credentials: YouTubeCredentials = {
      network: 'youtube', apiBase: endpoints.apiBase, tokenUrl: endpoints.tokenUrl, clientId: app.clientId, clientSecret: app.clientSecret || null,
      accessToken: token.accessToken, refreshToken: token.refreshToken, expiresAt: token.expiresAt, channelId: ch.id, title: ch.snippet?.title ?? ch.id,
    };
    const s = ch.statistics ?? {};
    return {
      credentials,
      account: {
        id: ch.id, handle: channelHandle(ch), displayName: ch.snippet?.title ?? null,
        followers: s.hiddenSubscriberCount || s.subscriberCount === undefined ? null : Number(s.subscriberCount),
        following: null, posts: s.videoCount === undefined ? null : Number(s.videoCount),
      },
      expiresAt: token.expiresAt,
    };
  },

  async refresh(raw: Credentials, app: OAuthApp, endpoints: OAuthEndpoints, net: NetCall) {
    const c = parseYouTubeCredentials(raw);
    if (!c.refreshToken) return null;
    const credentials = await renewUserToken({ ...c, refreshToken: c.refreshToken }, app, endpoints.tokenUrl, 'body', net);
    return { credentials, expiresAt: credentials.expiresAt };
  },
};
