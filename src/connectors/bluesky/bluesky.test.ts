/** Against a real PDS (@atproto/dev-env, no AppView): one network for the whole file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorContract } from '../contract.js';
import { blueskyContractNetwork, blueskyContractSkips, Pds } from '../../../test/connectors/bluesky-harness.js';
import { BLUESKY_CAPABILITIES, BlueskyConnector, BlueskyCredentials, connectBluesky, INVALID_LOGIN, MAIN_PASSWORD, rkeyFor } from './index.js';
import { PNG_1PX } from '../../../test/connectors/fixtures.js';
import { TID_RE } from './rkey.js';

let pds: Promise<Pds> | undefined;
const sharedPds = () => (pds ??= Pds.start());
afterAll(async () => (await pds)?.close());

connectorContract('bluesky', async () => blueskyContractNetwork(await sharedPds()), BLUESKY_CAPABILITIES, blueskyContractSkips);

describe('bluesky connector', () => {
  let p: Pds;
  let net: Awaited<ReturnType<typeof blueskyContractNetwork>>;
  beforeAll(async () => {
    p = await sharedPds();
    net = await blueskyContractNetwork(p);
  });

  it('derives a TID-shaped record key from our post id, the same every time', () => {
    expect(rkeyFor('post-1')).toMatch(TID_RE);
    expect(rkeyFor('post-1')).toBe(rkeyFor('post-1'));
    expect(rkeyFor('post-2')).not.toBe(rkeyFor('post-1'));
    expect(rkeyFor('post-1', 'block')).not.toBe(rkeyFor('post-1'));
  });

  it('recovers a lost create by reading the record back; a duplicate create is the bare 500 it guards against', async () => {
    const a = await net.newAccount();
    a.loseNextAnswer(net.publishPath);
    const post = await a.connector.publish({ idempotencyKey: 'lost-1', text: 'Perdu puis retrouvé' });
    expect(post).toMatchObject({ alreadyExisted: true, ref: { id: expect.stringContaining(`/app.bsky.feed.post/${rkeyFor('lost-1')}`) } });
    expect(a.sent('com.atproto.repo.getRecord')).toBeGreaterThan(0);
    const [, , repo] = post.ref.id.split('/');
    const dup = await a.readBack(post.ref).then(() =>
      net.raw(repo).com.atproto.repo.createRecord({ repo, collection: 'app.bsky.feed.post', rkey: rkeyFor('lost-1'),
        record: { $type: 'app.bsky.feed.post', text: 'doublon', createdAt: new Date().toISOString() } }).catch((e: { status: number }) => e));
    expect((dup as { status: number }).status).toBe(500);
    expect(await a.countPosts()).toBe(1);
  });

  it('a create answered 500 with a reason, and not there when read back, is refused; a bare 500 stays retryable', async () => {
    const acct = await p.createAccount('server-error');
    const { credentials } = await connectBluesky({ service: p.url, identifier: acct.handle, password: acct.appPassword });
    // The PDS is real; only the answer to the create is replaced, before it reaches the PDS.
    const answering = (message: string): typeof fetch => async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.includes('com.atproto.repo.createRecord')) return fetch(input, init);
      return new Response(JSON.stringify({ error: 'InternalServerError', message }), { status: 500, headers: { 'content-type': 'application/json' } });
    };
    const publish = (message: string, idempotencyKey: string) =>
      new BlueskyConnector({ credentials, fetch: answering(message) }).publish({ idempotencyKey, text: 'refusé' }).catch((e: unknown) => e);
    expect(await publish('Could not find the blob this post embeds', 'explained-500')).toMatchObject({
      kind: 'rejected', status: 500, message: 'Could not find the blob this post embeds', retryable: false,
    });
    expect(await publish('Internal Server Error', 'bare-500')).toMatchObject({ kind: 'transient', status: 500, retryable: true });
  });

  it('writes facets with UTF-8 byte offsets, and leaves an unknown mention as plain text', async () => {
    const a = await net.newAccount();
    const text = `🐝 é https://ruche.example/a @${net.mentionHandle} @personne.test #miel`;
    const post = await a.connector.publish({ idempotencyKey: 'facets-1', text });
    const stored = (await net.raw(post.ref.id.split('/')[2]).com.atproto.repo.getRecord({ repo: post.ref.id.split('/')[2], collection: 'app.bsky.feed.post', rkey: post.ref.id.split('/')[4] })).data.value as { facets: { index: { byteStart: number; byteEnd: number } }[] };
    const bytes = Buffer.from(text);
    const spans = stored.facets.map((f) => bytes.subarray(f.index.byteStart, f.index.byteEnd).toString());
    expect(spans).toEqual(['https://ruche.example/a', `@${net.mentionHandle}`, '#miel']);
  });

  it('threads keep the first post as root', async () => {
    const a = await net.newAccount();
    const first = await a.connector.publish({ idempotencyKey: 't-1', text: 'racine' });
    const second = await a.connector.publish({ idempotencyKey: 't-2', text: 'deux', replyTo: first.ref });
    const third = await a.connector.publish({ idempotencyKey: 't-3', text: 'trois', replyTo: { id: second.ref.id } });
    const [, , repo, , rkey] = third.ref.id.split('/');
    const rec = (await net.raw(repo).com.atproto.repo.getRecord({ repo, collection: 'app.bsky.feed.post', rkey })).data.value as { reply: { root: { uri: string } } };
    expect(rec.reply.root.uri).toBe(first.ref.id);
    await a.connector.delete(first.ref);
    const orphan = await a.connector.publish({ idempotencyKey: 't-4', text: 'orpheline', replyTo: first.ref }).catch((e: unknown) => e);
    expect(orphan).toMatchObject({ kind: 'gone' });
  });

  it('hides a reply in the post’s threadgate (same rkey) and blocks its author once', async () => {
    const a = await net.newAccount();
    const post = await a.connector.publish({ idempotencyKey: 'gate-1', text: 'Bonjour' });
    const reply = await a.replyAsOther(post.ref, 'Insulte');
    await a.connector.hideComment!(post.ref, reply);
    await a.connector.hideComment!(post.ref, reply);
    const [, , repo, , rkey] = post.ref.id.split('/');
    const gate = (await net.raw(repo).com.atproto.repo.getRecord({ repo, collection: 'app.bsky.feed.threadgate', rkey })).data.value;
    expect(gate).toMatchObject({ post: post.ref.id, hiddenReplies: [reply.id] });
    const author = { id: reply.id.split('/')[2], handle: net.mentionHandle, displayName: null };
    await a.connector.blockAuthor!(author);
    await a.connector.blockAuthor!(author);
    const blocks = (await net.raw(repo).com.atproto.repo.listRecords({ repo, collection: 'app.bsky.graph.block' })).data.records;
    expect(blocks.map((r) => (r.value as { subject: string }).subject)).toEqual([author.id]);
  });

  it('saves a refreshed session (awaited) before the call that refreshed it returns', async () => {
    const acct = await p.createAccount('refresh');
    const { credentials } = await connectBluesky({ service: p.url, identifier: acct.handle, password: acct.appPassword });
    const events: string[] = [];
    let saved: BlueskyCredentials | undefined;
    const c = new BlueskyConnector({
      credentials: p.expire(credentials),
      onCredentialsChanged: async (next) => {
        await new Promise((resolve) => setImmediate(resolve));
        saved = BlueskyCredentials.parse(next);
        events.push('saved');
      },
    });
    await c.publish({ idempotencyKey: 'refresh-1', text: 'après rafraîchissement' });
    events.push('returned');
    expect(events).toEqual(['saved', 'returned']);
    expect(saved!.refreshJwt).not.toBe(credentials.refreshJwt);
  });

  it('connects with a handle (with or without @) and an app password; a wrong password is refused', async () => {
    const acct = await p.createAccount('connect');
    const { credentials, account } = await connectBluesky({ service: p.url, identifier: `@${acct.handle}`, password: acct.appPassword });
    expect(account).toMatchObject({ id: acct.did, handle: acct.handle });
    expect(BlueskyCredentials.parse(JSON.parse(JSON.stringify(credentials)))).toEqual(credentials);
    expect(JSON.stringify(credentials)).not.toContain(acct.appPassword);
    const wrong = await connectBluesky({ service: p.url, identifier: acct.handle, password: 'nope-nope-nope-nope' }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ kind: 'rejected', networkCode: INVALID_LOGIN });
  });

  it('refuses the account’s main password, saying how to make an app password, and takes one made for Ruche', async () => {
    const acct = await p.createAccount('mainpw');
    const refused = await connectBluesky({ service: p.url, identifier: acct.handle, password: 'main-password' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'rejected', networkCode: MAIN_PASSWORD });
    expect((refused as Error).message).toContain('Settings → Privacy and security → App passwords');
    const { data } = await acct.owner.com.atproto.server.createAppPassword({ name: 'ruche-second' });
    const { account } = await connectBluesky({ service: p.url, identifier: acct.handle, password: data.password });
    expect(account.id).toBe(acct.did);
  });

  it('sends each image’s aspect ratio and the post’s languages', async () => {
    const a = await net.newAccount();
    const post = await a.connector.publish({
      idempotencyKey: 'ratio-1', text: 'Une image large', languages: ['fr'], media: [{ ...PNG_1PX, alt: 'un pixel', width: 1600, height: 900 }],
    });
    const [, , repo, , rkey] = post.ref.id.split('/');
    const rec = (await net.raw(repo).com.atproto.repo.getRecord({ repo, collection: 'app.bsky.feed.post', rkey })).data.value as {
      langs: string[]; embed: { images: { alt: string; aspectRatio?: { width: number; height: number } }[] };
    };
    expect(rec.langs).toEqual(['fr']);
    expect(rec.embed.images[0]).toMatchObject({ alt: 'un pixel', aspectRatio: { width: 1600, height: 900 } });
  });

  it.skip('reads the inbox, likes, reposts, mutes — skipped here: they need the AppView, absent from TestNetworkNoAppView; inbound.test.ts and actions.test.ts run them on a whole network', () => {});
});
