/** A real PDS (with its PLC) on loopback, and accounts on it wired to the Bluesky connector for the contract. */
import { createHmac, randomBytes } from 'node:crypto';
import { AtpAgent, type ComAtprotoRepoApplyWrites } from '@atproto/api';
import { TestNetworkNoAppView } from '@atproto/dev-env';
import { BlueskyConnector, connectBluesky, type BlueskyCredentials } from '../../src/connectors/bluesky/index.js';
import type { ContractAccount, ContractNetwork, ReadBack } from '../../src/connectors/contract.js';
import type { PostRef } from '../../src/connectors/types.js';
import { lossyFetch, type LossyFetch } from './lossy-fetch.js';
import { PNG_1PX } from './fixtures.js';

export interface PdsAccount {
  did: string;
  handle: string;
  /** Signed in with the main password: the test's own view of the account, never the connector's. */
  owner: AtpAgent;
  appPassword: string;
}

export class Pds {
  private n = 0;
  private constructor(readonly network: TestNetworkNoAppView) {}

  /** Rate limits on, as on a real PDS, so a 429 in the tests is the server's own. */
  static async start(): Promise<Pds> {
    return new Pds(await TestNetworkNoAppView.create({ pds: { rateLimitsEnabled: true } }));
  }

  get url() {
    return this.network.pds.url;
  }

  async createAccount(prefix = 'ruche'): Promise<PdsAccount> {
    const handle = `${prefix}${++this.n}${randomBytes(2).toString('hex')}.test`;
    const owner = this.network.pds.getClient();
    await owner.createAccount({ handle, email: `${handle}@example.com`, password: 'main-password' });
    const { data } = await owner.com.atproto.server.createAppPassword({ name: 'ruche' });
    return { did: owner.session!.did, handle, owner, appPassword: data.password };
  }

  /** The same session with its access token already expired, signed with the PDS's own key. */
  expire(creds: BlueskyCredentials): BlueskyCredentials {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const [head, body] = creds.accessJwt.split('.');
    const payload = { ...JSON.parse(Buffer.from(body, 'base64url').toString()), iat: Math.floor(Date.now() / 1000) - 7200 };
    payload.exp = payload.iat + 60;
    const unsigned = `${head}.${b64(payload)}`;
    const sig = createHmac('sha256', this.network.pds.jwtSecretKey()).update(unsigned).digest('base64url');
    return { ...creds, accessJwt: `${unsigned}.${sig}` };
  }

  async readBack(owner: AtpAgent, uri: string): Promise<ReadBack | null> {
    const [, , repo, collection, rkey] = uri.split('/');
    const got = await owner.com.atproto.repo.getRecord({ repo, collection, rkey }).catch(() => null);
    if (!got) return null;
    type Rec = { text: string; langs?: string[]; reply?: { parent: { uri: string } }; embed?: { images?: { alt: string }[] };
      facets?: { features: { $type: string; uri?: string; did?: string; tag?: string }[] }[] };
    const rec = got.data.value as Rec;
    const features = (rec.facets ?? []).flatMap((f) => f.features);
    const handles = await Promise.all(features.filter((f) => f.did).map(async (f) =>
      (await owner.com.atproto.repo.describeRepo({ repo: f.did! })).data.handle));
    return {
      text: rec.text, links: features.flatMap((f) => (f.uri ? [f.uri] : [])), mentions: handles,
      tags: features.flatMap((f) => (f.tag ? [f.tag] : [])), media: (rec.embed?.images ?? []).map((i) => ({ alt: i.alt })),
      replyTo: rec.reply?.parent.uri ?? null, languages: rec.langs ?? [],
    };
  }

  async close() {
    await this.network.close();
  }
}

export async function blueskyContractNetwork(pds: Pds): Promise<ContractNetwork & { raw(did: string): AtpAgent }> {
  const owners = new Map<string, AtpAgent>();
  const other = await pds.createAccount('abeille');
  const newAccount = async (): Promise<ContractAccount> => {
    const acct = await pds.createAccount();
    owners.set(acct.did, acct.owner);
    const lossy: LossyFetch = lossyFetch();
    const { credentials } = await connectBluesky({ service: pds.url, identifier: acct.handle, password: acct.appPassword, fetch: lossy.fetch });
    const credentialsChanged: BlueskyCredentials[] = [];
    const open = (creds: BlueskyCredentials) => new BlueskyConnector({
      credentials: creds, fetch: lossy.fetch, onCredentialsChanged: (c) => void credentialsChanged.push(c as BlueskyCredentials),
    });
    const latest = () => credentialsChanged.at(-1) ?? credentials;
    const self: ContractAccount = {
      connector: open(credentials),
      credentialsChanged,
      readBack: (ref) => pds.readBack(acct.owner, ref.id),
      countPosts: async () => (await acct.owner.com.atproto.repo.listRecords({ repo: acct.did, collection: 'app.bsky.feed.post', limit: 100 })).data.records.length,
      loseNextAnswer: lossy.loseNextAnswer,
      sent: lossy.sent,
      expireSession: async () => {
        self.connector = open(pds.expire(latest()));
        return { refreshable: true };
      },
      revokeSession: async () => {
        await acct.owner.com.atproto.server.revokeAppPassword({ name: 'ruche' });
        self.connector = open(pds.expire(latest()));
      },
      exhaustRateLimit: async () => {
        // The PDS allows 5000 write points an hour per account (3 per create): spend them in batches of 200.
        const writes: ComAtprotoRepoApplyWrites.InputSchema['writes'] = Array.from({ length: 200 }, () => ({
          $type: 'com.atproto.repo.applyWrites#create' as const, collection: 'app.bsky.feed.like',
          value: { $type: 'app.bsky.feed.like', subject: { uri: `at://${acct.did}/app.bsky.feed.post/3jzfcijpj2z2a`, cid: 'bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm' }, createdAt: new Date().toISOString() },
        }));
        for (let i = 0; i < 12; i++) {
          const res = await acct.owner.com.atproto.repo.applyWrites({ repo: acct.did, writes, validate: false }).catch((e: { status?: number }) => e);
          if ((res as { status?: number }).status === 429) return;
        }
        throw new Error('the PDS never rate-limited');
      },
      replyAsOther: async (ref: PostRef, text: string) => {
        const parent = { uri: ref.id, cid: ref.cid! };
        const { data } = await other.owner.com.atproto.repo.createRecord({ repo: other.did, collection: 'app.bsky.feed.post',
          record: { $type: 'app.bsky.feed.post', text, createdAt: new Date().toISOString(), reply: { root: parent, parent } } });
        return { id: data.uri, cid: data.cid };
      },
      engageAsOther: async (ref: PostRef) => {
        for (const collection of ['app.bsky.feed.like', 'app.bsky.feed.repost']) {
          await other.owner.com.atproto.repo.createRecord({ repo: other.did, collection,
            record: { $type: collection, subject: { uri: ref.id, cid: ref.cid! }, createdAt: new Date().toISOString() } });
        }
      },
      // Nothing counts on a PDS alone: the metrics cases are skipped here (see blueskyContractSkips).
      settle: async () => {},
    };
    return self;
  };
  return { raw: (did) => owners.get(did)!, publishPath: 'com.atproto.repo.createRecord', mentionHandle: other.handle, image: PNG_1PX, newAccount, close: async () => {} };
}

/** The PDS alone has no AppView: what only an AppView answers (counts, an account's feed) is tested on the full network. */
export const blueskyContractSkips = { metrics: 'a PDS alone has no AppView to count; see test/analytics/collect/bluesky-collect.test.ts' };
