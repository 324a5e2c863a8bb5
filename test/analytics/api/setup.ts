import type { Kysely } from 'kysely';
import type { Database } from '../../../src/store/schema.js';
import { startTestRuche, type TestRuche } from '../../helpers/ruche.js';
import { setupOwner, type TestClient } from '../../helpers/client.js';
import { account, at, author, campaign, day, item, mention, moderation, post, topic, topicMinute } from '../figures/fixture.js';

/** A clock the test sets: figures, objectives and their checks read "now" from it. */
export interface SetClock {
  t: number;
  now(): number;
}

export function clockAt(iso: string): SetClock {
  const clock = { t: at(iso), now: () => clock.t };
  return clock;
}

export interface AnalyticsRuche {
  ruche: TestRuche;
  clock: SetClock;
  owner: TestClient;
  ws: string;
  userId: string;
}

/** A Ruche on a set clock, its owner signed in, the first workspace in Paris time. */
export async function analyticsRuche(kind: 'sqlite' | 'postgres', nowIso: string): Promise<AnalyticsRuche> {
  const clock = clockAt(nowIso);
  const ruche = await startTestRuche(kind, { INBOX_POLL_SECONDS: '86400' }, { clock });
  const { client: owner, workspaceId: ws, userId } = await setupOwner(ruche.url);
  const res = await owner.patch(`/api/v1/workspaces/${ws}`, { timezone: 'Europe/Paris' });
  if (res.status !== 200) throw new Error(`timezone: ${res.status} ${JSON.stringify(res.body)}`);
  return { ruche, clock, owner, ws, userId };
}

/**
 * An account as collection leaves it, but not connected: the seeded figures are the whole truth, no collection
 * job tries to read a network for it.
 */
export async function seededAccount(db: Kysely<Database>, ws: string, network: string, handle: string): Promise<string> {
  const id = await account(db, ws, network, handle);
  await db.updateTable('social_accounts').set({ status: 'disconnected' }).where('id', '=', id).execute();
  return id;
}

export interface January {
  a: string;
  b: string;
  c1: string;
  brand: string;
  rival: string;
  posts: Record<'p0' | 'p1' | 'p2' | 'p3' | 'p4' | 'p5' | 'lastYear', string>;
}

/**
 * January 2026 in Paris (UTC+1): from 2025-12-31T23:00Z to 2026-01-31T23:00Z, with December before it and one post
 * a year before. Every figure the API tests expect is computed by hand from these rows.
 */
export async function seedJanuary(db: Kysely<Database>, ws: string): Promise<January> {
  const a = await seededAccount(db, ws, 'bluesky', 'a.test');
  const b = await seededAccount(db, ws, 'mastodon', 'b.social');
  const c1 = await campaign(db, ws, 'Spring launch');
  const posts = {
    p1: await post(db, ws, { account: a, network: 'bluesky', at: '2026-01-05T10:00:00Z', likes: 10, reposts: 2, replies: 3, quotes: 1, followers: 200, campaign: c1, labels: ['launch'] }),
    p2: await post(db, ws, { account: a, network: 'bluesky', at: '2026-01-10T23:30:00Z', likes: 4, reposts: 0, replies: 1, quotes: null, followers: null, campaign: c1, labels: ['launch', 'promo'] }),
    p3: await post(db, ws, { account: b, network: 'mastodon', at: '2026-01-20T08:00:00Z', likes: 30, reposts: 5, replies: 5, quotes: null, views: 800, followers: 1000 }),
    p4: await post(db, ws, { account: b, network: 'mastodon', at: '2026-01-30T12:00:00Z', likes: 0, reposts: 0, replies: 0, quotes: 0, views: 200, followers: 1000 }),
    // 23:30 UTC on 31 December is already 1 January in Paris.
    p5: await post(db, ws, { account: a, network: 'bluesky', at: '2025-12-31T23:30:00Z', likes: 1, reposts: 0, replies: 0, quotes: 0, followers: 200 }),
    p0: await post(db, ws, { account: a, network: 'bluesky', at: '2025-12-15T12:00:00Z', likes: 5, reposts: 0, replies: 0, quotes: 0, followers: 100 }),
    lastYear: await post(db, ws, { account: a, network: 'bluesky', at: '2025-01-15T12:00:00Z', likes: 7, reposts: 0, replies: 0, quotes: null, followers: 50 }),
  };
  await day(db, ws, a, '2024-12-31', { followers: 40 });
  await day(db, ws, a, '2025-01-31', { followers: 60 });
  await day(db, ws, a, '2025-11-30', { followers: 90 });
  await day(db, ws, a, '2025-12-31', { followers: 100 });
  await day(db, ws, a, '2026-01-10', { followers: 150, likes: 3, reposts: 1 });
  await day(db, ws, a, '2026-01-31', { followers: 180 });
  await day(db, ws, a, '2026-02-01', { followers: 999 });
  await day(db, ws, b, '2026-01-05', { followers: 1000 });
  await day(db, ws, b, '2026-01-20', { followers: 1100, likes: 10, published: 1 });

  const someone = await author(db, ws);
  await item(db, ws, someone, { account: a, kind: 'reply', at: '2026-01-03T10:00:00Z', replyAfterMin: 30, sentiment: 'negative', complaint: true });
  await item(db, ws, someone, { account: a, kind: 'mention', at: '2026-01-04T10:00:00Z', replyAfterMin: 90 });
  await item(db, ws, someone, { account: a, kind: 'message', at: '2026-01-05T10:00:00Z' });
  await item(db, ws, someone, { account: a, kind: 'quote', at: '2026-01-06T10:00:00Z' });
  await item(db, ws, someone, { account: a, kind: 'reply', at: '2026-01-07T10:00:00Z', moderation: 'hidden', sentiment: 'negative' });
  await item(db, ws, someone, { account: b, kind: 'reply', at: '2026-01-08T10:00:00Z', replyAfterMin: 10 });
  await item(db, ws, someone, { account: a, kind: 'reply', at: '2025-12-20T10:00:00Z', replyAfterMin: 120 });
  await moderation(db, ws, '2026-01-12T10:00:00Z', 'done');

  const brand = await topic(db, ws, 'Ruche', 'brand');
  const rival = await topic(db, ws, 'Rival', 'competitor');
  await topicMinute(db, brand, '2026-01-02T12:00:00Z', 30);
  await topicMinute(db, rival, '2026-01-02T12:00:00Z', 10);
  await mention(db, ws, someone, '2026-01-02T12:00:00Z', 'positive');
  await mention(db, ws, someone, '2026-01-15T12:00:00Z', 'neutral');
  return { a, b, c1, brand, rival, posts };
}

export const JANUARY_QUERY = 'from=2025-12-31T23:00:00Z&to=2026-01-31T23:00:00Z';
