/**
 * The posts behind a figure: a heat map's cell read on the workspace's clock (Paris, across both of 2026's clock
 * changes), sorted and paged by cursor, and one post's growth curve.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../../helpers/ruche.js';
import { at, post } from '../figures/fixture.js';
import { analyticsRuche, seededAccount, type AnalyticsRuche } from './setup.js';

const PERIOD = 'from=2026-03-01T00:00:00Z&to=2026-11-01T00:00:00Z';
type Item = { id: string; engagement: number; engagementRate: number | null; publishedAt: string };

describe.each(databases)('the posts behind a figure on %s', (kind) => {
  let t: AnalyticsRuche;
  let base: string;
  const ids: Record<string, string> = {};
  const all: string[] = [];
  const list = async (query: string): Promise<Item[]> => {
    const res = await t.owner.get(`${base}/posts?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items;
  };
  const idsOf = (items: Item[]) => items.map((i) => i.id);

  beforeAll(async () => {
    t = await analyticsRuche(kind, '2026-11-05T10:00:00Z');
    base = `/api/v1/workspaces/${t.ws}/analytics`;
    const db = t.ruche.ctx.store.db;
    const a = await seededAccount(db, t.ws, 'bluesky', 'a.test');
    const seed = async (name: string, iso: string, likes: number, followers: number | null = 100) => {
      ids[name] = await post(db, t.ws, { account: a, network: 'bluesky', at: iso, likes, reposts: 0, replies: 0, quotes: 0, followers });
      all.push(ids[name]!);
    };
    // Paris leaves UTC+1 for UTC+2 at 01:00 UTC on Sunday 29 March, and comes back at 01:00 UTC on Sunday 25 October.
    await seed('sat2330', '2026-03-28T23:30:00Z', 3); // Sunday 00:30 in Paris
    await seed('beforeSpring', '2026-03-29T00:30:00Z', 5); // Sunday 01:30, still winter time
    await seed('afterSpring', '2026-03-29T01:30:00Z', 7); // Sunday 03:30: 02:xx never happened that night
    await seed('sunEvening', '2026-03-29T22:30:00Z', 2); // Monday 00:30 in Paris, still Sunday in UTC
    await seed('winter11', '2026-03-22T10:00:00Z', 4); // Sunday 11:00 (UTC+1)
    await seed('summer11', '2026-03-29T09:00:00Z', 4); // Sunday 11:00 (UTC+2)
    await seed('firstTwoThirty', '2026-10-25T00:30:00Z', 1); // Sunday 02:30, summer time
    await seed('secondTwoThirty', '2026-10-25T01:30:00Z', 6); // Sunday 02:30 again, winter time
    // Enough posts with equal counts to page through ties.
    for (let i = 0; i < 23; i++) {
      const weekday = [4, 5, 6, 7, 8, 11, 12, 13, 14, 15][i % 10]!; // Mondays to Fridays of May
      await seed(`filler${i}`, `2026-05-${String(weekday).padStart(2, '0')}T${String(6 + (i % 3)).padStart(2, '0')}:15:00Z`, i % 3, i % 4 === 0 ? null : 50 + (i % 2) * 50);
    }
    // Rates no binary fraction holds exactly, two of them equal: a cursor must carry them back unchanged.
    await seed('third', '2026-05-19T07:00:00Z', 1, 300);
    await seed('sameThird', '2026-05-19T08:00:00Z', 2, 600);
    await seed('seventh', '2026-05-19T09:00:00Z', 1, 7);
    // Outside the period: never listed.
    await post(db, t.ws, { account: a, network: 'bluesky', at: '2026-02-28T23:59:59Z', likes: 99, reposts: 0, replies: 0, quotes: 0 });
  }, 60_000);
  afterAll(async () => t?.ruche.stop());

  it('reads a weekday and hour cell on the workspace’s clock, both sides of each clock change', async () => {
    const cell = async (weekday: number, hour: number) => idsOf(await list(`${PERIOD}&weekday=${weekday}&hour=${hour}&sort=published_at&order=asc`));
    expect(await cell(6, 0)).toEqual([ids.sat2330]);
    expect(await cell(6, 1)).toEqual([ids.beforeSpring]);
    expect(await cell(6, 3)).toEqual([ids.afterSpring]);
    expect(await cell(6, 2)).toEqual([ids.firstTwoThirty, ids.secondTwoThirty]);
    expect(await cell(0, 0)).toEqual([ids.sunEvening]);
    expect(await cell(6, 22)).toEqual([]);
    expect(await cell(6, 11)).toEqual([ids.winter11, ids.summer11]);
    const sundays = await list(`${PERIOD}&weekday=6&limit=200`);
    expect(sundays).toHaveLength(7);
  });

  it('agrees with the dashboard’s heat map on the same cells', async () => {
    const d = (await t.owner.get(`${base}/dashboard?from=2026-09-01T00:00:00Z&to=2026-11-01T00:00:00Z`)).body;
    const cell = d.bestTimes.find((c: { weekday: number; hour: number }) => c.weekday === 6 && c.hour === 2);
    expect(cell).toMatchObject({ posts: 2, meanEngagement: 3.5 });
  });

  it('reads a local day of 23 hours, alone or with an hour', async () => {
    const day = await list('day=2026-03-29&sort=published_at&order=asc');
    expect(idsOf(day)).toEqual([ids.sat2330, ids.beforeSpring, ids.afterSpring, ids.summer11]);
    expect(idsOf(await list('day=2026-03-29&hour=3'))).toEqual([ids.afterSpring]);
    expect(idsOf(await list('day=2026-03-30'))).toEqual([ids.sunEvening]);
    const bad = await t.owner.get(`${base}/posts?day=2026-02-30`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_day');
    const none = await t.owner.get(`${base}/posts?hour=3`);
    expect(none.status).toBe(400);
    expect(none.body.error).toMatchObject({ code: 'invalid_period', message: expect.stringMatching(/"from" and "to", or a "day"/) });
    const half = await t.owner.get(`${base}/posts?from=2026-03-01T00:00:00Z&day=2026-03-29`);
    expect(half.status).toBe(400);
    expect(half.body.error.message).toMatch(/both "from" and "to"/);
    expect((await t.owner.get(`${base}/posts?${PERIOD}&weekday=7`)).status).toBe(400);
    expect((await t.owner.get(`${base}/posts?${PERIOD}&hour=24`)).status).toBe(400);
    for (const bad of ['weekday=', 'hour=', 'hour=1.5', 'weekday=-1', 'hour=0x1']) {
      const res = await t.owner.get(`${base}/posts?${PERIOD}&${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const doc = await t.owner.get('/api/v1/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.paths['/api/v1/workspaces/{workspaceId}/analytics/posts'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['weekday', 'hour']));
    expect((await t.owner.get(`${base}/posts?${PERIOD}&sort=likes`)).status).toBe(400);
  });

  it('sorts by engagement, date or rate, either way', async () => {
    const byEngagement = await list(`${PERIOD}&limit=200`);
    expect(byEngagement).toHaveLength(all.length);
    expect(new Set(idsOf(byEngagement))).toEqual(new Set(all));
    expect(byEngagement[0]!.id).toBe(ids.afterSpring);
    for (let i = 1; i < byEngagement.length; i++) expect(byEngagement[i - 1]!.engagement).toBeGreaterThanOrEqual(byEngagement[i]!.engagement);
    const oldest = await list(`${PERIOD}&sort=published_at&order=asc&limit=200`);
    expect(oldest[0]!.id).toBe(ids.winter11);
    expect(oldest.at(-1)!.id).toBe(ids.secondTwoThirty);
    for (let i = 1; i < oldest.length; i++) expect(Date.parse(oldest[i - 1]!.publishedAt)).toBeLessThan(Date.parse(oldest[i]!.publishedAt));
    const newest = await list(`${PERIOD}&sort=published_at&order=desc&limit=200`);
    expect(idsOf(newest)).toEqual(idsOf(oldest).reverse());
    const byRate = await list(`${PERIOD}&sort=engagement_rate&limit=200`);
    const rate = (i: Item) => i.engagementRate ?? -1;
    for (let i = 1; i < byRate.length; i++) expect(rate(byRate[i - 1]!)).toBeGreaterThanOrEqual(rate(byRate[i]!));
    expect(byRate[0]!.id).toBe(ids.seventh); // 1 ÷ 7
    // Posts whose followers are unknown come last.
    expect(byRate.slice(-6).every((i) => i.engagementRate === null)).toBe(true);
    const leastRate = await list(`${PERIOD}&sort=engagement_rate&order=asc&limit=200`);
    expect(leastRate[0]!.engagementRate).toBeNull();
  });

  it('pages by cursor through every post exactly once, in the order of one long page, ties included', async () => {
    for (const sort of ['engagement', 'published_at', 'engagement_rate']) {
      for (const order of ['desc', 'asc']) {
        const whole = idsOf(await list(`${PERIOD}&sort=${sort}&order=${order}&limit=200`));
        const paged: string[] = [];
        let cursor: string | null = null;
        for (let n = 0; n < 50; n++) {
          const res = await t.owner.get(`${base}/posts?${PERIOD}&sort=${sort}&order=${order}&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          expect(res.status).toBe(200);
          paged.push(...idsOf(res.body.items));
          cursor = res.body.nextCursor;
          if (!cursor) break;
        }
        expect(paged, `${sort} ${order}`).toEqual(whole);
        expect(new Set(paged).size).toBe(all.length);
      }
    }
  });

  it('refuses a cursor it did not give', async () => {
    const first = await t.owner.get(`${base}/posts?${PERIOD}&limit=3`);
    const cursor: string = first.body.nextCursor;
    const forged = [
      cursor.slice(0, -2),
      'not-a-cursor',
      Buffer.from(JSON.stringify([1, "x' or '1'='1"])).toString('base64url'),
      Buffer.from(JSON.stringify(['1 or 1=1', 'abc'])).toString('base64url'),
      Buffer.from(JSON.stringify({ value: 1, id: 'abc' })).toString('base64url'),
      Buffer.from('[1e999,"abc"]').toString('base64url'),
    ];
    for (const c of forged) {
      const res = await t.owner.get(`${base}/posts?${PERIOD}&limit=3&cursor=${encodeURIComponent(c)}`);
      expect(res.status, c).toBe(400);
      expect(res.body.error.code).toMatch(/invalid_cursor|validation_failed/);
    }
    const tooLong = await t.owner.get(`${base}/posts?${PERIOD}&cursor=${'a'.repeat(300)}`);
    expect(tooLong.status).toBe(400);
  });

  it('returns a post’s growth curve in the order its counts were read', async () => {
    const db = t.ruche.ctx.store.db;
    const id = ids.afterSpring!;
    const readings = [
      { taken_at: at('2026-03-29T05:00:00Z'), likes: 5, reposts: 1, replies: 0, quotes: 0, views: null },
      { taken_at: at('2026-03-29T01:45:00Z'), likes: 0, reposts: 0, replies: 0, quotes: 0, views: null },
      { taken_at: at('2026-03-31T01:30:00Z'), likes: 7, reposts: 1, replies: 2, quotes: 1, views: null },
      { taken_at: at('2026-03-29T02:00:00Z'), likes: 2, reposts: 0, replies: 1, quotes: null, views: null },
    ];
    await db.insertInto('analytics_post_snapshots').values(readings.map((r) => ({ post_id: id, ...r }))).execute();
    const res = await t.owner.get(`${base}/posts/${id}/snapshots`);
    expect(res.status).toBe(200);
    expect(res.body.post).toMatchObject({ id, engagement: 7, handle: 'a.test' });
    expect(res.body.items).toEqual([
      { takenAt: '2026-03-29T01:45:00.000Z', likes: 0, reposts: 0, replies: 0, quotes: 0, views: null },
      { takenAt: '2026-03-29T02:00:00.000Z', likes: 2, reposts: 0, replies: 1, quotes: null, views: null },
      { takenAt: '2026-03-29T05:00:00.000Z', likes: 5, reposts: 1, replies: 0, quotes: 0, views: null },
      { takenAt: '2026-03-31T01:30:00.000Z', likes: 7, reposts: 1, replies: 2, quotes: 1, views: null },
    ]);
    expect((await t.owner.get(`${base}/posts/no-such-post/snapshots`)).status).toBe(404);
  });
});
