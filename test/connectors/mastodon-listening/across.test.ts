/**
 * One hashtag read on two instances of the Mastodon fake (no Mastodon server installs here; the fake follows the
 * documented API), one holding a post written on the other and received by federation, under its own local id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHashtagAcross } from '../../../src/connectors/mastodon/listening/index.js';
import { createGuardedFetch } from '../../../src/net/guarded-fetch.js';
import { MastodonFake } from '../mastodon-fake.js';

const fetch = createGuardedFetch({ allowPrivateNetworks: true });

describe('a hashtag across instances', () => {
  let home: MastodonFake;
  let other: MastodonFake;
  beforeAll(async () => {
    // The other one numbers its statuses its own way (UUIDs, as some compatible servers do).
    [home, other] = await Promise.all([new MastodonFake().start(), new MastodonFake({ quirks: { uuidIds: true } }).start()]);
  });
  afterAll(async () => {
    await Promise.all([home.close(), other.close()]);
    await fetch.close();
  });

  it('lists a post carried by both once, by its uri, as its own instance counts it', async () => {
    const author = home.createAccount('brand', { followersCount: 900 });
    const fan = home.createAccount('fan');
    const local = other.createAccount('local');
    const original = home.postAs(author, 'Launch day #ruchelaunch');
    home.favouriteAs(fan, original.id);
    // The remote copy is listed first on `other`, so keeping the first copy seen would keep the wrong counts.
    const copy = other.federate(home, original.id);
    const own = other.postAs(local, 'Me too #RucheLaunch');
    expect(copy.id).not.toBe(original.id);
    expect(copy.uri).toBe(original.uri);

    const { posts, instances } = await readHashtagAcross({
      tag: 'ruchelaunch', fetch,
      instances: [{ instanceUrl: other.url, minId: null }, { instanceUrl: home.url, minId: null }],
    });
    expect(posts.map((p) => p.uri).sort()).toEqual([original.uri, own.uri].sort());
    const launch = posts.find((p) => p.uri === original.uri)!;
    expect(launch.author).toMatchObject({ id: `${home.url}/@brand`, handle: `brand@${new URL(home.url).host}`, followers: 900 });
    expect(launch.engagement).toEqual({ likes: 1, reposts: 0, replies: 0 });
    expect(instances).toEqual([
      { instanceUrl: other.url, minId: own.id, read: 2 },
      { instanceUrl: home.url, minId: original.id, read: 1 },
    ]);
  });

  it('gives the same author the same id and handle from either instance', async () => {
    const writer = home.createAccount('writer');
    const s = home.postAs(writer, 'Hello #sameauthor');
    other.federate(home, s.id);
    const [a, b] = await Promise.all([home, other].map((f) =>
      readHashtagAcross({ tag: 'sameauthor', fetch, instances: [{ instanceUrl: f.url, minId: null }] })));
    expect(a.posts[0].author.id).toBe(b.posts[0].author.id);
    expect(a.posts[0].author.handle).toBe(b.posts[0].author.handle);
  });

  it('answers for each instance: one failing keeps its cursor and hides nothing of the others', async () => {
    const someone = home.createAccount('someone');
    const s = home.postAs(someone, 'Still here #partial');
    other.timelines.preview = false;
    try {
      const { posts, instances } = await readHashtagAcross({
        tag: 'partial', fetch,
        instances: [{ instanceUrl: other.url, minId: 'kept' }, { instanceUrl: home.url, minId: null }],
      });
      expect(posts.map((p) => p.uri)).toEqual([s.uri]);
      expect(instances[0]).toMatchObject({ instanceUrl: other.url, minId: 'kept', read: 0, error: { kind: 'forbidden' } });
      expect(instances[1]).toEqual({ instanceUrl: home.url, minId: s.id, read: 1 });
    } finally {
      other.timelines.preview = true;
    }
  });
});
