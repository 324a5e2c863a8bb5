/**
 * Wires the Facebook and Instagram connectors to the Graph API fake for the connector contract. Instagram fetches
 * media from a public address: a small server here plays Ruche's signed media URLs.
 */
import sharp from 'sharp';
import type { ContractAccount, ContractNetwork, ContractSkips, ReadBack } from '../../src/connectors/contract.js';
import { FacebookConnector } from '../../src/connectors/facebook/connector.js';
import { InstagramConnector } from '../../src/connectors/instagram/connector.js';
import type { MediaInput, OutgoingPost } from '../../src/connectors/types.js';
import { MetaFake } from './meta-fake.js';
import { fbCommentAs } from './meta-fake-pages.js';
import { addIgComment } from './meta-fake-instagram.js';
import { lossyFetch } from './lossy-fetch.js';
import { PNG_1PX } from './fixtures.js';
import { startFakeServer, type FakeServer } from './fake-server.js';

/** Serves files at random paths, as Ruche's expiring public media URLs do. */
export class MediaHost {
  url = '';
  private files = new Map<string, { bytes: Uint8Array; type: string }>();
  private server: FakeServer | undefined;
  async start(): Promise<this> {
    this.server = await startFakeServer((req, res) => {
      const f = this.files.get(req.url ?? '');
      if (!f) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': f.type, 'content-length': f.bytes.byteLength });
      res.end(Buffer.from(f.bytes));
    });
    this.url = this.server.url;
    return this;
  }
  put(name: string, bytes: Uint8Array, type: string): string {
    this.files.set(`/m/${name}`, { bytes, type });
    return `${this.url}/m/${name}`;
  }
  async close(): Promise<void> {
    await this.server?.close();
  }
}

export async function jpeg(width: number, height: number): Promise<Uint8Array> {
  return new Uint8Array(await sharp({ create: { width, height, channels: 3, background: '#f5c518' } }).jpeg().toBuffer());
}

let n = 0;

export async function facebookContractNetwork(): Promise<ContractNetwork & { fake: MetaFake }> {
  const fake = await new MetaFake().start();
  const visitor = { id: '900001', name: 'Abeille Visiteuse' };
  const newAccount = async (): Promise<ContractAccount> => {
    const { page } = fake.createPage(`Ruche ${++n}`);
    const lossy = lossyFetch();
    const credentialsChanged: unknown[] = [];
    const connector = new FacebookConnector({
      credentials: { network: 'facebook', apiBase: fake.apiBase, pageId: page.id, accessToken: page.token },
      onCredentialsChanged: (c) => void credentialsChanged.push(c), fetch: lossy.fetch,
    });
    const readBack = async (id: string): Promise<ReadBack | null> => {
      const p = fake.state.posts.get(id) ?? null;
      const c = fake.state.comments.get(id) ?? null;
      if (p && !p.deleted) {
        return {
          text: p.message, links: [...p.message.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]), mentions: [],
          tags: [...p.message.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => m[1]), media: p.photos.map((x) => ({ alt: x.alt })), replyTo: null, languages: [],
        };
      }
      if (c && !c.deleted) return { text: c.message, links: [], mentions: [], tags: [], media: [], replyTo: c.parentId ?? c.rootId, languages: [] };
      return null;
    };
    return {
      connector, credentialsChanged, readBack: (ref) => readBack(ref.id),
      countPosts: async () => [...fake.state.posts.values()].filter((p) => p.pageId === page.id && !p.deleted).length,
      loseNextAnswer: lossy.loseNextAnswer, sent: lossy.sent,
      // Page tokens from a long-lived user token do not expire; Meta ends them and the user reconnects.
      expireSession: async () => ({ refreshable: false }),
      revokeSession: async () => fake.revokeToken(page.token),
      exhaustRateLimit: async () => fake.exhaustPage(page.id),
      replyAsOther: async (ref, text) => ({ id: fbCommentAs(fake, visitor, ref.id, text) }),
      engageAsOther: async (ref) => {
        const p = fake.state.posts.get(ref.id)!;
        p.reactions++;
        p.shares++;
      },
      settle: async () => {},
    };
  };
  return { fake, publishPath: '/feed', mentionHandle: 'abeille', image: PNG_1PX, newAccount, close: () => fake.close() };
}

export const FACEBOOK_SKIPS: ContractSkips = {
  languages: 'a Page post stores no language',
  plainMentions: 'an @name typed in a Page post through the API stays text (tags need the @[id] syntax)',
  following: 'a Page follows no one in the Graph',
};

export async function instagramContractNetwork(): Promise<ContractNetwork & { fake: MetaFake; host: MediaHost }> {
  const fake = await new MetaFake().start();
  const host = await new MediaHost().start();
  const bytes = await jpeg(1080, 1350);
  const image: MediaInput = { bytes, mimeType: 'image/jpeg', width: 1080, height: 1350, publicUrl: host.put('bee.jpg', bytes, 'image/jpeg') };
  const visitor = { id: '178400001', username: 'abeille' };
  const newAccount = async (): Promise<ContractAccount> => {
    const { page, ig } = fake.createPage(`Ruche IG ${++n}`, { instagram: true });
    const lossy = lossyFetch();
    const credentialsChanged: unknown[] = [];
    const inner = new InstagramConnector({
      credentials: { network: 'instagram', apiBase: fake.apiBase, pageId: page.id, igUserId: ig!.id, accessToken: page.token, handle: ig!.username },
      onCredentialsChanged: (c) => void credentialsChanged.push(c), fetch: lossy.fetch,
    }, { pollMs: 5 });
    // Every Instagram post carries media; a reply (a comment) carries none.
    const publish = (post: OutgoingPost) => inner.publish(post.media?.length || post.replyTo ? post : { ...post, media: [image] });
    const connector = new Proxy(inner, { get: (t, p, r) => (p === 'publish' ? publish : Reflect.get(t, p, r)) });
    const readBack = async (id: string): Promise<ReadBack | null> => {
      const m = fake.state.media.get(id);
      const c = fake.state.comments.get(id);
      if (m && !m.deleted) {
        return {
          text: m.caption, links: [], mentions: [...m.caption.matchAll(/@([\w.]+)/g)].map((x) => x[1]),
          tags: [...m.caption.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((x) => x[1]), media: m.items.map((x) => ({ alt: x.alt })), replyTo: null, languages: [],
        };
      }
      if (c && !c.deleted) return { text: c.message, links: [], mentions: [], tags: [], media: [], replyTo: c.parentId ?? c.rootId, languages: [] };
      return null;
    };
    return {
      connector, credentialsChanged, readBack: (ref) => readBack(ref.id),
      countPosts: async () => [...fake.state.media.values()].filter((m) => m.igUserId === ig!.id && !m.deleted).length,
      loseNextAnswer: lossy.loseNextAnswer, sent: lossy.sent,
      expireSession: async () => ({ refreshable: false }),
      revokeSession: async () => fake.revokeToken(page.token),
      exhaustRateLimit: async () => fake.exhaustPage(page.id),
      replyAsOther: async (ref, text) => ({ id: addIgComment(fake, visitor, ref.id, text) }),
      engageAsOther: async (ref) => {
        const m = fake.state.media.get(ref.id)!;
        m.likes++;
        m.shares++;
      },
      settle: async () => {},
    };
  };
  return {
    fake, host, publishPath: '/media', mentionHandle: 'abeille', image, newAccount,
    close: async () => {
      await fake.close();
      await host.close();
    },
  };
}

export const INSTAGRAM_SKIPS: ContractSkips = {
  languages: 'Instagram stores no language with a post',
  plainLinks: 'links in an Instagram caption are not clickable',
};
