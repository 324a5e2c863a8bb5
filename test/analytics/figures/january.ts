/**
 * January 2026 in Paris (UTC+1): from 2025-12-31T23:00Z to 2026-01-31T23:00Z, with December before it and one post
 * a year before. The posts, the accounts' days and the inbox items that the dashboard's figures are computed from by
 * hand, both where the formulas are tested (`dashboard.test.ts`) and through the API (`../api/setup.ts`); each suite
 * adds its own rows around them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/store/schema.js';
import { at, day, item, post } from './fixture.js';

export const JANUARY = { start: at('2025-12-31T23:00:00Z'), end: at('2026-01-31T23:00:00Z') };

/** The workspace's two accounts: `a` on Bluesky, `b` on Mastodon. */
export interface JanuaryAccounts {
  a: string;
  b: string;
}

export type JanuaryPosts = Record<'p0' | 'p1' | 'p2' | 'p3' | 'p4' | 'p5' | 'lastYear', string>;

/** Five posts in January (two of them in `campaign`), one in December, one in January 2025. */
export async function januaryPosts(db: Kysely<Database>, ws: string, { a, b }: JanuaryAccounts, campaign: string): Promise<JanuaryPosts> {
  return {
    p1: await post(db, ws, { account: a, network: 'bluesky', at: '2026-01-05T10:00:00Z', likes: 10, reposts: 2, replies: 3, quotes: 1, followers: 200, campaign, labels: ['launch'] }),
    p2: await post(db, ws, { account: a, network: 'bluesky', at: '2026-01-10T23:30:00Z', likes: 4, reposts: 0, replies: 1, quotes: null, followers: null, campaign, labels: ['launch', 'promo'] }),
    p3: await post(db, ws, { account: b, network: 'mastodon', at: '2026-01-20T08:00:00Z', likes: 30, reposts: 5, replies: 5, quotes: null, views: 800, followers: 1000 }),
    p4: await post(db, ws, { account: b, network: 'mastodon', at: '2026-01-30T12:00:00Z', likes: 0, reposts: 0, replies: 0, quotes: 0, views: 200, followers: 1000 }),
    // 23:30 UTC on 31 December is already 1 January in Paris.
    p5: await post(db, ws, { account: a, network: 'bluesky', at: '2025-12-31T23:30:00Z', likes: 1, reposts: 0, replies: 0, quotes: 0, followers: 200 }),
    p0: await post(db, ws, { account: a, network: 'bluesky', at: '2025-12-15T12:00:00Z', likes: 5, reposts: 0, replies: 0, quotes: 0, followers: 100 }),
    lastYear: await post(db, ws, { account: a, network: 'bluesky', at: '2025-01-15T12:00:00Z', likes: 7, reposts: 0, replies: 0, quotes: null, followers: 50 }),
  };
}

/** The accounts' followers and engagement by day, from the end of November to the day after January. */
export async function januaryDays(db: Kysely<Database>, ws: string, { a, b }: JanuaryAccounts): Promise<void> {
  await day(db, ws, a, '2025-11-30', { followers: 90 });
  await day(db, ws, a, '2025-12-31', { followers: 100 });
  await day(db, ws, a, '2026-01-10', { followers: 150, likes: 3, reposts: 1 });
  await day(db, ws, a, '2026-01-31', { followers: 180 });
  await day(db, ws, a, '2026-02-01', { followers: 999 });
  await day(db, ws, b, '2026-01-05', { followers: 1000 });
  await day(db, ws, b, '2026-01-20', { followers: 1100, likes: 10, published: 1 });
}

/** Six inbox items in January (three answered, one hidden) and one answered in December, all from `author`. */
export async function januaryInbox(db: Kysely<Database>, ws: string, author: string, { a, b }: JanuaryAccounts): Promise<void> {
  await item(db, ws, author, { account: a, kind: 'reply', at: '2026-01-03T10:00:00Z', replyAfterMin: 30, sentiment: 'negative', complaint: true });
  await item(db, ws, author, { account: a, kind: 'mention', at: '2026-01-04T10:00:00Z', replyAfterMin: 90 });
  await item(db, ws, author, { account: a, kind: 'message', at: '2026-01-05T10:00:00Z' });
  await item(db, ws, author, { account: a, kind: 'quote', at: '2026-01-06T10:00:00Z' });
  await item(db, ws, author, { account: a, kind: 'reply', at: '2026-01-07T10:00:00Z', moderation: 'hidden', sentiment: 'negative' });
  await item(db, ws, author, { account: b, kind: 'reply', at: '2026-01-08T10:00:00Z', replyAfterMin: 10 });
  await item(db, ws, author, { account: a, kind: 'reply', at: '2025-12-20T10:00:00Z', replyAfterMin: 120 });
}
