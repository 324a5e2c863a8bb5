import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Store } from '../../store/database.js';
import type { Database } from '../../store/schema.js';
import type { Filters } from './schema.js';
import { textSearch, type ResolvedSearch } from './search.js';

export type ItemsEb = ExpressionBuilder<Database & { i: Database['inbox_items'] }, 'i'>;

/** The filters that are also facets of the counts: each facet's counts honour every filter but its own. */
export const FACETS = ['accountId', 'status', 'network', 'kind', 'sentiment', 'toxicity', 'complaint', 'language', 'label', 'assigneeId'] as const;
export type Facet = (typeof FACETS)[number];

export interface FilterScope {
  store: Store;
  workspaceId: string;
  /** Who "me" is, for assigneeId=me. */
  userId: string;
  /** The text search, read beforehand by resolveSearch (null: none). */
  search?: ResolvedSearch | null;
  /** The data stamp, when read already (with the request's membership) before any of the data. */
  stamp?: string;
}

/**
 * Open and waiting are the queue of items that ask for an answer: an item its author removed on the network asks
 * nothing more, and is found under All (with its badge), or under Done once the team closed it.
 */
export const asksAnswer = (status: string): boolean => status === 'open' || status === 'waiting';

/** The assignee asked for: a user id, null for "nobody", undefined for any. */
export function assigneeOf(filters: Filters, userId: string): string | null | undefined {
  if (filters.assigneeId === undefined) return undefined;
  if (filters.assigneeId === 'none') return null;
  return filters.assigneeId === 'me' ? userId : filters.assigneeId;
}

/** One condition per filter given, facets left out when asked (for their own counts). */
export function filterConditions(eb: ItemsEb, scope: FilterScope, f: Filters, leaveOut: readonly Facet[] = []): Expression<SqlBool>[] {
  // A PostgreSQL search reaches its workspace's items through the words' index, whose words carry the workspace
  // (migration 0048): the workspace's own index, which the planner would AND in, only adds its every item.
  const out: Expression<SqlBool>[] = [
    f.q && scope.store.dialect === 'postgres' ? sql<SqlBool>`(i.workspace_id || '') = ${scope.workspaceId}` : eb('i.workspace_id', '=', scope.workspaceId),
  ];
  const facet = (name: Facet) => !leaveOut.includes(name);
  if (f.from !== undefined) out.push(eb('i.created_at', '>=', f.from));
  if (f.to !== undefined) out.push(eb('i.created_at', '<', f.to));
  if (f.q) {
    if (scope.search === undefined) throw new Error('a text search is resolved (resolveSearch) before its conditions are built');
    const found = scope.search ? textSearch(scope.store, scope.workspaceId, scope.search) : null;
    // A search of no word at all (punctuation only) finds nothing rather than everything.
    out.push(found ?? sql<SqlBool>`1 = 0`);
  }
  if (f.accountId && facet('accountId')) out.push(eb('i.account_id', '=', f.accountId));
  if (f.network && facet('network')) out.push(eb('i.network', '=', f.network));
  if (f.kind && facet('kind')) out.push(eb('i.kind', '=', f.kind));
  if (f.status && facet('status')) {
    out.push(eb('i.status', '=', f.status));
    if (asksAnswer(f.status)) out.push(eb('i.removed_at', 'is', null));
  }
  if (f.sentiment && facet('sentiment')) out.push(eb('i.sentiment', '=', f.sentiment));
  if (f.toxicity && facet('toxicity')) {
    // "Any" holds a few percent of items, spread over time: SQLite walks the list's order and drops the rest (the
    // unary + keeps it from gathering every toxic item by the toxicity index and sorting them).
    const anyToxic = scope.store.dialect === 'sqlite' ? sql<SqlBool>`+i.toxicity_category is not null` : eb('i.toxicity_category', 'is not', null);
    out.push(f.toxicity === 'any' ? anyToxic : eb('i.toxicity_category', '=', f.toxicity));
  }
  if (f.complaint && facet('complaint')) out.push(eb('i.complaint', '=', f.complaint === '1' ? 1 : 0));
  if (f.language && facet('language')) out.push(eb('i.language', '=', f.language));
  if (f.label && facet('label')) {
    out.push(
      eb('i.id', 'in', eb.selectFrom('inbox_item_labels as l').select('l.item_id').where('l.workspace_id', '=', scope.workspaceId).where('l.label', '=', f.label)),
    );
  }
  const assignee = assigneeOf(f, scope.userId);
  if (assignee !== undefined && facet('assigneeId')) out.push(assignee === null ? eb('i.assignee_id', 'is', null) : eb('i.assignee_id', '=', assignee));
  return out;
}
