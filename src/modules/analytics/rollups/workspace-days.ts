import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.js';
import type { AnalyticsWorkspaceDayTable } from '../../../store/analytics-schema.js';
import { bumpVersions } from './version.js';

export const WORKSPACE_DAY_MEASURES = ['likes', 'reposts', 'replies', 'quotes', 'views', 'published', 'followers', 'read'] as const;
export type WorkspaceDayRow = AnalyticsWorkspaceDayTable;

/** What an account's day row adds to its workspace's day: its gains, its followers and 1 read when they are known. */
export interface AccountDayChange {
  workspace_id: string;
  day: string;
  network: string;
  likes?: number;
  reposts?: number;
  replies?: number;
  quotes?: number;
  views?: number;
  published?: number;
  /** The change in the day's followers (the new count less the old one). */
  followers?: number;
  /** 1 when the day's followers became known, −1 when they were forgotten. */
  read?: number;
}

/**
 * Adds changes of the accounts' days (analytics_account_days) to their workspace's day and network, inside the
 * transaction that writes them: the series of an unscoped or a network's dashboard sums a row per day and network
 * rather than one per account.
 */
export async function addWorkspaceDays(trx: Kysely<Database>, changes: readonly AccountDayChange[]): Promise<void> {
  const rows = new Map<string, WorkspaceDayRow>();
  for (const c of changes) {
    const key = `${c.workspace_id}\u0000${c.day}\u0000${c.network}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { workspace_id: c.workspace_id, day: c.day, network: c.network, likes: 0, reposts: 0, replies: 0, quotes: 0, views: 0, published: 0, followers: 0, read: 0 }));
    for (const m of WORKSPACE_DAY_MEASURES) row[m] += c[m] ?? 0;
  }
  const sorted = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r).filter((r) => WORKSPACE_DAY_MEASURES.some((m) => r[m] !== 0));
  if (sorted.length) await bumpVersions(trx, sorted.map((r) => r.workspace_id));
  for (let i = 0; i < sorted.length; i += 500) {
    await trx.insertInto('analytics_workspace_days').values(sorted.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['workspace_id', 'day', 'network']).doUpdateSet((eb) => Object.fromEntries(WORKSPACE_DAY_MEASURES.map((k) => [k, eb(`analytics_workspace_days.${k}`, '+', eb.ref(`excluded.${k}`))])) as never))
      .execute();
  }
}
