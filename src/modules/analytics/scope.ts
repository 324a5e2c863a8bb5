import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { IANAZone } from 'luxon';
import type { Database } from '../../store/schema.js';
import type { Dialect } from '../../store/database.js';
import type { Scope } from './types.js';

/** What every figure query needs: the database, its dialect, the workspace's zone and the clock's now. */
export interface Reader {
  db: Kysely<Database>;
  dialect: Dialect;
  zone: IANAZone;
  now: number;
  /** The workspace's analytics version when the zone was read, for dashboards kept in memory. */
  version?: number;
  /** SQLite's file, when `db` is the store's own connection (no transaction): figures may then be read on other threads. */
  file?: string;
}

/** The engagement formula in SQL, over the latest counts of a post aliased p. */
export const ENGAGEMENT_SQL = sql<number>`(p.likes + p.reposts + p.replies + coalesce(p.quotes, 0))`;

/** Posts with a label: labels are a JSON array of strings. */
export function hasLabel(dialect: Dialect, label: string): RawBuilder<unknown> {
  return dialect === 'postgres'
    ? sql`(p.labels::jsonb ? ${label})`
    : sql`exists (select 1 from json_each(p.labels) as l where l.value = ${label})`;
}

/**
 * The posts of a scope published in [from, to), as a WHERE clause over analytics_posts aliased p. `byEngagement`:
 * the query walks the workspace's posts in order of engagement (top and flop posts), and SQLite is told not to
 * read the period's range instead (a unary plus hides the column from its index choice); an account or a campaign
 * has an index of its own, narrower than either.
 */
export function postsIn(r: Pick<Reader, 'dialect'>, scope: Scope, from: number, to: number, byEngagement = false): RawBuilder<unknown> {
  const at = publishedAt(r, scope, byEngagement);
  const parts: RawBuilder<unknown>[] = [
    sql`p.workspace_id = ${scope.workspaceId}`,
    sql`${at} >= ${from}`,
    sql`${at} < ${to}`,
  ];
  if (scope.accountId) parts.push(sql`p.account_id = ${scope.accountId}`);
  if (scope.network) parts.push(sql`p.network = ${scope.network}`);
  if (scope.campaignId) parts.push(sql`p.campaign_id = ${scope.campaignId}`);
  if (scope.label) parts.push(hasLabel(r.dialect, scope.label));
  return sql.join(parts, sql` and `);
}

/** p.published_at, hidden from SQLite's index choice when a query walks the posts by engagement (see postsIn). */
export function publishedAt(r: Pick<Reader, 'dialect'>, scope: Scope, byEngagement: boolean): RawBuilder<unknown> {
  return byEngagement && r.dialect === 'sqlite' && !scope.accountId && !scope.campaignId ? sql`+p.published_at` : sql`p.published_at`;
}

/** Whether the scope narrows posts beyond their account: followers and daily rollups are per account only. */
export const narrowsPosts = (scope: Scope): boolean => Boolean(scope.campaignId || scope.label);

export interface ScopeAccount {
  id: string;
  network: string;
  handle: string;
}

/** The workspace's accounts the scope covers, disconnected ones included: their history still counts. */
export async function accountsOf(db: Kysely<Database>, scope: Scope): Promise<ScopeAccount[]> {
  return db.selectFrom('social_accounts').select(['id', 'network', 'handle'])
    .where('workspace_id', '=', scope.workspaceId)
    .$if(Boolean(scope.accountId), (q) => q.where('id', '=', scope.accountId!))
    .$if(Boolean(scope.network), (q) => q.where('network', '=', scope.network!))
    .orderBy('handle').execute();
}
