/** Wires the X connector to the X fake (x-fake.ts) for the connector contract and X's own tests. */
import { XConnector } from '../../src/connectors/x/index.js';
import type { XCredentials } from '../../src/connectors/x/credentials.js';
import type { ContractAccount, ContractNetwork, ReadBack } from '../../src/connectors/contract.js';
import { lossyFetch } from './lossy-fetch.js';
import { PNG_1PX } from './fixtures.js';
import { XFake } from './x-fake.js';
import type { FakeXUser } from './x-fake-state.js';
import { ALL_X_SCOPES } from './x-fake-oauth.js';

let n = 0;

export function xCredentials(fake: XFake, user: FakeXUser, token: { access_token: string; refresh_token?: string; expires_in: number }): XCredentials {
  return {
    network: 'x', apiBase: fake.url, tokenUrl: `${fake.url}/2/oauth2/token`, clientId: fake.oauth.client.id, clientSecret: fake.oauth.client.secret,
    accessToken: token.access_token, refreshToken: token.refresh_token ?? null, expiresAt: Date.now() + token.expires_in * 1000,
    userId: user.id, username: user.username,
  };
}

export function xAccountOn(fake: XFake, username: string, opts: { scopes?: string[]; fetch?: typeof fetch } = {}) {
  const { user, token } = fake.createUser(username, opts.scopes ?? ALL_X_SCOPES);
  const credentialsChanged: unknown[] = [];
  const credentials = xCredentials(fake, user, token);
  const connector = new XConnector({ credentials, fetch: opts.fetch, onCredentialsChanged: (c) => void credentialsChanged.push(c) });
  return { user, credentials, connector, credentialsChanged };
}

export async function xContractNetwork(): Promise<ContractNetwork & { fake: XFake }> {
  const fake = await new XFake().start();
  const other = fake.createUser('abeille').user;

  const readBack = async (id: string): Promise<ReadBack | null> => {
    const t = fake.state.live(id);
    if (!t) return null;
    const r = fake.state.render(t, new Set(['entities']), t.authorId) as { entities?: { urls?: { expanded_url: string }[]; mentions?: { username: string }[]; hashtags?: { tag: string }[] } };
    return {
      text: t.text, links: r.entities?.urls?.map((u) => u.expanded_url) ?? [], mentions: r.entities?.mentions?.map((m) => m.username) ?? [],
      tags: r.entities?.hashtags?.map((h) => h.tag) ?? [], media: t.mediaIds.map((m) => ({ alt: fake.state.media.get(m)?.alt ?? null })),
      replyTo: t.inReplyTo, languages: [],
    };
  };

  const newAccount = async (): Promise<ContractAccount> => {
    const lossy = lossyFetch();
    const { user, connector, credentialsChanged } = xAccountOn(fake, `ruche${++n}`, { fetch: lossy.fetch });
    return {
      connector, credentialsChanged,
      readBack: (ref) => readBack(ref.id),
      countPosts: async () => fake.state.tweets.filter((t) => t.authorId === user.id && !t.deleted).length,
      loseNextAnswer: lossy.loseNextAnswer,
      sent: lossy.sent,
      expireSession: async () => {
        fake.expireTokens(user.id);
        return { refreshable: true };
      },
      revokeSession: async () => fake.revoke(user.id),
      exhaustRateLimit: async () => fake.exhaust(user.id, 'POST /2/tweets'),
      replyAsOther: async (ref, text) => ({ id: fake.postAs(other, `@${user.username} ${text}`, ref.id).id }),
      engageAsOther: async (ref) => {
        fake.likeAs(other, ref.id);
        fake.retweetAs(other, ref.id);
      },
      settle: async () => {},
    };
  };
  return { fake, publishPath: '/2/tweets', mentionHandle: 'abeille', image: PNG_1PX, newAccount, close: () => fake.close() };
}
