/**
 * The daily rollups stay what their raw rows say, through the code that writes those rows: the inbound pipeline
 * storing items, a reply going out, moderation hiding or deleting an item, listening storing mentions, a change of
 * the workspace's time zone. After each step the stored rollups are compared, row by row, with rollups recomputed
 * from the raw rows (rollupDifferences), so a write path that forgot its rollup fails here; and a dashboard kept in
 * memory is seen to change with each of those writes.
 * Collection's own path is checked the same way in the Bluesky and Mastodon collection tests.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { databases } from '../../helpers/ruche.js';
import { mastodonSuite } from '../../helpers/mastodon-ruche.js';
import type { InboundItem } from '../../../src/connectors/types.js';
import { ingestItems } from '../../../src/modules/inbound/pipeline.js';
import { ingestPosts } from '../../../src/modules/listening/ingest.js';
import { recordEffect } from '../../../src/modules/moderation/effects.js';
import { appendLog } from '../../../src/modules/moderation/log.js';
import { rollupDifferences } from '../../../src/modules/analytics/rollups/rebuild.js';
import { markRemoved } from '../../../src/modules/inbound/network-changes.js';
import { recordPostChanges } from '../../../src/modules/analytics/rollups/post-days.js';
import { eventually } from '../../notifications/helpers.js';
import { analyticsBackfilled } from '../collect/helpers.js';
import { inboxPath } from '../../inbox/seed.js';
import { addTopic, blueskyPost } from '../../listening/server/setup.js';

const HOUR = 3_600_000;

describe.each(databases)('analytics rollups on %s', (kind) => {
  const m = mastodonSuite(kind, { brand: 'rollups' });
  const db = () => m.ruche.ctx.store.db;
  const exact = async () => expect(await rollupDifferences(db(), m.ws)).toEqual([]);
  const inboxDays = () => db().selectFrom('analytics_inbox_days').selectAll().where('workspace_id', '=', m.ws).execute();
  const sum = (rows: Array<Record<string, unknown>>, k: string) => rows.reduce((n, r) => n + Number(r[k]), 0);

  /**
   * Items written on the network by a fan, as the network hands them to the inbound pipeline, which analyses and stores
   * them. They are plain statuses, not notifications, so the suite's running worker never polls them: only this
   * ingest stores them, with the kind the test gives (a poll would see every one as a mention, asking for an answer).
   */
  const arrive = async (texts: Array<{ text: string; kind: InboundItem['kind']; at: number }>) => {
    const account = await db().selectFrom('social_accounts').select(['id', 'workspace_id', 'network']).where('id', '=', m.accountId).executeTakeFirstOrThrow();
    const fan = m.fake.createAccount(`fan${crypto.randomBytes(3).toString('hex')}`);
    const items: InboundItem[] = texts.map((t) => ({
      kind: t.kind, ref: { id: (m.fake.postAs(fan, t.text) as { id: string }).id }, text: t.text, createdAt: new Date(t.at).toISOString(), url: null,
      author: { id: fan.id, handle: fan.username, displayName: null, avatarUrl: null, followers: 10, createdAt: null },
      parent: null, root: null, conversationId: null, quoted: null, languages: ['fr'], context: [],
    }));
    await ingestItems(m.ruche.ctx, account, items);
    const refs = items.map((i) => i.ref.id);
    const rows = await db().selectFrom('inbox_items').select(['id', 'external_id']).where('workspace_id', '=', m.ws).where('external_id', 'in', refs).execute();
    expect(rows).toHaveLength(texts.length);
    return refs.map((ref) => rows.find((r) => r.external_id === ref)!.id);
  };

  it('counts the items the pipeline stores, and counts their day again once one is answered, hidden or deleted', async () => {
    // Collection's first pass over the account (queued when it was connected) is over: it writes the account's
    // days while the rollups are compared with the rows otherwise, and the comparison reads one before the other.
    await analyticsBackfilled(m.ruche, m.accountId);
    const now = Date.now();
    const [mention, reply, quote] = await arrive([
      { text: 'Ma commande est en retard, c’est inadmissible', kind: 'mention', at: now - 3 * HOUR },
      { text: 'Merci pour le lancement', kind: 'reply', at: now - 2 * HOUR },
      { text: 'Regardez ça', kind: 'quote', at: now - HOUR },
    ]);
    await exact();
    expect(sum(await inboxDays(), 'volume')).toBe(3);
    expect(sum(await inboxDays(), 'asked')).toBe(2);

    // A reply goes out through the reply job: the item's first reply, and its wait, are counted.
    const sent = await m.owner.post(inboxPath(m.ws, `/items/${mention}/replies`), { kind: 'reply', body: 'Nous regardons tout de suite.' });
    expect(sent.status).toBe(202);
    await eventually(async () => (await db().selectFrom('inbox_items').select('first_reply_at').where('id', '=', mention!).executeTakeFirstOrThrow()).first_reply_at !== null, 'the first reply');
    await exact();
    const days = await inboxDays();
    expect([sum(days, 'replied'), sum(days, 'answered')]).toEqual([1, 1]);
    expect(days.flatMap((d) => JSON.parse(d.waits) as number[])).toHaveLength(1);

    // Moderation hides one and deletes another: they no longer ask for an answer.
    await db().transaction().execute((trx) => recordEffect(trx, 'hide', reply!, null, Date.now()));
    await exact();
    await db().transaction().execute((trx) => recordEffect(trx, 'delete', mention!, null, Date.now()));
    await exact();
    expect([sum(await inboxDays(), 'volume'), sum(await inboxDays(), 'asked'), sum(await inboxDays(), 'answered')]).toEqual([3, 0, 0]);
    await db().transaction().execute((trx) => recordEffect(trx, 'unhide', reply!, null, Date.now()));
    await exact();
    expect(sum(await inboxDays(), 'asked')).toBe(1);
    void quote;

    const d = (await m.owner.get(`/api/v1/workspaces/${m.ws}/analytics/dashboard?from=${new Date(now - 86_400_000).toISOString()}&to=${new Date(now + HOUR).toISOString()}`)).body;
    expect(d.inbox.volume.value).toBe(3);
    expect(d.inbox.responseRate.value).toBe(0);
    expect(d.inbox.firstResponseMinutes.value).toBeGreaterThanOrEqual(0);
  });

  it('counts the mentions listening stores, per day and per topic', async () => {
    const brand = await addTopic(m.owner, m.ws, { name: 'Rollup brand', query: 'ruchette' });
    const rival = await addTopic(m.owner, m.ws, { name: 'Rollup rival', kind: 'competitor', query: 'frelon' });
    const now = Date.now();
    const posts = [
      blueskyPost('La ruchette est géniale, bravo', { n: `r1-${kind}`, at: now - 30 * HOUR }),
      blueskyPost('La ruchette ne marche pas, déçu', { n: `r2-${kind}`, at: now - 5 * HOUR }),
      blueskyPost('Le frelon et la ruchette', { n: `r3-${kind}`, at: now - HOUR }),
      blueskyPost('Rien à voir', { n: `r4-${kind}`, at: now - HOUR }),
    ];
    const first = await ingestPosts(m.ruche.ctx, { workspaceId: m.ws, sourceId: null }, posts);
    expect(first.stored).toHaveLength(3);
    await exact();
    // The same posts again store nothing and count nothing.
    await ingestPosts(m.ruche.ctx, { workspaceId: m.ws, sourceId: null }, posts);
    await exact();
    const topics = await db().selectFrom('analytics_topic_days').selectAll().where('topic_id', 'in', [brand.id, rival.id]).execute();
    expect(sum(topics.filter((t) => t.topic_id === brand.id), 'total')).toBe(3);
    expect(sum(topics.filter((t) => t.topic_id === rival.id), 'total')).toBe(1);
    expect(sum(await db().selectFrom('analytics_mention_days').selectAll().where('workspace_id', '=', m.ws).execute(), 'volume')).toBe(3);
  });

  it('moves every day to the new zone when the workspace changes its time zone', async () => {
    // A post published at 23:30 UTC: the same day in London, the next one in Paris.
    const at = Date.parse('2026-01-10T23:30:00Z');
    const post = {
      id: crypto.randomUUID(), workspace_id: m.ws, account_id: m.accountId, network: 'mastodon', external_id: `ext:${crypto.randomUUID()}`, url: null,
      text: 'Tard le soir', image_url: null, post_id: null, campaign_id: null, labels: '["soir"]', published_at: at, likes: 3, reposts: 1, replies: 0,
      quotes: null, views: null, engagement: 4, followers_at_publish: 100, collected_at: at, next_collect_at: at + HOUR, collect_count: 1,
    };
    await db().transaction().execute(async (trx) => {
      await trx.insertInto('analytics_posts').values(post).execute();
      await recordPostChanges(trx, [{ before: null, after: post }]);
    });
    expect((await m.owner.patch(`/api/v1/workspaces/${m.ws}`, { timezone: 'Europe/London' })).status).toBe(200);
    await exact();
    const dayOf = async () => (await db().selectFrom('analytics_post_days').select('day').where('workspace_id', '=', m.ws).where('label', '=', 'soir').executeTakeFirstOrThrow()).day;
    expect(await dayOf()).toBe('2026-01-10');
    expect((await m.owner.patch(`/api/v1/workspaces/${m.ws}`, { timezone: 'Europe/Paris' })).status).toBe(200);
    await exact();
    expect(await dayOf()).toBe('2026-01-11');
    // The inbox and listening days of the earlier tests moved with it, as the comparison says.
  });

  it('serves a kept dashboard only until a write changes a figure, and names things as they are now', async () => {
    const now = Date.now();
    const query = `from=${new Date(now - 2 * 86_400_000).toISOString()}&to=${new Date(now + HOUR).toISOString()}`;
    const dashboard = async () => {
      const res = await m.owner.get(`/api/v1/workspaces/${m.ws}/analytics/dashboard?${query}`);
      expect(res.status).toBe(200);
      return res.body;
    };
    // Collection's first pass over the account (queued when it was connected) is over: nothing else writes.
    await analyticsBackfilled(m.ruche, m.accountId);
    const first = await dashboard();
    expect(await dashboard()).toEqual(first);

    const [item] = await arrive([{ text: 'Une question sur ma commande', kind: 'mention', at: now - HOUR }]);
    const afterItem = await dashboard();
    expect(afterItem.inbox.volume.value).toBe(first.inbox.volume.value + 1);

    // The item answered and then deleted in the first test asks again once its deletion is undone.
    const answered = await db().selectFrom('inbox_items').select('id').where('workspace_id', '=', m.ws).where('first_reply_at', 'is not', null).executeTakeFirstOrThrow();
    await db().transaction().execute((trx) => recordEffect(trx, 'unhide', answered.id, null, Date.now()));
    expect(afterItem.inbox.responseRate.value).toBe(0);
    expect((await dashboard()).inbox.responseRate.value).toBeGreaterThan(0);

    await appendLog(db(), { id: crypto.randomUUID(), workspaceId: m.ws, itemId: item!, authorId: null, actorId: null, ruleId: null, action: 'hide', outcome: 'done', reasons: [] }, Date.now());
    expect((await dashboard()).inbox.moderationActions.value).toBe(first.inbox.moderationActions.value + 1);

    await ingestPosts(m.ruche.ctx, { workspaceId: m.ws, sourceId: null }, [blueskyPost('Encore la ruchette', { n: `cache-${kind}`, at: now - HOUR })]);
    expect((await dashboard()).listening.volume.value).toBe(first.listening.volume.value + 1);

    const post = {
      id: crypto.randomUUID(), workspace_id: m.ws, account_id: m.accountId, network: 'mastodon', external_id: `ext:${crypto.randomUUID()}`, url: null,
      text: 'Publié', image_url: null, post_id: null, campaign_id: null, labels: '[]', published_at: now - HOUR, likes: 2, reposts: 0, replies: 0,
      quotes: null, views: null, engagement: 2, followers_at_publish: 10, collected_at: now, next_collect_at: now + HOUR, collect_count: 1,
    };
    await db().transaction().execute(async (trx) => {
      await trx.insertInto('analytics_posts').values(post).execute();
      await recordPostChanges(trx, [{ before: null, after: post }]);
    });
    const withPost = await dashboard();
    expect(withPost.publishing.posts.value).toBe(first.publishing.posts.value + 1);
    expect(withPost.topPosts.map((p: { id: string }) => p.id)).toContain(post.id);

    // A new handle changes no figure: it is read as it is now.
    await db().updateTable('social_accounts').set({ handle: 'renamed' }).where('id', '=', m.accountId).execute();
    const renamed = await dashboard();
    expect(renamed.byAccount.map((a: { label: string }) => a.label)).toEqual(['@renamed']);
    expect(renamed.topPosts.find((p: { id: string }) => p.id === post.id).handle).toBe('renamed');
  });

  it('stops counting as asked an item its author removed on the network before it was answered', async () => {
    const now = Date.now();
    const [gone, answered] = await arrive([
      { text: 'Vous livrez en Belgique ?', kind: 'mention', at: now - 5 * HOUR },
      { text: 'Et en Suisse ?', kind: 'reply', at: now - 5 * HOUR },
    ]);
    const sent = await m.owner.post(inboxPath(m.ws, `/items/${answered}/replies`), { kind: 'reply', body: 'Oui, partout en Europe.' });
    expect(sent.status).toBe(202);
    await eventually(async () => (await db().selectFrom('inbox_items').select('first_reply_at').where('id', '=', answered!).executeTakeFirstOrThrow()).first_reply_at !== null, 'the first reply');
    await exact();
    const before = await inboxDays();
    const refs = await db().selectFrom('inbox_items').select('external_id').where('id', 'in', [gone!, answered!]).execute();
    const account = { id: m.accountId, workspace_id: m.ws, network: 'mastodon' };
    expect(await markRemoved(m.ruche.ctx, account, refs.map((r) => r.external_id), Date.now())).toHaveLength(2);
    await exact();
    const after = await inboxDays();
    // The one answered before its removal was asked and answered: the response rate keeps it.
    expect([sum(after, 'volume'), sum(after, 'asked'), sum(after, 'answered')]).toEqual([sum(before, 'volume'), sum(before, 'asked') - 1, sum(before, 'answered')]);
  });

  it('tells a post written without its rollup', async () => {
    const at = Date.parse('2026-02-03T12:00:00Z');
    await db().insertInto('analytics_posts').values({
      id: crypto.randomUUID(), workspace_id: m.ws, account_id: m.accountId, network: 'mastodon', external_id: `ext:${crypto.randomUUID()}`, url: null,
      text: 'Oublié', image_url: null, post_id: null, campaign_id: null, labels: '[]', published_at: at, likes: 1, reposts: 0, replies: 0,
      quotes: null, views: null, engagement: 1, followers_at_publish: null, collected_at: at, next_collect_at: at + HOUR, collect_count: 1,
    }).execute();
    expect(await rollupDifferences(db(), m.ws)).toEqual([
      expect.stringMatching(/^posts 2026-02-03 .* missing$/),
      expect.stringMatching(/^postMonths 2026-02 .* missing$/),
      // Tuesday 13:00 in Paris: weekday 1 × 24 + hour 13, among every post's slots (label '').
      'postSlots 2026-02 mastodon  37: missing',
    ]);
  });
});
