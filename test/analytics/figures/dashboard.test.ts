import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/database.js';
import { testStores } from '../../helpers/store.js';
import { dashboardFor } from '../../../src/modules/analytics/dashboard.js';
import { rollupDifferences } from '../../../src/modules/analytics/rollups/rebuild.js';
import { figureThreadStats } from '../../../src/modules/analytics/figure-threads.js';
import { zoneOf } from '../../../src/modules/analytics/time.js';
import type { Reader } from '../../../src/modules/analytics/scope.js';
import type { Dashboard } from '../../../src/modules/analytics/types.js';
import { account, at, author, campaign, item, mention, moderation, post, topic, topicMinute, workspace } from './fixture.js';
import { JANUARY, januaryDays, januaryInbox, januaryPosts, type JanuaryPosts } from './january.js';

/**
 * Every formula of the dashboard on rows written by hand, in Paris time (UTC+1 in winter): January 2026 runs from
 * 2025-12-31T23:00Z to 2026-01-31T23:00Z, and is compared with December (the 31 days before) or January 2025.
 */
const NOW = at('2026-02-01T10:00:00Z');

describe.each(testStores())('dashboard figures ($name)', (kind) => {
  let store: Store;
  let r: Reader;
  let ws: string;
  let c1: string;
  let d: Dashboard;
  let posts: JanuaryPosts;

  beforeAll(async () => {
    store = await kind.open();
    const db = store.db;
    ws = await workspace(db, 'Europe/Paris');
    const other = await workspace(db, 'Europe/Paris');
    const accounts = { a: await account(db, ws, 'bluesky', 'a.test'), b: await account(db, ws, 'mastodon', 'b.social') };
    const stranger = await account(db, other, 'bluesky', 'stranger.test');
    c1 = await campaign(db, ws, 'Spring launch');
    posts = await januaryPosts(db, ws, accounts, c1);
    // Another workspace's post in the same month never counts.
    await post(db, other, { account: stranger, network: 'bluesky', at: '2026-01-06T12:00:00Z', likes: 1000, reposts: 0, replies: 0, quotes: 0, followers: 10 });
    await januaryDays(db, ws, accounts);

    const someone = await author(db, ws);
    await januaryInbox(db, ws, someone, accounts);
    // An item tied to no account (a mention sent in from listening): the inbox's figures leave it out.
    await item(db, ws, someone, { account: null, kind: 'mention', at: '2026-01-09T10:00:00Z' });
    const done = '2026-01-12T10:00:00Z';
    await moderation(db, ws, done, 'done');
    await moderation(db, ws, done, 'done');
    await moderation(db, ws, done, 'failed');
    await moderation(db, ws, done, 'done', 'some-earlier-row');

    const brand = await topic(db, ws, 'Ruche', 'brand');
    const rival = await topic(db, ws, 'Rival', 'competitor');
    const product = await topic(db, ws, 'Hive', 'product');
    await topicMinute(db, brand, '2026-01-02T12:00:00Z', 30);
    await topicMinute(db, rival, '2026-01-02T12:00:00Z', 10);
    await topicMinute(db, product, '2026-01-02T12:00:00Z', 50);
    await topicMinute(db, rival, '2025-12-02T12:00:00Z', 500);
    await mention(db, ws, someone, '2026-01-02T12:00:00Z', 'positive');
    await mention(db, ws, someone, '2026-01-31T22:30:00Z', 'negative');
    await mention(db, ws, someone, '2026-01-15T12:00:00Z', 'neutral');
    await mention(db, ws, someone, '2025-12-31T23:10:00Z', 'negative');

    r = { db, dialect: store.dialect, zone: zoneOf('Europe/Paris'), now: NOW };
    d = await dashboardFor(r, { workspaceId: ws }, JANUARY, 'previous');
  });
  afterAll(async () => store?.destroy());

  it('sums engagement (likes + reposts + replies + quotes) over the posts published in the period, in local time', () => {
    const p = d.publishing;
    expect(p.posts.value).toBe(5);
    expect(p.engagement.value).toBe(16 + 5 + 40 + 0 + 1);
    expect([p.likes.value, p.reposts.value, p.replies.value, p.quotes.value]).toEqual([45, 7, 9, 1]);
    expect(p.engagement.previous).toBe(5);
    expect(p.engagement.changePct).toBeCloseTo(((62 - 5) / 5) * 100, 6);
    expect(p.engagement.formula).toBe('engagement');
  });

  it('averages engagement ÷ followers at publish over posts whose followers are known, and divides by views where there are views', () => {
    expect(d.publishing.engagementRateFollowers.value).toBeCloseTo((8 + 4 + 0 + 0.5) / 4, 9);
    expect(d.publishing.engagementRateFollowers.previous).toBeCloseTo(5, 9);
    expect(d.publishing.views.value).toBe(1000);
    expect(d.publishing.engagementRateViews.value).toBeCloseTo((40 / 1000) * 100, 9);
    expect(d.publishing.views.previous).toBeNull();
    expect(d.publishing.engagementRateViews.previous).toBeNull();
  });

  it('reads followers at the period’s end and their growth since its start, a newer account from its first reading', () => {
    expect(d.publishing.followers.value).toBe(180 + 1100);
    expect(d.publishing.followerGrowth.value).toBe(1280 - (100 + 1000));
    expect(d.publishing.followerGrowthPct.value).toBeCloseTo((180 / 1100) * 100, 9);
    expect(d.publishing.followers.previous).toBe(100);
    expect(d.publishing.followerGrowth.previous).toBe(10);
  });

  it('draws one point per local day, followers carried over days without a reading', () => {
    expect(d.series).toHaveLength(31);
    const byDay = Object.fromEntries(d.series.map((p) => [p.day, p]));
    expect(byDay['2026-01-01']!.followers).toBe(100);
    expect(byDay['2026-01-05']!.followers).toBe(1100);
    expect(byDay['2026-01-10']).toMatchObject({ followers: 1150, engagement: 4, likes: 3, reposts: 1 });
    expect(byDay['2026-01-20']).toMatchObject({ followers: 1250, engagement: 10, posts: 1 });
    expect(byDay['2026-01-31']!.followers).toBe(1280);
    expect(d.comparisonSeries[0]!.day).toBe('2025-12-01');
    expect(d.comparisonSeries).toHaveLength(31);
  });

  it('ranks the top posts by engagement and the flops among posts at least 48 hours old', () => {
    expect(d.topPosts.map((p) => p.id)).toEqual([posts.p3, posts.p1, posts.p2, posts.p5, posts.p4]);
    expect(d.flopPosts.map((p) => p.id)).toEqual([posts.p5, posts.p2, posts.p1, posts.p3]);
    const p2 = d.topPosts[2]!;
    expect(p2).toMatchObject({ handle: 'a.test', quotes: null, engagement: 5, engagementRate: null, labels: ['launch', 'promo'], campaignId: c1 });
    expect(d.topPosts[1]!.engagementRate).toBeCloseTo(8, 9);
  });

  it('places best times in the workspace’s weekdays and hours over the 90 days before the end', () => {
    const cell = (weekday: number, hour: number) => d.bestTimes.find((c) => c.weekday === weekday && c.hour === hour)!;
    expect(d.bestTimes).toHaveLength(168);
    expect(cell(0, 11)).toMatchObject({ posts: 1, meanEngagement: 16 }); // Monday 5 January, 11:00 in Paris
    expect(cell(6, 0)).toMatchObject({ posts: 1, meanEngagement: 5 }); // 23:30 UTC on Saturday is Sunday 00:30 in Paris
    expect(cell(1, 9)).toMatchObject({ posts: 1, meanEngagement: 40 });
    expect(cell(3, 0)).toMatchObject({ posts: 1, meanEngagement: 1 }); // Thursday 1 January, 00:30
    expect(cell(0, 13)).toMatchObject({ posts: 1, meanEngagement: 5 }); // December's post, Monday 15th at 13:00
    expect(d.bestTimes.reduce((s, c) => s + c.posts, 0)).toBe(6);
  });

  it('breaks the period down by network, account, campaign and label', () => {
    expect(d.byNetwork).toEqual([
      { key: 'mastodon', label: 'mastodon', posts: 2, engagement: 40, engagementRateFollowers: expect.closeTo(2, 9) },
      { key: 'bluesky', label: 'bluesky', posts: 3, engagement: 22, engagementRateFollowers: expect.closeTo(4.25, 9) },
    ]);
    expect(d.byAccount.map((x) => [x.label, x.posts, x.engagement])).toEqual([['@b.social', 2, 40], ['@a.test', 3, 22]]);
    expect(d.byCampaign).toEqual([{ key: c1, label: 'Spring launch', posts: 2, engagement: 21, engagementRateFollowers: expect.closeTo(8, 9) }]);
    expect(d.byLabel.map((x) => [x.key, x.posts, x.engagement])).toEqual([['launch', 2, 21], ['promo', 1, 5]]);
  });

  it('counts the inbox: volume, response rate on items that ask, median first response, moderation actions, complaints', () => {
    const i = d.inbox;
    expect(i.volume.value).toBe(6);
    expect(i.responseRate.value).toBeCloseTo(75, 9); // reply, mention, message, reply ask; the quote and the hidden reply do not
    expect(i.firstResponseMinutes.value).toBe(30); // 10, 30, 90
    expect(i.firstResponseMinutes.previous).toBe(120);
    expect(i.moderationActions.value).toBe(2);
    expect(i.complaints.value).toBe(1);
    expect(i.negativeShare.value).toBeCloseTo((2 / 6) * 100, 9);
    expect(i.volume.previous).toBe(1);
  });

  it('measures listening: volume, sentiment shares, share of voice among brand and competitor topics, sentiment per local day', () => {
    const l = d.listening;
    expect(l.volume.value).toBe(4);
    expect(l.positiveShare.value).toBeCloseTo(25, 9);
    expect(l.negativeShare.value).toBeCloseTo(50, 9);
    expect(l.shareOfVoice.map((s) => [s.name, s.mentions, s.share])).toEqual([['Ruche', 30, 75], ['Rival', 10, 25]]);
    const byDay = Object.fromEntries(l.sentimentByDay.map((x) => [x.day, x]));
    expect(byDay['2026-01-01']).toEqual({ day: '2026-01-01', positive: 0, neutral: 0, negative: 1 });
    expect(byDay['2026-01-31']!.negative).toBe(1);
    expect(byDay['2026-01-15']!.neutral).toBe(1);
  });

  it('compares with the same dates a year before', async () => {
    const y = await dashboardFor(r, { workspaceId: ws }, JANUARY, 'year_before');
    expect(y.comparisonPeriod).toEqual({ start: at('2024-12-31T23:00:00Z'), end: at('2025-01-31T23:00:00Z') });
    expect(y.publishing.posts.previous).toBe(1);
    expect(y.publishing.engagement.previous).toBe(7);
  });

  it('narrows to a campaign, a label or a network; a campaign’s days come from its posts', async () => {
    const byCampaign = await dashboardFor(r, { workspaceId: ws, campaignId: c1 }, JANUARY, 'previous');
    expect(byCampaign.publishing.posts.value).toBe(2);
    expect(byCampaign.publishing.engagementRateFollowers.value).toBeCloseTo(8, 9);
    const days = Object.fromEntries(byCampaign.series.map((p) => [p.day, p.engagement]));
    expect(days['2026-01-05']).toBe(16);
    expect(days['2026-01-11']).toBe(5);
    expect(days['2026-01-10']).toBe(0);
    const promo = await dashboardFor(r, { workspaceId: ws, label: 'promo' }, JANUARY, 'previous');
    expect(promo.topPosts.map((p) => p.id)).toEqual([posts.p2]);
    const mastodon = await dashboardFor(r, { workspaceId: ws, network: 'mastodon' }, JANUARY, 'previous');
    expect(mastodon.publishing.engagement.value).toBe(40);
    expect(mastodon.publishing.followers.value).toBe(1100);
    expect(mastodon.inbox.volume.value).toBe(0);
  });

  it('gives the same figures when read on a reader thread, as SQLite dashboards are', async () => {
    if (!store.file) return;
    const before = figureThreadStats().onThreads;
    const onThread = { ...r, file: store.file };
    for (const scope of [{}, { campaignId: c1 }, { label: 'promo' }, { network: 'mastodon' }]) {
      for (const comparison of ['previous', 'year_before'] as const) {
        const inline = await dashboardFor(r, { workspaceId: ws, ...scope }, JANUARY, comparison);
        expect(await dashboardFor(onThread, { workspaceId: ws, ...scope }, JANUARY, comparison)).toEqual(inline);
      }
    }
    expect(figureThreadStats().onThreads).toBe(before + 8);
  });

  it('leaves the inbox blank when the reader may not see it', async () => {
    const blind = await dashboardFor(r, { workspaceId: ws }, JANUARY, 'previous', { inbox: false });
    expect(blind.inbox.volume.value).toBeNull();
    expect(blind.inbox.responseRate.value).toBeNull();
    expect(blind.publishing.posts.value).toBe(5);
  });

  it('splits a label’s posts by every label they carry, each label of a post once', async () => {
    const promo = await dashboardFor(r, { workspaceId: ws, label: 'promo' }, JANUARY, 'previous');
    expect(promo.byLabel.map((x) => [x.key, x.posts, x.engagement, x.engagementRateFollowers])).toEqual([['launch', 1, 5, null], ['promo', 1, 5, null]]);
    const db = store.db;
    const w = await workspace(db, 'Europe/Paris');
    const a = await account(db, w, 'bluesky', 'labels.test');
    await post(db, w, { account: a, network: 'bluesky', at: '2026-01-12T10:00:00Z', likes: 6, reposts: 1, replies: 1, quotes: 2, followers: 100, labels: ['promo', 'promo', 'tips'] });
    await post(db, w, { account: a, network: 'bluesky', at: '2026-01-13T10:00:00Z', likes: 2, reposts: 0, replies: 0, quotes: 0, followers: 50, labels: ['promo'] });
    await post(db, w, { account: a, network: 'bluesky', at: '2026-01-14T10:00:00Z', likes: 9, reposts: 0, replies: 0, quotes: 0, followers: 10, labels: ['tips'] });
    const d = await dashboardFor(r, { workspaceId: w, label: 'promo' }, JANUARY, 'previous');
    expect(d.byLabel.map((x) => [x.key, x.posts, x.engagement])).toEqual([['promo', 2, 12], ['tips', 1, 10]]);
    expect(d.byLabel[0]!.engagementRateFollowers).toBeCloseTo((10 + 4) / 2, 9);
    expect(d.byLabel[1]!.engagementRateFollowers).toBeCloseTo(10, 9);
    // Cut in the day of the first post: that post is read from the posts, the next day from the label pairs.
    const cut = await dashboardFor(r, { workspaceId: w, label: 'promo' }, { start: at('2026-01-12T09:00:00Z'), end: at('2026-01-14T12:00:00Z') }, 'previous');
    expect(cut.byLabel.map((x) => [x.key, x.posts, x.engagement])).toEqual([['promo', 2, 12], ['tips', 1, 10]]);
    expect(cut.byLabel[0]!.engagementRateFollowers).toBeCloseTo((10 + 4) / 2, 9);
  });

  it('counts an account’s or a network’s moderation actions by the item they acted on', async () => {
    const db = store.db;
    const w = await workspace(db, 'Europe/Paris');
    const a = await account(db, w, 'bluesky', 'mod-a.test');
    const b = await account(db, w, 'mastodon', 'mod-b.social');
    const someone = await author(db, w);
    const onA = await item(db, w, someone, { account: a, kind: 'reply', at: '2026-01-03T10:00:00Z' });
    const onB = await item(db, w, someone, { account: b, kind: 'reply', at: '2026-01-04T10:00:00Z' });
    const log = (itemId: string | null, when: string, outcome = 'done') => moderation(db, w, when, outcome, null, itemId);
    await log(onA, '2026-01-03T11:00:00Z');
    await log(onA, '2026-01-20T11:00:00Z');
    await log(onA, '2026-01-21T11:00:00Z', 'failed');
    await log(onA, '2025-12-20T11:00:00Z');
    await log(onB, '2026-01-05T11:00:00Z');
    await log(null, '2026-01-06T11:00:00Z');
    const actions = async (scope: { accountId?: string; network?: string }) =>
      (await dashboardFor(r, { workspaceId: w, ...scope }, JANUARY, 'previous')).inbox.moderationActions;
    expect(await actions({})).toMatchObject({ value: 4, previous: 1 });
    expect(await actions({ accountId: a })).toMatchObject({ value: 2, previous: 1 });
    expect(await actions({ accountId: b })).toMatchObject({ value: 1, previous: 0 });
    // The fixture's items all come from Bluesky.
    expect(await actions({ network: 'bluesky' })).toMatchObject({ value: 3, previous: 1 });
    expect(await actions({ network: 'mastodon' })).toMatchObject({ value: 0, previous: 0 });
    // Whole days from the daily rollup, the parts of days at either end from the log.
    const cut = { start: at('2026-01-03T10:30:00Z'), end: at('2026-01-20T12:00:00Z') };
    const cutActions = async (scope: { accountId?: string; network?: string }) =>
      (await dashboardFor(r, { workspaceId: w, ...scope }, cut, 'previous')).inbox.moderationActions;
    expect(await cutActions({})).toMatchObject({ value: 4, previous: 1 });
    expect(await cutActions({ accountId: a })).toMatchObject({ value: 2, previous: 1 });
    expect(await cutActions({ network: 'bluesky' })).toMatchObject({ value: 3, previous: 1 });
    const narrower = { start: at('2026-01-03T11:30:00Z'), end: at('2026-01-20T10:30:00Z') };
    expect((await dashboardFor(r, { workspaceId: w }, narrower, 'previous')).inbox.moderationActions.value).toBe(2);
    expect(await rollupDifferences(db, w)).toEqual([]);
  });
});
