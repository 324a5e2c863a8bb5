import { sql } from 'kysely';
import type { Store } from '../../store/database.js';
import type { Filters } from './schema.js';
import { FACETS, filterConditions, type FilterScope } from './filters.js';
import { resolveSearch } from './search.js';
import { tallyWindow, type TallyRow, type WindowRow } from './counts-tally.js';

/** A count's reading on SQLite: what it needs to know, sent as is to a reader thread (figure-worker.ts). */
export interface CountsJob {
  workspaceId: string;
  userId: string;
  filters: Filters;
  window: number;
}

export interface CountsRead {
  rows: TallyRow[];
  capped: boolean;
}

const isSet = (facet: (typeof FACETS)[number], f: Filters) => f[facet] !== undefined && f[facet] !== '';

/**
 * SQLite: the search resolved, then the window read once from the newest-first index, which holds every facet
 * column (no row of the table is read), with one item more to tell whether more match beyond it, and tallied here;
 * the few items their authors removed, which the index does not say, come from their own small index. Items are
 * known by their rowid, which the index holds as a number. It only reads: on a reader thread, with that thread's
 * own connection, or on the calling thread.
 */
export async function readCounts(store: Pick<Store, 'db' | 'dialect'>, job: CountsJob): Promise<CountsRead> {
  const { workspaceId, userId, filters: f, window } = job;
  const scope: FilterScope = { store: store as Store, workspaceId, userId, search: await resolveSearch(store as Store, f.q) };
  const active = FACETS.filter((facet) => isSet(facet, f));
  const { db } = store;
  const rows = (await db
    .selectFrom('inbox_items as i')
    .where((eb) => eb.and(filterConditions(eb, scope, f, FACETS)))
    .orderBy('i.created_at', 'desc')
    .limit(window + 1)
    .select([sql<number>`i.rowid`.as('id'), 'i.created_at', 'i.account_id', 'i.status', 'i.network', 'i.kind', 'i.sentiment', 'i.toxicity_category', 'i.complaint', 'i.language', 'i.labels', 'i.assignee_id'])
    .execute()) as unknown as Array<WindowRow & { created_at: number }>;
  const capped = rows.length > window;
  if (capped) rows.length = window;
  const oldest = rows[rows.length - 1]?.created_at;
  const removed = oldest === undefined
    ? []
    : await db
      .selectFrom('inbox_items as i')
      .select(sql<number>`i.rowid`.as('id'))
      .where((eb) => eb.and(filterConditions(eb, scope, f, FACETS)))
      .where('i.removed_at', 'is not', null)
      .where('i.created_at', '>=', oldest)
      .execute();
  return { rows: tallyWindow(rows, f, active, userId, new Set(removed.map((r) => r.id))), capped };
}
