/** The inbox's way in, against a whole local Bluesky network (PDS, AppView, firehose): one network for the file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlueskyNetwork, type NetworkAccount } from '../../../test/connectors/bluesky-network.js';
import type { InboundCounterEvent, InboundItem, InboundPage, PostRef } from '../types.js';
import type { BlueskyConnector } from './connector.js';
import { PAGE_SIZE } from './inbound.js';

let net: BlueskyNetwork;
beforeAll(async () => {
  net = await BlueskyNetwork.start();
});
afterAll(async () => {
  await net?.close();
});

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/** A whole walk, page after page, as the poller runs it. */
async function walk(c: BlueskyConnector, cursor: string | null, since = minutesAgo(60)) {
  const pages: InboundPage[] = [];
  for (let page = await c.readInbox(cursor, { since }); ; page = await c.readInbox(page.cursor, { since })) {
    pages.push(page);
    if (!page.more) break;
  }
  return {
    items: pages.flatMap((p) => p.items),
    counters: pages.flatMap((p) => p.counters),
    cursor: pages.at(-1)!.cursor,
    pages,
  };
}

const byId = (items: InboundItem[]) => new Map(items.map((i) => [i.ref.id, i]));
const ref = (p: PostRef) => ({ id: p.id, cid: p.cid });

describe('bluesky inbox: notifications', () => {
  let me: NetworkAccount;
  let fan: NetworkAccount;
  let other: NetworkAccount;

  beforeAll(async () => {
    [me, fan, other] = [await net.createAccount('marque'), await net.createAccount('fan'), await net.createAccount('curieux')];
    await net.setProfile(fan, { displayName: 'Fan ⚡ du miel', createdAt: '2024-05-01T10:00:00.000Z' });
    await net.follow(other, fan);
  });

  it('turns replies, mentions and quotes into items with their author and thread, and counts likes, reposts and follows', async () => {
    const conn = await net.connector(me);
    const post = await net.post(me, 'Notre nouveau miel est arrivé');
    const reply = await net.reply(fan, post, 'Super nouvelle !');
    const ours = await net.reply(me, reply, 'Merci à vous', post);
    const deep = await net.reply(fan, ours, 'Avec plaisir <b>vraiment</b>', post);
    const mention = await net.mention(other, me, 'Vous connaissez');
    const quote = await net.quote(other, post, 'Regardez ça');
    const like = await net.like(fan, post);
    const repost = await net.repost(other, post);
    const follow = await net.follow(fan, me);
    await net.processAll();

    const { items, counters } = await walk(conn, null);
    const got = byId(items);
    expect([...got.keys()].sort()).toEqual([reply.id, deep.id, mention.id, quote.id].sort());

    expect(got.get(reply.id)).toMatchObject({
      kind: 'reply', ref: ref(reply), text: 'Super nouvelle !', parent: ref(post), root: ref(post), quoted: null, conversationId: null,
      author: { id: fan.did, handle: fan.handle, displayName: 'Fan ⚡ du miel', followers: 1, avatarUrl: null },
      url: `https://bsky.app/profile/${fan.did}/post/${reply.id.split('/').pop()}`,
      context: [{ ref: ref(post), authorHandle: me.handle, text: 'Notre nouveau miel est arrivé' }],
    });
    expect(got.get(reply.id)!.author.createdAt).toBe('2024-05-01T10:00:00.000Z');
    // Network text is kept as written: the store and the page escape it.
    expect(got.get(deep.id)).toMatchObject({ kind: 'reply', text: 'Avec plaisir <b>vraiment</b>', parent: ref(ours), root: ref(post) });
    expect(got.get(deep.id)!.context.map((e) => e.text)).toEqual(['Notre nouveau miel est arrivé', 'Super nouvelle !', 'Merci à vous']);
    expect(got.get(mention.id)).toMatchObject({ kind: 'mention', parent: null, root: null, context: [], author: { handle: other.handle, followers: 0 } });
    expect(got.get(quote.id)).toMatchObject({ kind: 'quote', quoted: ref(post), parent: null });

    const count = (kind: InboundCounterEvent['kind']) => counters.filter((c) => c.kind === kind).map((c) => c.id);
    expect(count('like')).toEqual([like]);
    expect(count('repost')).toEqual([repost]);
    expect(count('follow')).toEqual([follow]);
  });

  it('reads only what is new on the next poll, and still finds a post indexed after newer ones', async () => {
    const me2 = await net.createAccount('marque');
    const conn = await net.connector(me2);
    const first = await net.mention(fan, me2, 'Première');
    await net.processAll();
    const before = await walk(conn, null);
    expect(before.items.map((i) => i.ref.id)).toEqual([first.id]);

    // Written with a date two minutes back (as a slow PDS or relay delivers it): it sorts below `first`.
    const late = await net.post(other, `En retard @${me2.handle}`, { createdAt: minutesAgo(2), facets: [mentionFacet(`En retard @${me2.handle}`, me2)] });
    const fresh = await net.mention(other, me2, 'Nouvelle');
    await net.processAll();
    const raw = await me2.agent.app.bsky.notification.listNotifications({ limit: 10 });
    expect(raw.data.notifications.map((n) => n.uri)).toEqual([fresh.id, first.id, late.id]);

    const after = await walk(conn, before.cursor);
    expect(after.items.map((i) => i.ref.id).sort()).toEqual([late.id, fresh.id].sort());
    const again = await walk(conn, after.cursor);
    expect(again.items).toEqual([]);
  });

  it('resumes a walk interrupted half-way from the last page returned', async () => {
    const me3 = await net.createAccount('marque');
    // More notifications than a page: mentions among likes and reposts of the account's posts.
    const posts = await net.writeMany(me3, 'app.bsky.feed.post', Array.from({ length: PAGE_SIZE / 2 }, (_, i) => ({ text: `Produit ${i}` })));
    await net.processAll();
    const subject = (p: PostRef) => ({ subject: { uri: p.id, cid: p.cid } });
    const written = [
      ...(await net.writeMany(fan, 'app.bsky.feed.like', posts.map(subject))),
      ...(await net.writeMany(other, 'app.bsky.feed.repost', posts.map(subject))),
    ].map((r) => r.id);
    for (let i = 0; i < 4; i++) written.push((await net.mention(other, me3, `Question ${i}`)).id);
    await net.processAll();

    const first = await (await net.connector(me3)).readInbox(null, { since: minutesAgo(60) });
    expect(first.more).toBe(true);
    expect(first.items.length + first.counters.length).toBe(PAGE_SIZE);
    // The process stops here; a new one starts from the stored cursor.
    const rest = await walk(await net.connector(me3), first.cursor);
    const ids = (p: { items: InboundItem[]; counters: InboundCounterEvent[] }) => [...p.items.map((i) => i.ref.id), ...p.counters.map((c) => c.id)];
    const firstIds = ids(first);
    const restIds = ids(rest);
    expect(restIds.filter((id) => firstIds.includes(id))).toEqual([]);
    expect([...firstIds, ...restIds].sort()).toEqual([...written].sort());
    expect(Date.parse(rest.pages.at(-1)!.reachedBack!)).toBeLessThan(Date.parse(first.reachedBack!));
  });

  it('goes back no further than `since` on the first walk', async () => {
    const me4 = await net.createAccount('marque');
    const old = await net.mention(fan, me4, 'Ancienne');
    await net.processAll();
    await new Promise((r) => setTimeout(r, 20));
    const since = new Date().toISOString();
    const recent = await net.mention(fan, me4, 'Récente');
    await net.processAll();
    const { items, pages } = await walk(await net.connector(me4), null, since);
    expect(items.map((i) => i.ref.id)).toEqual([recent.id]);
    expect(items.map((i) => i.ref.id)).not.toContain(old.id);
    expect(pages).toHaveLength(1);
  });
});

/** A mention facet over the first `@handle` in `text`, with UTF-8 byte offsets. */
function mentionFacet(text: string, whom: NetworkAccount) {
  const at = Buffer.from(text.slice(0, text.indexOf(`@${whom.handle}`))).length;
  return { index: { byteStart: at, byteEnd: at + Buffer.from(`@${whom.handle}`).length }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: whom.did }] };
}

describe('bluesky inbox: live from the firehose', () => {
  it('delivers replies, quotes and mentions as they are written, and nothing else', async () => {
    const [me, fan] = [await net.createAccount('marque'), await net.createAccount('fan')];
    const conn = await net.connector(me);
    const post = await net.post(me, 'Quoi de neuf ?');
    await net.processAll();

    const seen = new Map<string, { item: InboundItem; at: number }>();
    const errors: unknown[] = [];
    const ac = new AbortController();
    const running = conn.streamInbox({ items: async (items) => void items.forEach((item) => seen.set(item.ref.id, { item, at: performance.now() })), error: (e) => void errors.push(e) }, ac.signal);
    const arrival = async (id: string, ms = 5_000) => {
      for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 5))) if (seen.has(id)) return seen.get(id)!;
      return null;
    };
    // The subscription opens in the background: mentions are written until one comes through.
    let warm = null;
    for (let i = 0; i < 10 && !warm; i++) warm = await arrival((await net.mention(fan, me, `Échauffement ${i}`)).id, 1_000);
    expect(warm).not.toBeNull();

    const latencies: number[] = [];
    for (let i = 0; i < 9; i++) {
      const t0 = performance.now();
      const written = await net.post(fan, `Mesure ${i} @${me.handle}`, { facets: [mentionFacet(`Mesure ${i} @${me.handle}`, me)] });
      const got = await arrival(written.id);
      expect(got).not.toBeNull();
      latencies.push(got!.at - t0);
    }
    latencies.sort((a, b) => a - b);
    console.log(`bluesky firehose: write → item p50 ${latencies[4].toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms over ${latencies.length} posts`);

    const unrelated = await net.post(fan, 'Rien à voir');
    const reply = await net.reply(fan, post, 'Réponse en direct');
    const quote = await net.quote(fan, post, 'Citation en direct');
    const ownReply = await net.reply(me, reply, 'Ma propre réponse', post);
    const mention = await net.mention(fan, me, 'Mention en direct');
    expect(await arrival(mention.id)).not.toBeNull();
    expect(await arrival(reply.id)).not.toBeNull();
    expect(await arrival(quote.id)).not.toBeNull();
    expect(seen.has(unrelated.id)).toBe(false);
    expect(seen.has(ownReply.id)).toBe(false);
    expect(seen.get(reply.id)!.item).toMatchObject({
      kind: 'reply', text: 'Réponse en direct', parent: ref(post), root: ref(post), author: { id: fan.did, handle: fan.handle },
      context: [{ ref: ref(post), authorHandle: me.handle, text: 'Quoi de neuf ?' }],
    });
    expect(seen.get(quote.id)!.item).toMatchObject({ kind: 'quote', quoted: ref(post) });
    expect(seen.get(mention.id)!.item).toMatchObject({ kind: 'mention', parent: null });

    ac.abort();
    await running;
    expect(errors).toEqual([]);
  });

  it('refuses a firehose on a private address unless private networks are allowed', async () => {
    const me = await net.createAccount('marque');
    const conn = await net.connector(me, { allowPrivateNetworks: false });
    const err = await conn.streamInbox({ items: async () => {} }, new AbortController().signal).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'rejected', networkCode: 'blocked_address' });
  });
});
