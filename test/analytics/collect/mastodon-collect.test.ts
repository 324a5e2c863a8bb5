/**
 * Collection from Mastodon. No Mastodon server installs here: the connector and the jobs run against
 * test/connectors/mastodon-fake.ts, an HTTP fake that follows Mastodon's documented API (entities, paging by
 * Link header, 404 for a deleted status, X-RateLimit-* and 429). It proves our side of the protocol.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MastodonFake } from '../../connectors/mastodon-fake.js';
import { mastodonAccountOn } from '../../connectors/mastodon-harness.js';
import { PNG_1PX } from '../../connectors/fixtures.js';
import { databases } from '../../helpers/ruche.js';
import { mastodonSuite } from '../../helpers/mastodon-ruche.js';
import { analyticsBackfilled, collectNow, dayTotals, makeDue, postsOf, rollupsOff } from './helpers.js';

const ago = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

describe.each([{ name: 'mastodon', quirks: {} }, { name: 'hollo', quirks: 'hollo' as const }])('the Mastodon connector’s counts on $name', ({ quirks }) => {
  let fake: MastodonFake;
  beforeAll(async () => {
    fake = await new MastodonFake({ quirks }).start();
  });
  afterAll(() => fake.close());

  it('lists the account’s own posts newest first, without replies or direct messages, with their first image and counts', async () => {
    const { me, connector } = mastodonAccountOn(fake, 'brand_own');
    const fan = fake.createAccount('fan_own');
    const old = fake.postAs(me, 'Il y a trois jours', null, { createdAt: ago(72) });
    const withImage = await connector.publish({ idempotencyKey: 'own-img', text: 'Avec une photo', media: [{ ...PNG_1PX, alt: 'Un pixel' }] });
    fake.replyAs(me, withImage.ref.id, 'Suite du fil');
    fake.dmAs(me, fan, 'Un message privé');
    const latest = fake.postAs(me, 'Le plus récent');
    fake.favouriteAs(fan, latest.id);
    fake.reblogAs(fan, latest.id);
    fake.replyAs(fan, latest.id, 'Bravo');
    fake.maxLimit = 2;
    try {
      const seen = [];
      let cursor: string | null = null;
      for (let i = 0; i < 6; i++) {
        const page = await connector.ownPosts(cursor, { limit: 40 });
        seen.push(...page.items);
        cursor = page.cursor;
        if (!cursor) break;
      }
      expect(seen.map((p) => p.text)).toEqual(['Le plus récent', 'Avec une photo', 'Il y a trois jours']);
      expect(seen[0].metrics).toEqual({ likes: 1, reposts: 1, replies: 1, quotes: fake.quirks.noQuotes ? null : 0, views: null });
      expect(seen[1].imageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/system\/media\/.+-small\.bin$/);
      expect(seen[2]).toMatchObject({ ref: { id: old.id }, imageUrl: null, createdAt: new Date(Date.parse(String(old.created_at))).toISOString() });
    } finally {
      fake.maxLimit = 40;
    }
    // Only the last day: the page that reaches older posts ends the listing.
    const recent = await connector.ownPosts(null, { limit: 40, since: ago(24) });
    expect(recent.items.map((p) => p.text)).toEqual(['Le plus récent', 'Avec une photo']);
    expect(recent.cursor).toBeNull();
  });

  it('reads several statuses’ counts in order, null for a deleted one, and the account’s counts', async () => {
    const { me, connector } = mastodonAccountOn(fake, 'brand_batch');
    const fan = fake.createAccount('fan_batch');
    const a = fake.postAs(me, 'Un');
    const b = fake.postAs(me, 'Deux');
    const c = fake.postAs(me, 'Trois');
    fake.favouriteAs(fan, c.id);
    fake.state.statuses.find((s) => s.id === b.id)!.deleted = true;
    const refs = [c, b, a, c].map((s) => ({ id: s.id }));
    expect(await connector.postMetrics(refs)).toEqual([
      expect.objectContaining({ likes: 1, views: null }), null, expect.objectContaining({ likes: 0 }), expect.objectContaining({ likes: 1 }),
    ]);
    expect(await connector.accountMetrics()).toMatchObject({ id: me.id, handle: 'brand_batch', followers: 3, following: 2, posts: 2 });
  });
});

describe.each(databases)('collecting a Mastodon account on %s', (kind) => {
  const suite = mastodonSuite(kind, { brand: 'brand_collect' });

  it('finds the account’s posts, reads their counts again when due, marks a deleted one gone, and keeps the days’ sums', async () => {
    const { fake, me, ruche, accountId } = suite;
    await analyticsBackfilled(ruche, accountId);
    const fan = fake.createAccount('fan_collect');
    const first = fake.postAs(me, 'Lancement', null, { createdAt: ago(30) });
    const second = fake.postAs(me, 'Deuxième annonce', null, { createdAt: ago(2) });
    fake.replyAs(me, second.id, 'Réponse à moi-même');
    fake.favouriteAs(fan, first.id);
    fake.replyAs(fan, first.id, 'Super');
    fake.reblogAs(fan, second.id);

    expect((await collectNow(ruche, accountId)).status).toBe('succeeded');
    let posts = await postsOf(ruche, accountId);
    expect(posts.map((p) => [p.external_id, p.likes, p.reposts, p.replies, p.engagement, p.collect_count, p.gone])).toEqual([
      [first.id, 1, 0, 1, 2, 1, 0],
      [second.id, 0, 1, 1, 2, 1, 0],
    ]);
    expect(posts[0]).toMatchObject({ network: 'mastodon', text: 'Lancement', followers_at_publish: 3, url: String(first.url) });
    expect(posts.every((p) => p.next_collect_at > Date.now())).toBe(true);
    expect(await dayTotals(ruche, accountId)).toMatchObject({ likes: 1, reposts: 1, replies: 2, published: 2 });
    expect(await rollupsOff(ruche, accountId)).toEqual([]);
    const snapshots = await ruche.ctx.store.db.selectFrom('analytics_account_snapshots').selectAll().where('account_id', '=', accountId).execute();
    expect(snapshots.at(-1)).toMatchObject({ followers: 3, following: 2 });

    // Time passes: the first gains two likes, the second is deleted on the server.
    fake.favouriteAs(fake.createAccount('fan_two'), first.id);
    fake.favouriteAs(fake.createAccount('fan_three'), first.id);
    fake.state.statuses.find((s) => s.id === second.id)!.deleted = true;
    await makeDue(ruche, accountId);
    expect((await collectNow(ruche, accountId)).status).toBe('succeeded');
    posts = await postsOf(ruche, accountId);
    expect(posts.map((p) => [p.likes, p.collect_count, p.gone])).toEqual([[3, 2, 0], [0, 1, 1]]);
    // The two new likes are added to the day of the read; nothing is counted twice.
    expect(await dayTotals(ruche, accountId)).toMatchObject({ likes: 3, reposts: 1, replies: 2, published: 2 });
    expect(await rollupsOff(ruche, accountId)).toEqual([]);
    const snaps = await ruche.ctx.store.db.selectFrom('analytics_post_snapshots').select('likes').where('post_id', '=', posts[0].id).orderBy('taken_at').execute();
    expect(snaps.map((s) => s.likes)).toEqual([1, 3]);
  });

  it('stops at a rate limit and comes back after the server’s wait, with nothing marked lost', async () => {
    const { fake, me, ruche, accountId } = suite;
    fake.postAs(me, 'Encore un', null, { createdAt: ago(1) });
    await makeDue(ruche, accountId);
    const limit = fake.rateLimit;
    fake.rateLimit = 3;
    try {
      for (let i = 0; i < 4; i++) await fetch(`${fake.url}/api/v1/accounts/verify_credentials`, { headers: { authorization: `Bearer ${me.token}` } });
      const job = await collectNow(ruche, accountId);
      expect(job.status).toBe('succeeded');
      expect(job.result).toMatchObject({ rateLimited: true });
      const retryAfter = (job.result as { retryAfterMs: number }).retryAfterMs;
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(5 * 60_000);
      const followUp = await ruche.ctx.store.db.selectFrom('jobs').select(['run_at', 'status']).where('idempotency_key', '=', `analytics-collect:${accountId}:after:${job.id}`).executeTakeFirstOrThrow();
      expect(followUp.status).toBe('queued');
      expect(Number(followUp.run_at)).toBeGreaterThan(Date.now());
      expect((await postsOf(ruche, accountId)).filter((p) => p.gone === 1)).toHaveLength(1);
    } finally {
      fake.rateLimit = limit;
    }
  });

  it('marks the account for reconnection when its token is revoked, and nothing else', async () => {
    const { fake, me, ruche, accountId } = suite;
    await makeDue(ruche, accountId);
    const before = await postsOf(ruche, accountId);
    fake.revoke(me.token);
    const job = await collectNow(ruche, accountId);
    expect(job.result).toMatchObject({ stopped: 'auth_expired' });
    const account = await ruche.ctx.store.db.selectFrom('social_accounts').select('status').where('id', '=', accountId).executeTakeFirstOrThrow();
    expect(account.status).toBe('reconnect');
    const after = await postsOf(ruche, accountId);
    expect(after.map((p) => [p.id, p.gone, p.likes, p.collect_count])).toEqual(before.map((p) => [p.id, p.gone, p.likes, p.collect_count]));
  });
});
