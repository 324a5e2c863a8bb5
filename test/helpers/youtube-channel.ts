import type { TestRuche } from './ruche.js';
import { saveConnection } from '../../src/modules/accounts/service.js';
import { YouTubeConnector } from '../../src/connectors/youtube/index.js';
import type { YouTubeCredentials } from '../../src/connectors/youtube/credentials.js';
import type { YouTubeFake } from '../connectors/youtube-fake.js';

/**
 * Creates a channel on the YouTube fake and connects it to a workspace, as the connect flow would save it: the
 * fake's OAuth client and tokens, and the account as the real connector reads it. Returns the account's id.
 * The fake listens on loopback, which the app's guarded fetch refuses: the guard is not what these tests test.
 */
export async function connectYouTubeChannel(
  ruche: TestRuche,
  fake: YouTubeFake,
  to: { workspaceId: string; userId: string },
  title: string,
  scopes?: Parameters<YouTubeFake['createChannel']>[1],
): Promise<string> {
  const { channel, token, refreshToken } = fake.createChannel(title, scopes);
  const credentials: YouTubeCredentials = {
    network: 'youtube', apiBase: fake.url, tokenUrl: fake.tokenUrl, clientId: fake.oauth.client.id, clientSecret: fake.oauth.client.secret,
    accessToken: token, refreshToken, expiresAt: null, channelId: channel.id, title: channel.title,
  };
  return saveConnection(ruche.ctx, {
    workspaceId: to.workspaceId, userId: to.userId, network: 'youtube', serviceUrl: fake.url, ip: null, credentials,
    account: await new YouTubeConnector({ credentials, fetch }).account(),
  });
}
