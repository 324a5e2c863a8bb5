import type { Kysely } from 'kysely';
import type { Database } from '../../../src/store/schema.js';
import { startTestRuche, type TestRuche } from '../../helpers/ruche.js';
import { setupOwner, type TestClient } from '../../helpers/client.js';
import { account, at, author, campaign, day, mention, moderation, topic, topicMinute } from '../figures/fixture.js';
import { januaryDays, januaryInbox, januaryPosts, type JanuaryAccounts, type JanuaryPosts } from '../figures/january.js';

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

export interface January extends JanuaryAccounts {
  c1: string;
  brand: string;
  rival: string;
  posts: JanuaryPosts;
}

/** The January of `../figures/january.ts`, with accounts left unconnected, and a year-ago follower count for `a`. */
export async function seedJanuary(db: Kysely<Database>, ws: string): Promise<January> {
  const accounts = { a: await seededAccount(db, ws, 'bluesky', 'a.test'), b: await seededAccount(db, ws, 'mastodon', 'b.social') };
  const c1 = await campaign(db, ws, 'Spring launch');
  const posts = await januaryPosts(db, ws, accounts, c1);
  await day(db, ws, accounts.a, '2024-12-31', { followers: 40 });
  await day(db, ws, accounts.a, '2025-01-31', { followers: 60 });
  await januaryDays(db, ws, accounts);

  const someone = await author(db, ws);
  await januaryInbox(db, ws, someone, accounts);
  await moderation(db, ws, '2026-01-12T10:00:00Z', 'done');

  const brand = await topic(db, ws, 'Ruche', 'brand');
  const rival = await topic(db, ws, 'Rival', 'competitor');
  await topicMinute(db, brand, '2026-01-02T12:00:00Z', 30);
  await topicMinute(db, rival, '2026-01-02T12:00:00Z', 10);
  await mention(db, ws, someone, '2026-01-02T12:00:00Z', 'positive');
  await mention(db, ws, someone, '2026-01-15T12:00:00Z', 'neutral');
  return { ...accounts, c1, brand, rival, posts };
}

export const JANUARY_QUERY = 'from=2025-12-31T23:00:00Z&to=2026-01-31T23:00:00Z';
