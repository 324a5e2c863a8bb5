import type { Kysely } from 'kysely';
import type { Database } from '../../../src/store/schema.js';
import { startTestRuche, type TestRuche } from '../../helpers/ruche.js';
import { setupOwner, type TestClient } from '../../helpers/client.js';
import { account, at, day, post } from '../../analytics/figures/fixture.js';

/** A clock the test moves: share links expire and schedules fall due by it. */
export interface SetClock {
  t: number;
  now(): number;
}

export interface ReportsRuche {
  ruche: TestRuche;
  clock: SetClock;
  owner: TestClient;
  ws: string;
  userId: string;
}

/** A Ruche on a set clock, its owner signed in, the first workspace in Paris time and in French. */
export async function reportsRuche(kind: 'sqlite' | 'postgres', nowIso: string, env: Record<string, string> = {}): Promise<ReportsRuche> {
  const clock: SetClock = { t: at(nowIso), now: () => clock.t };
  const ruche = await startTestRuche(kind, { INBOX_POLL_SECONDS: '86400', ...env }, { clock });
  const { client: owner, workspaceId: ws, userId } = await setupOwner(ruche.url);
  const res = await owner.patch(`/api/v1/workspaces/${ws}`, { timezone: 'Europe/Paris' });
  if (res.status !== 200) throw new Error(`timezone: ${res.status} ${JSON.stringify(res.body)}`);
  return { ruche, clock, owner, ws, userId };
}

/** A month of a brand's posts (March 2026, Paris), as collection would have left them; the account is not connected. */
export async function seedMarch(db: Kysely<Database>, ws: string): Promise<void> {
  const a = await account(db, ws, 'bluesky', 'brand.test');
  await db.updateTable('social_accounts').set({ status: 'disconnected' }).where('id', '=', a).execute();
  await post(db, ws, { account: a, network: 'bluesky', at: '2026-03-05T10:00:00Z', likes: 40, reposts: 6, replies: 4, quotes: 1, followers: 500,
    text: 'Notre collection printemps arrive : élégance et légèreté' });
  await post(db, ws, { account: a, network: 'bluesky', at: '2026-03-12T17:00:00Z', likes: 12, reposts: 2, replies: 1, quotes: 0, followers: 510,
    text: '=HYPERLINK("http://evil.example") Friday quiz' });
  await post(db, ws, { account: a, network: 'bluesky', at: '2026-03-20T08:00:00Z', likes: 5, reposts: 0, replies: 2, quotes: 0, followers: 520,
    text: 'Behind the scenes at the workshop' });
  await day(db, ws, a, '2026-02-28', { followers: 480 });
  await day(db, ws, a, '2026-03-15', { followers: 505, likes: 52, reposts: 8, replies: 5, quotes: 1, published: 2 });
  await day(db, ws, a, '2026-03-31', { followers: 530, likes: 5, replies: 2, published: 1 });
}

/** Waits for a report to leave the queue; returns it as the API last showed it. */
export async function settled(client: TestClient, ws: string, id: string, tries = 300) {
  const seen = new Set<string>();
  for (let i = 0; i < tries; i++) {
    const res = await client.get(`/api/v1/workspaces/${ws}/reports/${id}`);
    if (res.status !== 200) throw new Error(`report: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.progress?.step) seen.add(res.body.progress.step);
    if (res.body.status === 'ready' || res.body.status === 'failed') return { report: res.body, steps: seen };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the report was never made');
}

export const MARCH = { period: 'month', from: '2026-03-01', to: '2026-03-31' } as const;
