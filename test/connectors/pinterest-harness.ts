/** Wires the Pinterest connector to the documented-API fake for the connector contract. */
import { PinterestConnector } from '../../src/connectors/pinterest/index.js';
import type { ContractAccount, ContractNetwork, ContractSkips } from '../../src/connectors/contract.js';
import { PinterestFake } from './pinterest-fake.js';
import { lossyFetch } from './lossy-fetch.js';
import { PNG_1PX } from './fixtures.js';

let n = 0;

export const pinterestSkips: ContractSkips = {
  languages: 'pins carry no language',
  plainLinks: 'a pin description shows links as plain text; the pin has one destination link of its own',
  plainMentions: 'the API makes no mentions in a pin description',
  multipleMedia: 'a pin has one image with its alt text',
  rateLimit: undefined,
};

export async function pinterestContractNetwork(): Promise<ContractNetwork & { fake: PinterestFake }> {
  const fake = await new PinterestFake().start();
  const newAccount = async (): Promise<ContractAccount> => {
    const username = `ruche${++n}`;
    const { token, boards } = fake.createUser(username, ['Recettes', 'Jardin']);
    const lossy = lossyFetch();
    const credentialsChanged: unknown[] = [];
    const connector = new PinterestConnector({
      credentials: {
        network: 'pinterest', apiBase: fake.apiBase, accessToken: token, refreshToken: null, expiresAt: null, refreshExpiresAt: null,
        username, boardId: boards[0].id,
      },
      onCredentialsChanged: (c) => void credentialsChanged.push(c),
      fetch: lossy.fetch,
    });
    return {
      connector, credentialsChanged,
      readBack: async (ref) => {
        const pin = fake.pins.find((p) => p.id === ref.id && !p.deleted);
        if (!pin) return null;
        const tags = [...pin.description.matchAll(/(^|\s)#([\p{L}\p{N}_]+)/gu)].map((m) => m[2]);
        return { text: pin.description, links: [], mentions: [], tags, media: [{ alt: pin.alt_text }], replyTo: null, languages: [] };
      },
      countPosts: async () => fake.pinsOf(username).length,
      loseNextAnswer: lossy.loseNextAnswer,
      sent: lossy.sent,
      // The connector does not renew tokens itself: the refresh job does, with the app's keys (PINTEREST_OAUTH.refresh).
      expireSession: async () => ({ refreshable: false }),
      revokeSession: async () => void (fake.tokens.get(token)!.expired = true),
      exhaustRateLimit: async () => fake.exhaust(token),
      replyAsOther: async () => {
        throw new Error('Pinterest has no comments API');
      },
      engageAsOther: async () => {},
      settle: async () => {},
    };
  };
  return {
    fake,
    // Matches the create (POST /v5/pins) and the board look-up made before it (/v5/boards/{id}/pins).
    publishPath: '/pins', mentionHandle: 'abeille', image: PNG_1PX, mediaRequired: true, newAccount, close: () => fake.close() };
}
