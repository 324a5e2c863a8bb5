/**
 * The contract every connector runs against a live network (a real PDS, or the documented-API fake for
 * Mastodon). A case the network cannot do is skipped with the missing capability in its title.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingMethods } from './capabilities.js';
import { ConnectorError } from './errors.js';
import type { Capability, Connector, MediaInput, OutgoingPost, PostRef } from './types.js';

/** A post as the network stores it, read without the connector. */
export interface ReadBack {
  text: string;
  links: string[];
  mentions: string[];
  tags: string[];
  media: { alt: string | null }[];
  replyTo: string | null;
  languages: string[];
}

export interface ContractAccount {
  connector: Connector;
  credentialsChanged: unknown[];
  readBack(ref: PostRef): Promise<ReadBack | null>;
  countPosts(): Promise<number>;
  loseNextAnswer(urlPart: string): void;
  sent(urlPart: string): number;
  /** The access token expires; `refreshable` says whether the network can renew it without the user. */
  expireSession(): Promise<{ refreshable: boolean }>;
  revokeSession(): Promise<void>;
  exhaustRateLimit(): Promise<void>;
  /** Another account replies to `ref`, mentioning this account. */
  replyAsOther(ref: PostRef, text: string): Promise<PostRef>;
  /** Another account likes and reposts `ref`. */
  engageAsOther(ref: PostRef): Promise<void>;
  /** Waits until what was written so far is counted where the connector reads counts (an AppView indexes late). */
  settle(): Promise<void>;
}

export interface ContractNetwork {
  /** Part of the URL of the call that creates a post. */
  publishPath: string;
  /** A handle another account answers to, as written after "@" in a post. */
  mentionHandle: string;
  image: MediaInput;
  /** The network takes no post without media (Pinterest, Instagram): `image` goes with every post that has none. */
  mediaRequired?: boolean;
  newAccount(): Promise<ContractAccount>;
  close(): Promise<void>;
}

let seq = 0;
const key = () => `contract-${Date.now().toString(36)}-${++seq}`;

async function rejection(p: Promise<unknown>): Promise<ConnectorError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

/** Cases a network cannot be made to show, each with the reason, e.g. a server that never rate-limits. */
export interface ContractSkips {
  rateLimit?: string;
  /** The harness has nothing that counts (a PDS without its AppView). */
  metrics?: string;
  /** The network stores no language with a post. */
  languages?: string;
  /** The network takes one image per post. */
  multipleMedia?: string;
  /** Links in a post's text stay plain text (Instagram captions). */
  plainLinks?: string;
  /** An @name typed in a post does not become a mention (Facebook Pages through the API). */
  plainMentions?: string;
  /** The account follows no one in the network's sense (a Facebook Page). */
  following?: string;
}

/** The same account, whose posts carry the network's required media when the case gives none. */
function withRequiredMedia(a: ContractAccount, image: MediaInput): ContractAccount {
  const publish = (post: OutgoingPost) => a.connector.publish(post.media?.length ? post : { ...post, media: [image] });
  const connector = new Proxy(a.connector, {
    get: (target, prop, receiver) => (prop === 'publish' ? publish : Reflect.get(target, prop, receiver)),
  });
  return { ...a, connector };
}

export function connectorContract(
  name: string,
  setup: () => Promise<ContractNetwork>,
  capabilities: ReadonlySet<Capability>,
  skips: ContractSkips = {},
): void {
  describe(`connector contract: ${name}`, () => {
    let net: ContractNetwork;
    beforeAll(async () => {
      net = await setup();
    });
    const account = async (): Promise<ContractAccount> => {
      const a = await net.newAccount();
      return net.mediaRequired ? withRequiredMedia(a, net.image) : a;
    };
    afterAll(async () => {
      await net?.close();
    });
    const needs = (cap: Capability, title: string, fn: () => Promise<void>) =>
      capabilities.has(cap) ? it(title, fn) : it.skip(`${title} — skipped: ${name} lacks the "${cap}" capability`, fn);

    it('declares a method for every capability it claims', async () => {
      const { connector } = await account();
      expect(missingMethods(connector)).toEqual([]);
      expect([...connector.capabilities]).toEqual([...capabilities]);
    });

    needs('publish', 'publishes a text and the network stores it as written', async () => {
      const a = await account();
      const post = await a.connector.publish({ idempotencyKey: key(), text: 'Bonjour la ruche 🐝 — première', languages: ['fr'] });
      expect(post.alreadyExisted).toBe(false);
      const stored = await a.readBack(post.ref);
      expect(stored?.text).toBe('Bonjour la ruche 🐝 — première');
      if (skips.languages === undefined) expect(stored?.languages).toEqual(['fr']);
      expect(await a.connector.getPost(post.ref)).toMatchObject({ ref: { id: post.ref.id } });
    });

    needs('publish', 'turns a link, a mention and a hashtag into live links', async () => {
      const a = await account();
      const text = `Voir https://example.com/ruche?x=1 avec @${net.mentionHandle} #ruche`;
      const post = await a.connector.publish({ idempotencyKey: key(), text });
      const stored = await a.readBack(post.ref);
      if (skips.plainLinks === undefined) expect(stored?.links).toContain('https://example.com/ruche?x=1');
      if (skips.plainMentions === undefined) expect(stored?.mentions).toContain(net.mentionHandle);
      expect(stored?.tags).toContain('ruche');
    });

    const severalMedia = (title: string, fn: () => Promise<void>) =>
      skips.multipleMedia === undefined ? needs('media', title, fn) : it.skip(`${title} — skipped: ${skips.multipleMedia}`, fn);

    severalMedia('publishes images with their alt texts', async () => {
      const a = await account();
      const media = [{ ...net.image, alt: 'Une abeille' }, { ...net.image, alt: 'Deux abeilles' }];
      const post = await a.connector.publish({ idempotencyKey: key(), text: 'Deux photos', media });
      expect((await a.readBack(post.ref))?.media).toEqual([{ alt: 'Une abeille' }, { alt: 'Deux abeilles' }]);
    });

    needs('thread', 'chains a thread: each part replies to the one before', async () => {
      const a = await account();
      const first = await a.connector.publish({ idempotencyKey: key(), text: '1/3' });
      const second = await a.connector.publish({ idempotencyKey: key(), text: '2/3', replyTo: first.ref });
      const third = await a.connector.publish({ idempotencyKey: key(), text: '3/3', replyTo: second.ref });
      expect((await a.readBack(second.ref))?.replyTo).toBe(first.ref.id);
      expect((await a.readBack(third.ref))?.replyTo).toBe(second.ref.id);
    });

    needs('publish', 'makes one post when the first answer is lost and the caller retries with the same key', async () => {
      const a = await account();
      const idempotencyKey = key();
      // Markdown marks on purpose: a server that renders them shows other text than was sent.
      const text = 'Une *seule* fois, **promis**';
      a.loseNextAnswer(net.publishPath);
      const first = await a.connector.publish({ idempotencyKey, text }).catch((e: unknown) => e);
      const again = await a.connector.publish({ idempotencyKey, text });
      expect(a.sent(net.publishPath)).toBeGreaterThanOrEqual(2);
      // The first call either recovered by itself or failed; either way the retry names the one post.
      if (!(first instanceof Error)) expect(first).toMatchObject({ ref: { id: again.ref.id }, alreadyExisted: true });
      expect(await a.countPosts()).toBe(1);
      const found = await a.connector.findExisting(idempotencyKey, { text });
      expect(found?.ref.id).toBe(again.ref.id);
      expect(await a.connector.findExisting(key(), { text: 'Jamais publié' })).toBeNull();
    });

    needs('delete', 'deletes a post, and deleting it again is not an error', async () => {
      const a = await account();
      const post = await a.connector.publish({ idempotencyKey: key(), text: 'À effacer' });
      await a.connector.delete(post.ref);
      expect(await a.readBack(post.ref)).toBeNull();
      expect(await a.connector.getPost(post.ref)).toBeNull();
      await a.connector.delete(post.ref);
    });

    needs('publish', 'refuses a text over the limit before sending anything, and counts it as the composer will', async () => {
      const a = await account();
      const { max } = (await a.connector.limits()).text;
      const text = 'é'.repeat(max + 1);
      expect(await a.connector.countText(text)).toEqual({ used: max + 1, max });
      expect(await a.connector.countText('é'.repeat(max))).toEqual({ used: max, max });
      const err = await rejection(a.connector.publish({ idempotencyKey: key(), text }));
      expect(err.kind).toBe('rejected');
      expect(err.retryable).toBe(false);
      expect(err.message).toMatch(String(max));
      expect(a.sent(net.publishPath)).toBe(0);
    });

    needs('publish', 'renews an expired session, or says the account must be reconnected', async () => {
      const a = await account();
      const { refreshable } = await a.expireSession();
      if (refreshable) {
        await a.connector.publish({ idempotencyKey: key(), text: 'Après expiration' });
        expect(a.credentialsChanged.length).toBeGreaterThan(0);
        expect(await a.countPosts()).toBe(1);
      }
      await a.revokeSession();
      const err = await rejection(a.connector.publish({ idempotencyKey: key(), text: 'Révoqué' }));
      expect(err.kind).toBe('auth_expired');
      expect(err.action).toBe('reconnect');
    });

    const unless = (reason: string | undefined, title: string, fn: () => Promise<void>) =>
      reason === undefined ? needs('publish', title, fn) : it.skip(`${title} — skipped: ${reason}`, fn);

    unless(skips.rateLimit, 'reports a rate limit with the time to wait', async () => {
      const a = await account();
      await a.exhaustRateLimit();
      const err = await rejection(a.connector.publish({ idempotencyKey: key(), text: 'Trop vite' }));
      expect(err.kind).toBe('rate_limited');
      expect(err.retryable).toBe(true);
      expect(err.retryAfterMs).toBeGreaterThan(0);
    });

    const counted = (cap: Capability, title: string, fn: () => Promise<void>) =>
      skips.metrics === undefined ? needs(cap, title, fn) : it.skip(`${title} — skipped: ${skips.metrics}`, fn);

    counted('postMetrics', 'reads the counts of several posts at once, in order, with null for a deleted one', async () => {
      const a = await account();
      const liked = await a.connector.publish({ idempotencyKey: key(), text: 'À aimer' });
      const deleted = await a.connector.publish({ idempotencyKey: key(), text: 'À effacer bientôt' });
      const answered = await a.connector.publish({ idempotencyKey: key(), text: 'À commenter' });
      await a.engageAsOther(liked.ref);
      await a.replyAsOther(answered.ref, 'Une réponse');
      await a.connector.delete(deleted.ref);
      await a.settle();
      const metrics = await a.connector.postMetrics!([answered.ref, deleted.ref, liked.ref]);
      expect(metrics).toHaveLength(3);
      expect(metrics[0]).toMatchObject({ likes: 0, reposts: 0, replies: 1 });
      expect(metrics[1]).toBeNull();
      expect(metrics[2]).toMatchObject({ likes: 1, reposts: 1, replies: 0 });
      expect(await a.connector.postMetrics!([])).toEqual([]);
    });

    counted('accountMetrics', "reads the account's followers, following and posts counts", async () => {
      const a = await account();
      await a.connector.publish({ idempotencyKey: key(), text: 'Un message compté' });
      await a.settle();
      const info = await a.connector.accountMetrics!();
      expect(info.followers).toEqual(expect.any(Number));
      if (skips.following === undefined) expect(info.following).toEqual(expect.any(Number));
      expect(info.posts).toBe(1);
    });

    counted('readOwnPosts', "lists the account's own posts newest first with their counts, without replies, page by page", async () => {
      const a = await account();
      const first = await a.connector.publish({ idempotencyKey: key(), text: 'Premier' });
      await a.connector.publish({ idempotencyKey: key(), text: 'Suite du fil', replyTo: first.ref });
      const second = await a.connector.publish({ idempotencyKey: key(), text: 'Second' });
      await a.replyAsOther(first.ref, 'Réponse d’un autre');
      await a.engageAsOther(second.ref);
      await a.settle();
      const seen: { id: string; text: string; likes: number; replies: number }[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 5; page++) {
        const got: Awaited<ReturnType<NonNullable<Connector['ownPosts']>>> = await a.connector.ownPosts!(cursor, { limit: 1 });
        seen.push(...got.items.map((p) => ({ id: p.ref.id, text: p.text, likes: p.metrics.likes, replies: p.metrics.replies })));
        cursor = got.cursor;
        if (!cursor) break;
      }
      expect(seen.map((p) => p.id)).toEqual([second.ref.id, first.ref.id]);
      expect(seen[0]).toMatchObject({ text: 'Second', likes: 1 });
      expect(seen[1]).toMatchObject({ text: 'Premier', replies: 2 });
      const future = await a.connector.ownPosts!(null, { limit: 10, since: new Date(Date.now() + 3600_000).toISOString() });
      expect(future).toEqual({ items: [], cursor: null });
    });

    needs('readComments', 'reads the replies to a post', async () => {
      const a = await account();
      const post = await a.connector.publish({ idempotencyKey: key(), text: 'Vos avis ?' });
      const reply = await a.replyAsOther(post.ref, 'Très bien !');
      const comments = await a.connector.readComments!(post.ref);
      expect(comments.map((c) => [c.ref.id, c.inReplyTo?.id])).toEqual([[reply.id, post.ref.id]]);
      expect(comments[0].text).toContain('Très bien !');
    });

    needs('readMentions', 'reads new mentions, then only newer ones from the cursor', async () => {
      const a = await account();
      const post = await a.connector.publish({ idempotencyKey: key(), text: 'Quoi de neuf ?' });
      await a.replyAsOther(post.ref, 'Une première réponse');
      const page = await a.connector.readMentions!();
      expect(page.items).toHaveLength(1);
      expect(page.items[0].text).toContain('Une première réponse');
      await a.replyAsOther(post.ref, 'Une seconde');
      const next = await a.connector.readMentions!(page.cursor ?? undefined);
      expect(next.items).toHaveLength(1);
      expect(next.items[0].text).toContain('Une seconde');
    });
  });
}
