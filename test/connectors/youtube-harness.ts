/** Wires the YouTube connector to the documented-API fake, for the contract and YouTube's own tests. */
import type { ContractAccount, ContractNetwork, ContractSkips } from '../../src/connectors/contract.js';
import { YouTubeConnector } from '../../src/connectors/youtube/index.js';
import type { YouTubeCredentials } from '../../src/connectors/youtube/credentials.js';
import { lossyFetch, type LossyFetch } from './lossy-fetch.js';
import { YouTubeFake } from './youtube-fake.js';
import type { FakeChannel } from './youtube-fake-state.js';
import { tinyMp4 } from './youtube-mp4.js';

export const youtubeSkips: ContractSkips = {
  plainLinks: 'the API stores the description as written; YouTube makes links when it shows it',
  plainMentions: 'an @handle in a description is plain text to the API',
  multipleMedia: 'a YouTube post is one video',
  metrics: 'YouTube has no reposts; its counts are tested in youtube-connector.test.ts',
};

export interface YouTubeAccount extends ContractAccount {
  connector: YouTubeConnector;
  channel: FakeChannel;
  lossy: LossyFetch;
  credentials: YouTubeCredentials;
}

let n = 0;

export function youtubeAccount(fake: YouTubeFake, scopes?: string[]): YouTubeAccount {
  const { channel, token, refreshToken } = fake.createChannel(`Ruche ${++n}`, scopes);
  const viewer = fake.createChannel(`Viewer ${n}`).channel;
  const lossy = lossyFetch();
  const credentialsChanged: unknown[] = [];
  const credentials: YouTubeCredentials = {
    network: 'youtube', apiBase: fake.url, tokenUrl: fake.tokenUrl, clientId: fake.oauth.client.id, clientSecret: fake.oauth.client.secret,
    accessToken: token, refreshToken, expiresAt: null, channelId: channel.id, title: channel.title,
  };
  const connector = new YouTubeConnector({ credentials, onCredentialsChanged: (c) => void credentialsChanged.push(c), fetch: lossy.fetch });
  return {
    connector, channel, lossy, credentials, credentialsChanged,
    readBack: async (ref) => {
      const v = fake.live().find((x) => x.id === ref.id);
      if (!v) return null;
      const tags = [...v.description.matchAll(/(^|\s)#([\p{L}\p{N}_]+)/gu)].map((m) => m[2]);
      return { text: v.description, links: [], mentions: [], tags, media: [{ alt: null }], replyTo: null, languages: v.defaultLanguage ? [v.defaultLanguage] : [] };
    },
    countPosts: async () => fake.live(channel.id).length,
    loseNextAnswer: lossy.loseNextAnswer,
    sent: lossy.sent,
    expireSession: async () => {
      fake.oauth.access.get(connector['api'].creds.accessToken)!.expired = true;
      return { refreshable: true };
    },
    revokeSession: async () => fake.oauth.revoke(channel.id),
    exhaustRateLimit: async () => void (fake.quotaUsed = 10_000),
    replyAsOther: async (ref, text) => ({ id: fake.commentAs(viewer, ref.id, text).id }),
    engageAsOther: async (ref) => {
      const v = fake.live().find((x) => x.id === ref.id)!;
      v.likes++;
      v.views++;
    },
    settle: async () => {},
  };
}

export async function youtubeContractNetwork(): Promise<ContractNetwork & { fake: YouTubeFake }> {
  const fake = await new YouTubeFake().start();
  return {
    fake,
    // Both the session's opening POST and the byte PUTs go to this path.
    publishPath: '/upload/youtube/v3/videos', mentionHandle: 'abeille', image: tinyMp4(), mediaRequired: true,
    newAccount: async () => {
      // Each account starts a fresh day of quota: the contract makes more uploads than one day allows.
      fake.quotaUsed = 0;
      return youtubeAccount(fake);
    },
    close: () => fake.close(),
  };
}
