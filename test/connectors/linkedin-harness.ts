/** Wires the LinkedIn connector to the documented-API fake for the connector contract. */
import { LinkedInConnector } from '../../src/connectors/linkedin/index.js';
import type { ContractAccount, ContractNetwork, ReadBack } from '../../src/connectors/contract.js';
import { LinkedInFake } from './linkedin-fake.js';
import type { FakePost } from './linkedin-fake-state.js';
import { lossyFetch } from './lossy-fetch.js';
import { PNG_1PX } from './fixtures.js';

let n = 0;

/** How LinkedIn renders little text: `\x` is x, `@[Name](urn)` a mention, an unescaped `#word` a hashtag. */
export function readLittle(fake: LinkedInFake, commentary: string) {
  const mentions = [...commentary.matchAll(/@\[(?:\\.|[^\]\\])*\]\(urn:li:organization:(\d+)\)/g)]
    .map((m) => fake.state.orgs.get(Number(m[1]))?.vanityName ?? '');
  const tags = [...commentary.matchAll(/(^|[^\\\p{L}\p{N}_])#([\p{L}\p{N}_]+)/gu)].map((m) => m[2]);
  const text = commentary.replace(/@\[((?:\\.|[^\]\\])*)\]\(urn:li:organization:\d+\)/g, '@$1').replace(/\\(.)/g, '$1');
  const links = [...text.matchAll(/https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g)].map((m) => m[0]);
  return { text, mentions, tags, links };
}

function altsOf(p: FakePost): { alt: string | null }[] {
  const content = p.content as { media?: { altText?: string }; multiImage?: { images: { altText?: string }[] } } | null;
  const images = content?.media ? [content.media] : content?.multiImage?.images ?? [];
  return images.map((i) => ({ alt: i.altText ?? null }));
}

export async function linkedinContractNetwork(): Promise<ContractNetwork & { fake: LinkedInFake }> {
  const fake = await new LinkedInFake().start();
  fake.state.createOrg('Les Abeilles', 'abeille', 40);
  const other = fake.state.createMember('Camille Martin');

  const newAccount = async (): Promise<ContractAccount> => {
    const { member, org, token } = fake.adminOfNewPage(`Ruche ${++n}`, `ruche-${n}`);
    const lossy = lossyFetch();
    const credentialsChanged: unknown[] = [];
    const connector = new LinkedInConnector({
      credentials: {
        network: 'linkedin', apiBase: fake.apiBase, accessToken: token, refreshToken: null, expiresAt: null, refreshExpiresAt: null,
        organizationId: String(org.id),
      },
      onCredentialsChanged: (c) => void credentialsChanged.push(c),
      fetch: lossy.fetch,
    });
    return {
      connector, credentialsChanged,
      readBack: async (ref) => {
        const p = fake.state.livePost(ref.id);
        if (!p) return null;
        const little = readLittle(fake, p.commentary);
        return { ...little, media: altsOf(p), replyTo: null, languages: [] } satisfies ReadBack;
      },
      countPosts: async () => fake.postsOf(org).length,
      loseNextAnswer: lossy.loseNextAnswer,
      sent: lossy.sent,
      // The connector does not renew tokens itself: the refresh job does, with the app's keys (LINKEDIN_OAUTH.refresh).
      expireSession: async () => ({ refreshable: false }),
      revokeSession: async () => fake.revoke(token),
      exhaustRateLimit: async () => fake.exhaust(member.id),
      replyAsOther: async (ref, text) => ({ id: fake.commentAs(other, ref.id, text) }),
      engageAsOther: async (ref) => fake.likeAndReshareAs(other, ref.id),
      settle: async () => {},
    };
  };

  return { fake, publishPath: '/rest/posts', mentionHandle: 'abeille', image: PNG_1PX, newAccount, close: () => fake.close() };
}
