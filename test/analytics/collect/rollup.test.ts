/** The rollup on hand-computed cases, on SQLite and (with TEST_DATABASE_URL) PostgreSQL. */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/database.js';
import { applyAccountSnapshot, applySnapshots, dayDeltas, localDay, type AnalyticsPostRow } from '../../../src/modules/analytics/collect/rollup.js';
import type { PostMetrics } from '../../../src/connectors/types.js';
import { testStores } from '../../helpers/store.js';

const t = (iso: string) => Date.parse(iso);
const H = 3600_000;
const PARIS = 'Europe/Paris';
const m = (likes: number, reposts: number, replies: number, quotes: number | null = 0, views: number | null = null): PostMetrics => ({ likes, reposts, replies, quotes, views });

describe('the day a reading counts on', () => {
  it('is the workspace’s local day, across midnight', () => {
    // 23:30 UTC on 10 January is 00:30 on the 11th in Paris (UTC+1 in winter).
    expect(localDay(t('2026-01-10T23:30:00Z'), PARIS)).toBe('2026-01-11');
    expect(localDay(t('2026-01-10T23:30:00Z'), 'UTC')).toBe('2026-01-10');
    expect(localDay(t('2026-01-10T23:30:00Z'), 'America/New_York')).toBe('2026-01-10');
    expect(localDay(t('2026-01-10T23:30:00Z'), 'Not/AZone')).toBe('2026-01-10');
  });

  it('a first read counts the whole total on the publish day; later reads count what changed, on the reading’s day', () => {
    const post = { id: 'p', account_id: 'a', workspace_id: 'w', published_at: t('2026-01-10T23:30:00Z'), collect_count: 0,
      likes: 0, reposts: 0, replies: 0, quotes: null, views: null } as AnalyticsPostRow;
    // Read two days later, still counted on the day it went out.
    expect(dayDeltas([{ post, metrics: m(3, 1, 2, null, 40), takenAt: t('2026-01-12T12:00:00Z') }], PARIS)).toEqual([
      { account_id: 'a', workspace_id: 'w', day: '2026-01-11', likes: 3, reposts: 1, replies: 2, quotes: 0, views: 40, published: 1 },
    ]);
    const read = { ...post, collect_count: 1, likes: 3, reposts: 1, replies: 2, quotes: null, views: 40 };
    expect(dayDeltas([{ post: read, metrics: m(2, 1, 5, 1, 55), takenAt: t('2026-01-12T23:10:00Z') }], PARIS)).toEqual([
      { account_id: 'a', workspace_id: 'w', day: '2026-01-13', likes: -1, reposts: 0, replies: 3, quotes: 1, views: 15, published: 0 },
    ]);
  });
});

describe.each(testStores())('the rollup on $name', (kind) => {
  let store: Store;
  let ws: string;
  let acc: string;

  beforeAll(async () => {
    store = await kind.open();
    ws = crypto.randomUUID();
    acc = crypto.randomUUID();
    await store.db.insertInto('workspaces').values({ id: ws, name: 'Brand', timezone: PARIS, locale: 'fr', logo_key: null, logo_updated_at: null, created_by: 'seed', created_at: 0 }).execute();
    await store.db.insertInto('social_accounts').values({ id: acc, workspace_id: ws, network: 'bluesky', external_id: 'did:plc:brand', handle: 'brand.test',
      display_name: 'Brand', service_url: 'http://127.0.0.1', credentials: 'sealed', status: 'connected', status_message: null, timezone: PARIS,
      created_by: 'seed', created_at: 0, updated_at: 0, last_ok_at: null }).execute();
  });
  afterAll(() => store?.destroy());

  const newPost = async (publishedAt: number) => {
    const id = crypto.randomUUID();
    await store.db.insertInto('analytics_posts').values({ id, workspace_id: ws, account_id: acc, network: 'bluesky', external_id: `at://brand/${id}`,
      url: null, text: 'Bonjour', image_url: null, post_id: null, campaign_id: null, published_at: publishedAt, quotes: null, views: null,
      followers_at_publish: null, collected_at: null, next_collect_at: publishedAt }).execute();
    return id;
  };
  const row = (id: string) => store.db.selectFrom('analytics_posts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const days = async () => Object.fromEntries((await store.db.selectFrom('analytics_account_days').selectAll().where('account_id', '=', acc).orderBy('day').execute())
    .map((d) => [d.day, { likes: d.likes, reposts: d.reposts, replies: d.replies, quotes: d.quotes, views: d.views, published: d.published, followers: d.followers }]));
  const snapshots = async (id: string) => (await store.db.selectFrom('analytics_post_snapshots').select(['taken_at', 'likes']).where('post_id', '=', id).orderBy('taken_at').execute()).length;
  const read = async (id: string, metrics: PostMetrics, takenAt: number, followersAtPublish?: number) =>
    applySnapshots(store.db, [{ post: await row(id), metrics, takenAt, followersAtPublish }], PARIS);

  it('keeps a post’s latest counts, its snapshots and its days as the readings come, across midnight in Paris', async () => {
    const published = t('2026-01-10T23:30:00Z'); // 00:30 on the 11th in Paris
    const id = await newPost(published);
    await read(id, m(3, 1, 2), t('2026-01-10T23:45:00Z'), 120);
    await read(id, m(5, 1, 3), t('2026-01-11T22:50:00Z'), 999); // 23:50 on the 11th
    const third = t('2026-01-11T23:10:00Z'); // 00:10 on the 12th
    await read(id, m(4, 2, 3, 1), third);
    expect(await row(id)).toMatchObject({ likes: 4, reposts: 2, replies: 3, quotes: 1, engagement: 10, followers_at_publish: 120,
      collect_count: 3, collected_at: third, next_collect_at: third + H, gone: 0 });
    expect(await days()).toEqual({
      '2026-01-11': { likes: 5, reposts: 1, replies: 3, quotes: 0, views: 0, published: 1, followers: null },
      '2026-01-12': { likes: -1, reposts: 1, replies: 0, quotes: 1, views: 0, published: 0, followers: null },
    });
    expect(await snapshots(id)).toBe(3);
    // Unchanged an hour later (24 h old: one snapshot every 6 h when nothing moves): no new row, nothing added.
    await read(id, m(4, 2, 3, 1), third + H);
    expect(await snapshots(id)).toBe(3);
    await read(id, m(4, 2, 3, 1), third + 7 * H);
    expect(await snapshots(id)).toBe(4);
    expect((await days())['2026-01-12']).toMatchObject({ likes: -1, reposts: 1, quotes: 1 });
    expect(await row(id)).toMatchObject({ collect_count: 5, next_collect_at: third + 8 * H });
  });

  it('adds many posts’ readings in one call, each post once on its own publish day', async () => {
    const a = await newPost(t('2026-01-11T08:00:00Z'));
    const b = await newPost(t('2026-01-13T08:00:00Z'));
    const now = t('2026-01-13T09:00:00Z');
    await applySnapshots(store.db, [
      { post: await row(a), metrics: m(10, 0, 0), takenAt: now },
      { post: await row(b), metrics: m(1, 1, 1, null, 7), takenAt: now },
    ], PARIS);
    const d = await days();
    expect(d['2026-01-11']).toMatchObject({ likes: 15, published: 2 });
    expect(d['2026-01-13']).toMatchObject({ likes: 1, reposts: 1, replies: 1, quotes: 0, views: 7, published: 1 });
    expect(await row(b)).toMatchObject({ engagement: 3, quotes: null, views: 7 });
  });

  it('sets each day’s followers from the last account reading of that day, even when an older one arrives late', async () => {
    const snap = (iso: string, followers: number) =>
      applyAccountSnapshot(store.db, { accountId: acc, workspaceId: ws, takenAt: t(iso), followers, following: 12, posts: 30 }, PARIS);
    await snap('2026-01-11T22:00:00Z', 100); // 23:00 on the 11th
    await snap('2026-01-11T23:30:00Z', 103); // 00:30 on the 12th
    await snap('2026-01-11T21:00:00Z', 90); // earlier on the 11th, read late
    const d = await days();
    expect(d['2026-01-11'].followers).toBe(100);
    expect(d['2026-01-12'].followers).toBe(103);
    // The engagement already added to those days is untouched.
    expect(d['2026-01-12']).toMatchObject({ likes: -1, reposts: 1 });
    const rows = await store.db.selectFrom('analytics_account_snapshots').select('followers').where('account_id', '=', acc).orderBy('taken_at').execute();
    expect(rows.map((r) => r.followers)).toEqual([90, 100, 103]);
  });
});
