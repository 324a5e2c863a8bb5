/** Wires the Mastodon connector to the documented-API fake for the connector contract. */
import { MastodonConnector } from '../../src/connectors/mastodon/index.js';
import type { ContractAccount, ContractNetwork, ContractSkips, ReadBack } from '../../src/connectors/contract.js';
import { MastodonFake } from './mastodon-fake.js';
import type { MastodonQuirks } from './mastodon-fake-quirks.js';
import { lossyFetch } from './lossy-fetch.js';
import { PNG_1PX } from './fixtures.js';

let n = 0;

export async function mastodonContractNetwork(quirks: MastodonQuirks = {}): Promise<ContractNetwork & { fake: MastodonFake }> {
  const fake = await new MastodonFake({ quirks }).start();
  fake.rateLimit = 40;
  const other = fake.createAccount('abeille');

  const readBack = async (id: string): Promise<ReadBack | null> => {
    const s = fake.state.statuses.find((x) => x.id === id && !x.deleted);
    if (!s) return null;
    const r = fake.state.renderStatus(s);
    const links = [...r.content.matchAll(/<a href="([^"]+)" rel="nofollow/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    return {
      text: s.text, links, mentions: r.mentions.map((m) => m.acct), tags: r.tags.map((t) => t.name),
      media: r.media_attachments.map((m) => ({ alt: m.description })), replyTo: s.inReplyToId, languages: s.language ? [s.language] : [],
    };
  };

  const newAccount = async (): Promise<ContractAccount> => {
    const me = fake.createAccount(`ruche${++n}`);
    const lossy = lossyFetch();
    const credentialsChanged: unknown[] = [];
    const connector = new MastodonConnector({
      credentials: { network: 'mastodon', instanceUrl: fake.url, accessToken: me.token, accountId: me.id },
      onCredentialsChanged: (c) => void credentialsChanged.push(c),
      fetch: lossy.fetch,
    });
    return {
      connector, credentialsChanged,
      readBack: (ref) => readBack(ref.id),
      countPosts: async () => fake.statusesOf(me.id).length,
      loseNextAnswer: lossy.loseNextAnswer,
      sent: lossy.sent,
      // Mastodon's OAuth tokens do not expire; they are only revoked.
      expireSession: async () => ({ refreshable: false }),
      revokeSession: async () => fake.revoke(me.token),
      exhaustRateLimit: async () => {
        for (let i = 0; i <= fake.rateLimit; i++) {
          await fetch(`${fake.url}/api/v1/accounts/verify_credentials`, { headers: { authorization: `Bearer ${me.token}` } });
        }
      },
      replyAsOther: async (ref, text) => ({ id: fake.postAs(other, `@${me.username} ${text}`, ref.id).id }),
      engageAsOther: async (ref) => {
        fake.favouriteAs(other, ref.id);
        fake.reblogAs(other, ref.id);
      },
      settle: async () => {},
    };
  };

  return { fake, publishPath: '/api/v1/statuses', mentionHandle: 'abeille', image: PNG_1PX, newAccount, close: () => fake.close() };
}

/** What the contract cannot show on a server with these quirks. */
export const mastodonSkips = (quirks: MastodonQuirks): ContractSkips =>
  quirks.noRateLimit ? { rateLimit: 'this server sends no rate-limit headers and never answers 429' } : {};

/**
 * A new account on the fake and what Ruche stores for it: credentials for a connected account (network
 * 'mastodon'), and a connector on them. Others then act on it with the fake's hooks (mentionAs, replyAs, dmAs…).
 */
export function mastodonAccountOn(fake: MastodonFake, username: string, opts: { fetch?: typeof fetch } = {}) {
  const me = fake.createAccount(username);
  const credentials = { network: 'mastodon' as const, instanceUrl: fake.url, accessToken: me.token, accountId: me.id };
  return { me, credentials, connector: new MastodonConnector({ credentials, fetch: opts.fetch }) };
}
