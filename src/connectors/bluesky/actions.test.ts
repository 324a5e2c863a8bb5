/** Answers and moderation from the inbox, against a whole local Bluesky network (PDS + AppView): one for the file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlueskyNetwork, type NetworkAccount } from '../../../test/connectors/bluesky-network.js';
import type { PostRef } from '../types.js';
import type { BlueskyConnector } from './connector.js';

let net: BlueskyNetwork;
let me: NetworkAccount;
let fan: NetworkAccount;
let troll: NetworkAccount;
let conn: BlueskyConnector;

beforeAll(async () => {
  net = await BlueskyNetwork.start();
  [me, fan, troll] = [await net.createAccount('marque'), await net.createAccount('fan'), await net.createAccount('troll')];
  conn = await net.connector(me);
});
afterAll(async () => {
  await net?.close();
});

const records = async (collection: string) =>
  (await me.agent.com.atproto.repo.listRecords({ repo: me.did, collection, limit: 100 })).data.records.map((r) => r.value as Record<string, unknown>);
const author = (a: NetworkAccount) => ({ id: a.did, handle: a.handle, displayName: null });
const viewer = async (a: NetworkAccount) => (await me.agent.app.bsky.actor.getProfile({ actor: a.did })).data.viewer ?? {};
const counts = async (post: PostRef) => {
  await net.processAll();
  const [view] = (await me.agent.app.bsky.feed.getPosts({ uris: [post.id] })).data.posts;
  return { likes: view.likeCount, reposts: view.repostCount };
};

describe('bluesky answers and moderation', () => {
  it('likes and reposts a post once, however often asked', async () => {
    const post = await net.mention(fan, me, 'Vous livrez à Lyon ?');
    await conn.like!(post);
    await conn.like!(post);
    await conn.repost!(post);
    // A repost asked by the post's id alone reads its cid from the AppView, which must have indexed it.
    await net.processAll();
    await conn.repost!({ id: post.id });
    expect((await records('app.bsky.feed.like')).map((r) => r.subject)).toEqual([{ uri: post.id, cid: post.cid }]);
    expect((await records('app.bsky.feed.repost')).map((r) => r.subject)).toEqual([{ uri: post.id, cid: post.cid }]);
    expect(await counts(post)).toEqual({ likes: 1, reposts: 1 });
  });

  it('hides a reply (the thread view leaves it out) and shows it again', async () => {
    const post = await net.post(me, 'Votre avis sur la nouvelle recette ?');
    const nice = await net.reply(fan, post, 'Délicieuse');
    const rude = await net.reply(troll, post, 'Insulte');
    const thread = async () => {
      await net.processAll();
      const { data } = await me.agent.app.bsky.unspecced.getPostThreadV2({ anchor: post.id });
      const other = await me.agent.app.bsky.unspecced.getPostThreadOtherV2({ anchor: post.id });
      return { shown: data.thread.map((t) => t.uri).filter((u) => u !== post.id).sort(), hidden: other.data.thread.map((t) => t.uri) };
    };
    const gate = async () => (await me.agent.com.atproto.repo.getRecord({ repo: me.did, collection: 'app.bsky.feed.threadgate', rkey: post.id.split('/').pop()! })).data.value;

    expect(await thread()).toEqual({ shown: [nice.id, rude.id].sort(), hidden: [] });
    await conn.hideComment!(post, rude);
    expect(await gate()).toMatchObject({ hiddenReplies: [rude.id] });
    expect(await thread()).toEqual({ shown: [nice.id], hidden: [rude.id] });

    await conn.unhideComment!(post, rude);
    await conn.unhideComment!(post, rude);
    expect(await gate()).toMatchObject({ hiddenReplies: [] });
    expect(await thread()).toEqual({ shown: [nice.id, rude.id].sort(), hidden: [] });
  });

  it('shows nothing again under someone else’s post', async () => {
    const theirs = await net.post(fan, 'À moi');
    expect(await conn.unhideComment!(theirs, theirs).catch((e: unknown) => e)).toMatchObject({ kind: 'forbidden' });
  });

  it('blocks and unblocks an author, including a block made in the Bluesky app', async () => {
    await conn.blockAuthor!(author(troll));
    await net.processAll();
    expect((await records('app.bsky.graph.block')).map((r) => r.subject)).toEqual([troll.did]);
    expect((await viewer(troll)).blocking).toBeTruthy();

    await conn.unblockAuthor!(author(troll));
    await conn.unblockAuthor!(author(troll));
    await net.processAll();
    expect(await records('app.bsky.graph.block')).toEqual([]);
    expect((await viewer(troll)).blocking).toBeUndefined();

    await me.agent.com.atproto.repo.createRecord({ repo: me.did, collection: 'app.bsky.graph.block', record: { $type: 'app.bsky.graph.block', subject: troll.did, createdAt: new Date().toISOString() } });
    await net.processAll();
    await conn.unblockAuthor!(author(troll));
    expect(await records('app.bsky.graph.block')).toEqual([]);
  });

  it('mutes and unmutes an author (private to the account, kept by the AppView)', async () => {
    await conn.muteAuthor!(author(troll));
    expect((await viewer(troll)).muted).toBe(true);
    await conn.unmuteAuthor!(author(troll));
    expect((await viewer(troll)).muted).toBe(false);
  });

  it('answers a reply deep in a thread: the parent is the reply, the root the thread’s first post, both with their cids', async () => {
    const root = await net.post(me, 'Nouvelle boutique ouverte');
    const question = await net.reply(fan, root, 'Quels horaires ?');
    const followUp = await net.reply(troll, question, 'Et le dimanche ?', root);
    await net.processAll();
    const answer = await conn.publish({ idempotencyKey: 'answer-1', text: 'De 9 h à 19 h, fermé le dimanche', replyTo: followUp, replyRoot: root });
    const without = await conn.publish({ idempotencyKey: 'answer-2', text: 'Et les jours fériés aussi', replyTo: { id: followUp.id } });
    for (const published of [answer, without]) {
      const rkey = published.ref.id.split('/').pop()!;
      const rec = (await me.agent.com.atproto.repo.getRecord({ repo: me.did, collection: 'app.bsky.feed.post', rkey })).data.value;
      expect(rec).toMatchObject({ reply: { root: { uri: root.id, cid: root.cid }, parent: { uri: followUp.id, cid: followUp.cid } } });
    }
    await net.processAll();
    const { data } = await me.agent.app.bsky.unspecced.getPostThreadV2({ anchor: root.id, below: 10 });
    const depth = new Map(data.thread.map((t) => [t.uri, t.depth]));
    expect([depth.get(answer.ref.id), depth.get(without.ref.id)]).toEqual([3, 3]);
  });
});
