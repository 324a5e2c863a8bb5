/**
 * The dashboard as a client reads it over HTTP, on figures seeded by hand (setup.ts): every value below is worked
 * out from those rows, in Paris time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../../helpers/ruche.js';
import { at } from '../figures/fixture.js';
import { analyticsRuche, JANUARY_QUERY, seedJanuary, type AnalyticsRuche, type January } from './setup.js';

describe.each(databases)('the dashboard over HTTP on %s', (kind) => {
  let t: AnalyticsRuche;
  let seed: January;
  let base: string;
  const dashboard = (query: string) => t.owner.get(`${base}/dashboard?${query}`);

  beforeAll(async () => {
    t = await analyticsRuche(kind, '2026-02-01T10:00:00Z');
    seed = await seedJanuary(t.ruche.ctx.store.db, t.ws);
    base = `/api/v1/workspaces/${t.ws}/analytics`;
  }, 60_000);
  afterAll(async () => t?.ruche.stop());

  it('sums engagement and its rates by followers and by views over January’s posts, against December', async () => {
    const res = await dashboard(JANUARY_QUERY);
    expect(res.status).toBe(200);
    const p = res.body.publishing;
    expect(res.body.timezone).toBe('Europe/Paris');
    expect(res.body.comparisonPeriod).toEqual({ start: at('2025-11-30T23:00:00Z'), end: at('2025-12-31T23:00:00Z') });
    expect(p.posts).toMatchObject({ value: 5, previous: 1 });
    expect(p.engagement).toEqual({ value: 62, previous: 5, changePct: expect.closeTo(1140, 9), formula: 'engagement' });
    expect([p.likes.value, p.reposts.value, p.replies.value, p.quotes.value]).toEqual([45, 7, 9, 1]);
    // (16/200 + 40/1000 + 0/1000 + 1/200) ÷ 4 in percent; the post without followers is left out.
    expect(p.engagementRateFollowers.value).toBeCloseTo((8 + 4 + 0 + 0.5) / 4, 9);
    expect(p.engagementRateFollowers.previous).toBeCloseTo(5, 9);
    // Only the Mastodon posts have views: (40 + 0) ÷ (800 + 200).
    expect(p.views.value).toBe(1000);
    expect(p.engagementRateViews.value).toBeCloseTo(4, 9);
    expect(p.engagementRateViews.previous).toBeNull();
  });

  it('reads followers at the end and their growth: a from its December reading, b from its first January one', async () => {
    const p = (await dashboard(JANUARY_QUERY)).body.publishing;
    expect(p.followers).toMatchObject({ value: 1280, previous: 100 });
    expect(p.followerGrowth).toMatchObject({ value: 180, previous: 10 });
    expect(p.followerGrowthPct.value).toBeCloseTo((180 / 1100) * 100, 9);
    expect(p.followerGrowthPct.previous).toBeCloseTo(10 / 90 * 100, 9);
  });

  it('ranks the top posts, and the flops only among posts at least 48 hours old', async () => {
    const d = (await dashboard(JANUARY_QUERY)).body;
    const { p1, p2, p3, p4, p5 } = seed.posts;
    expect(d.topPosts.map((x: { id: string }) => x.id)).toEqual([p3, p1, p2, p5, p4]);
    // p4 went out on 30 January at 12:00 UTC: 46 hours before now.
    expect(d.flopPosts.map((x: { id: string }) => x.id)).toEqual([p5, p2, p1, p3]);
    expect(d.topPosts[1]).toMatchObject({ handle: 'a.test', engagement: 16, engagementRate: expect.closeTo(8, 9), campaignId: seed.c1, labels: ['launch'] });
  });

  it('compares with the same dates a year before', async () => {
    const d = (await dashboard(`${JANUARY_QUERY}&compare=year_before`)).body;
    expect(d.comparison).toBe('year_before');
    expect(d.comparisonPeriod).toEqual({ start: at('2024-12-31T23:00:00Z'), end: at('2025-01-31T23:00:00Z') });
    expect(d.publishing.posts).toMatchObject({ value: 5, previous: 1 });
    expect(d.publishing.engagement).toMatchObject({ value: 62, previous: 7 });
    expect(d.publishing.engagementRateFollowers.previous).toBeCloseTo(14, 9);
    expect(d.publishing.followers.previous).toBe(60);
    expect(d.publishing.followerGrowth.previous).toBe(20);
    expect(d.comparisonSeries[0].day).toBe('2025-01-01');
    expect(d.comparisonSeries).toHaveLength(31);
  });

  it('counts the inbox and listening for a member who reads the inbox', async () => {
    const d = (await dashboard(JANUARY_QUERY)).body;
    expect(d.inbox.volume).toMatchObject({ value: 6, previous: 1 });
    expect(d.inbox.responseRate.value).toBeCloseTo(75, 9);
    expect(d.inbox.firstResponseMinutes).toMatchObject({ value: 30, previous: 120 });
    expect(d.inbox.moderationActions.value).toBe(1);
    expect(d.listening.volume.value).toBe(2);
    expect(d.listening.shareOfVoice.map((s: { name: string; share: number }) => [s.name, s.share])).toEqual([['Ruche', 75], ['Rival', 25]]);
  });

  it('narrows every figure to an account, a network, a campaign or a label', async () => {
    const byAccount = (await dashboard(`${JANUARY_QUERY}&accountId=${seed.b}`)).body;
    expect(byAccount.scope).toMatchObject({ accountId: seed.b });
    expect(byAccount.publishing.posts.value).toBe(2);
    expect(byAccount.publishing.engagement.value).toBe(40);
    expect(byAccount.publishing.followers.value).toBe(1100);
    expect(byAccount.publishing.followerGrowth.value).toBe(100);
    expect(byAccount.inbox.volume.value).toBe(1);
    expect(byAccount.byAccount.map((x: { label: string }) => x.label)).toEqual(['@b.social']);

    const bluesky = (await dashboard(`${JANUARY_QUERY}&network=bluesky`)).body;
    expect(bluesky.publishing.posts.value).toBe(3);
    expect(bluesky.publishing.engagement.value).toBe(22);
    expect(bluesky.publishing.followers.value).toBe(180);
    expect(bluesky.publishing.views.value).toBeNull();

    const campaign = (await dashboard(`${JANUARY_QUERY}&campaignId=${seed.c1}`)).body;
    expect(campaign.publishing.posts.value).toBe(2);
    expect(campaign.publishing.engagement.value).toBe(21);
    expect(campaign.publishing.engagementRateFollowers.value).toBeCloseTo(8, 9);
    expect(campaign.topPosts.map((x: { id: string }) => x.id)).toEqual([seed.posts.p1, seed.posts.p2]);
    const days = Object.fromEntries(campaign.series.map((x: { day: string; engagement: number }) => [x.day, x.engagement]));
    expect(days['2026-01-05']).toBe(16);
    expect(days['2026-01-11']).toBe(5); // 23:30 UTC on the 10th is the 11th in Paris

    const promo = (await dashboard(`${JANUARY_QUERY}&label=promo`)).body;
    expect(promo.publishing.posts.value).toBe(1);
    expect(promo.publishing.engagement.value).toBe(5);
    expect(promo.topPosts.map((x: { id: string }) => x.id)).toEqual([seed.posts.p2]);

    const nothing = (await dashboard(`${JANUARY_QUERY}&label=${encodeURIComponent('nobody’s label')}`)).body;
    expect(nothing.publishing.posts.value).toBe(0);
    expect(nothing.publishing.engagementRateFollowers.value).toBeNull();
  });

  it('refuses a period that ends before it starts, lasts over 400 days, is not a date, or an unknown comparison', async () => {
    const backwards = await dashboard('from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error).toMatchObject({ code: 'invalid_period', message: expect.stringMatching(/"to" must come after "from"/) });
    const empty = await dashboard('from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(empty.status).toBe(400);
    const long = await dashboard('from=2025-01-01T00:00:00Z&to=2026-02-06T00:00:00Z');
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ code: 'period_too_long', message: expect.stringMatching(/400 days/) });
    expect((await dashboard('from=2025-01-01T00:00:00Z&to=2026-02-05T00:00:00Z')).status).toBe(200);

    for (const bad of ['from=yesterday&to=2026-02-01T00:00:00Z', 'from=2026-01-01&to=2026-02-01T00:00:00Z', 'from=2026-13-45T00:00:00Z&to=2026-02-01T00:00:00Z']) {
      const res = await dashboard(bad);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details.map((x: { path: string }) => x.path)).toContain('from');
    }
    const missing = await dashboard('from=2026-01-01T00:00:00Z');
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((x: { path: string }) => x.path)).toContain('to');
    const compare = await dashboard(`${JANUARY_QUERY}&compare=last_decade`);
    expect(compare.status).toBe(400);
    expect(compare.body.error.details.map((x: { path: string }) => x.path)).toContain('compare');
  });
});
