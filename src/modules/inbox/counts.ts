import type { Filters } from './schema.js';
import { sql, type RawBuilder } from 'kysely';
import { resolveSearch } from './search.js';
import { asksAnswer, assigneeOf, FACETS, filterConditions, type Facet, type FilterScope } from './filters.js';
import { TOXICITY } from './schema.js';
import type { TallyRow } from './counts-tally.js';
import { readCounts, type CountsJob, type CountsRead } from './counts-window.js';
import { countsOnThread } from '../analytics/figure-threads.js';
import { dataStamp } from '../../store/data-stamp.js';

/**
 * How many items a large inbox counts exactly: beyond it the counts are made over the newest WINDOW items
 * matching the search, dates and account, and say so (`capped`), so that they stay as quick as the list.
 */
export const COUNT_WINDOW = 5000;

type Tally = Record<string, number>;

/**
 * The counts beside the list: the total under every filter, and per facet (status, network, kind…) the counts
 * under every other filter, so that each shows what choosing it would give. One read of the rows matching the
 * non-facet filters; each row counts for a facet when it passes all the other facets' filters.
 */
export async function countItems(scope: FilterScope, f: Filters, window = COUNT_WINDOW) {
  const key = `${scope.workspaceId}|${f.assigneeId === 'me' ? scope.userId : ''}|${window}|${JSON.stringify(Object.entries(f).sort())}`;
  const stamp = scope.stamp ?? (await dataStamp(scope.store));
  return remembered(recentCounts, key, scope.workspaceId, () => countNow(scope, f, window), stamp);
}

/**
 * Counts asked again with the same filters are answered from memory while the database has not changed since
 * they were made (its stamp, read before counting: src/store/data-stamp.ts), whoever changed it, and while no
 * live announcement bumped the workspace's version. Many people triaging one inbox ask for the same counts after
 * every change they see. What is being counted is remembered from the start, so that requests arriving meanwhile
 * wait for that count rather than counting again each. A figure that depends on the time as well (the first-reply
 * median over the last 30 days) is kept a few seconds only.
 */
const CACHE_MS = 5000;
const CACHE_SIZE = 1000;
interface Remembered<T> {
  until: number;
  version: number;
  /** The data stamp the value was made under; without one, the value holds until `until`. */
  stamp?: string;
  value: Promise<T>;
}
const recentCounts = new Map<string, Remembered<Awaited<ReturnType<typeof countNow>>>>();
const versions = new Map<string, number>();
const versionOf = (workspaceId: string) => versions.get(workspaceId) ?? 0;

function remembered<T>(memory: Map<string, Remembered<T>>, key: string, workspaceId: string, compute: () => Promise<T>, stamp?: string): Promise<T> {
  // The version is read before counting: a change made while counting leaves this count stale, and it is not kept.
  const version = versionOf(workspaceId);
  const known = memory.get(key);
  if (known && known.version === version && (stamp === undefined ? known.until > Date.now() : known.stamp === stamp)) return known.value;
  const value = compute();
  memory.delete(key);
  if (memory.size >= CACHE_SIZE) memory.delete(memory.keys().next().value!);
  // Each count is kept between half of CACHE_MS and all of it: counts made together (every workspace's, after a
  // restart) would otherwise all be made again together, each blocking SQLite's one thread in turn.
  memory.set(key, { until: Date.now() + CACHE_MS * (0.5 + Math.random() / 2), version, stamp, value });
  // A failed count is not remembered: the next request tries again.
  value.catch(() => memory.get(key)?.value === value && memory.delete(key));
  return value;
}

/** Items of the workspace changed: its remembered counts no longer hold. */
export function countsChanged(workspaceId: string): void {
  versions.set(workspaceId, versionOf(workspaceId) + 1);
}

/** The newest `limit` items matching the filters that are not facets (workspace, dates, search), to select from. */
const windowQuery = (scope: FilterScope, f: Filters, limit: number) =>
  scope.store.db
    .selectFrom('inbox_items as i')
    .where((eb) => eb.and(filterConditions(eb, scope, f, FACETS)))
    .orderBy('i.created_at', 'desc')
    .limit(limit);

/**
 * The window of matching rows (newest first, from the newest-first index, which holds every facet column) is
 * gathered once and tallied per facet, each facet under every other facet's filter: by the database on
 * PostgreSQL, in this process on SQLite (on a reader thread when it can).
 */
async function countNow(unresolved: FilterScope, f: Filters, window: number) {
  const { rows, capped } = unresolved.store.dialect === 'sqlite'
    ? await tallyInProcess(unresolved, f, window)
    : await tallyInDatabase({ ...unresolved, search: await resolveSearch(unresolved.store, f.q) }, f, FACETS.filter((facet) => isSet(facet, f)), window);

  const byStatus = { open: 0, waiting: 0, done: 0 };
  let removed = 0;
  const byToxicity = Object.fromEntries(TOXICITY.map((c) => [c, 0])) as Record<(typeof TOXICITY)[number], number>;
  const tallyOf: Record<string, Tally> = { accountId: {}, network: {}, kind: {}, sentiment: {}, language: {}, label: {}, assigneeId: {} };
  let total = 0;
  let complaint = 0;
  for (const r of rows) {
    const n = Number(r.n);
    if (r.facet === 'total') total = n;
    else if (r.facet === 'window' || r.facet === 'more') continue;
    else if (r.facet === 'status') {
      if (r.value === 'removed') removed = n;
      else if (r.value && r.value in byStatus) byStatus[r.value as keyof typeof byStatus] = n;
    }
    else if (r.facet === 'toxicity') { if (r.value && r.value in byToxicity) byToxicity[r.value as keyof typeof byToxicity] = n; }
    else if (r.facet === 'complaint') { if (r.value === '1') complaint = n; }
    else if (r.facet === 'assigneeId') tallyOf.assigneeId![r.value ?? 'none'] = n;
    else if (r.facet === 'accountId') { if (r.value) tallyOf.accountId![r.value] = n; }
    else if (r.value !== null) tallyOf[r.facet]![r.value] = n;
  }
  return {
    total, capped, window, byStatus, removed, byAccount: tallyOf.accountId!, byNetwork: tallyOf.network!, byKind: tallyOf.kind!, bySentiment: tallyOf.sentiment!,
    byToxicity, complaint, byLanguage: tallyOf.language!, byLabel: tallyOf.label!, byAssignee: tallyOf.assigneeId!,
  };
}

/**
 * PostgreSQL: one query, the window gathered once (a CTE used several times is materialised) and grouped per facet.
 * The window reads the newest-first index alone (an index-only scan: every column it takes is in that index);
 * whether its items were removed by their authors, which the index does not say, comes from their own small
 * index. Whether more items match beyond the window is asked only of a full window.
 */
async function tallyInDatabase(scope: FilterScope, f: Filters, active: readonly Facet[], window: number): Promise<{ rows: TallyRow[]; capped: boolean }> {
  const passing = (except: Facet | null, ...more: RawBuilder<unknown>[]) => {
    const conditions = [...active.filter((facet) => facet !== except).map((facet) => facetCondition(facet, f, scope.userId)), ...more];
    return conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  };
  const grouped = (facet: Facet, column: RawBuilder<unknown>) =>
    sql`select ${facet} as facet, ${column} as value, count(*) as n from w as i ${passing(facet)} group by ${column}`;
  const beyond = windowQuery(scope, f, 1).select(sql`1`.as('one')).offset(window);
  const tallies = [
    sql`select 'total' as facet, '' as value, count(*) as n from w as i ${passing(null)}`,
    sql`select 'more' as facet, '' as value, count(*) as n from ${beyond} as m where (select count(*) from w) >= ${window}`,
    grouped('status', sql`case when not i.gone or i.status = 'done' then i.status else 'removed' end`),
    grouped('accountId', sql`i.account_id`),
    grouped('network', sql`i.network`),
    grouped('kind', sql`i.kind`),
    grouped('sentiment', sql`i.sentiment`),
    grouped('toxicity', sql`i.toxicity_category`),
    grouped('complaint', sql`cast(i.complaint as text)`),
    grouped('language', sql`i.language`),
    grouped('assigneeId', sql`i.assignee_id`),
    // An item counts once under each of its labels, even where its list names one twice. Most items have none:
    // their empty list is not unfolded.
    sql`select 'label' as facet, j.value as value, count(*) as n from w as i cross join lateral (select distinct value from jsonb_array_elements_text(i.labels::jsonb)) as j(value) ${passing('label', sql`i.labels <> '[]'`)} group by j.value`,
  ];
  const w0 = windowQuery(scope, f, window).select(['i.id', 'i.created_at', 'i.account_id', 'i.status', 'i.network', 'i.kind', 'i.sentiment', 'i.toxicity_category', 'i.complaint', 'i.language', 'i.labels', 'i.assignee_id']);
  const removed = sql`select r.id from inbox_items r where r.workspace_id = ${scope.workspaceId} and r.removed_at is not null and r.created_at >= (select min(w0.created_at) from w0)`;
  const { rows } = await sql<TallyRow>`with w0 as ${w0}, w as (select w0.*, w0.id in (${removed}) as gone from w0) ${sql.join(tallies, sql` union all `)}`.execute(scope.store.db);
  return { rows, capped: rows.some((r) => r.facet === 'more' && Number(r.n) > 0) };
}

/**
 * SQLite: the window is read and tallied in this process (counts-window.ts). On a reader thread, with its own
 * connection to the file, when the database is a file: a cold count (10-20 ms of reading and tallying) would
 * otherwise hold the thread that answers HTTP, and every request waits behind it. On the calling thread when
 * threads cannot be had, as dashboards are (figure-threads.ts). The counts are the same either way.
 */
function tallyInProcess(scope: FilterScope, f: Filters, window: number): Promise<CountsRead> {
  const job: CountsJob = { workspaceId: scope.workspaceId, userId: scope.userId, filters: f, window };
  const inline = () => readCounts(scope.store, job);
  // Within a transaction, the count sees what the transaction wrote: another connection would not.
  return scope.store.file && !scope.store.db.isTransaction ? countsOnThread(scope.store.file, job, inline) : inline();
}

/** A facet's filter on a row of the window, in PostgreSQL's SQL. */
function facetCondition(facet: Facet, f: Filters, userId: string): RawBuilder<unknown> {
  switch (facet) {
    case 'accountId': return sql`i.account_id = ${f.accountId}`;
    case 'status': return asksAnswer(f.status!) ? sql`i.status = ${f.status} and not i.gone` : sql`i.status = ${f.status}`;
    case 'network': return sql`i.network = ${f.network}`;
    case 'kind': return sql`i.kind = ${f.kind}`;
    case 'sentiment': return sql`i.sentiment = ${f.sentiment}`;
    case 'toxicity': return f.toxicity === 'any' ? sql`i.toxicity_category is not null` : sql`i.toxicity_category = ${f.toxicity}`;
    case 'complaint': return sql`i.complaint = ${f.complaint === '1' ? 1 : 0}`;
    case 'language': return sql`i.language = ${f.language}`;
    case 'label': return sql`i.labels::jsonb ? ${f.label}`;
    case 'assigneeId': {
      const a = assigneeOf(f, userId);
      return a === null ? sql`i.assignee_id is null` : sql`i.assignee_id = ${a}`;
    }
  }
}

function isSet(facet: Facet, f: Filters): boolean {
  return f[facet] !== undefined && f[facet] !== '';
}

const MONTH_MS = 30 * 86_400_000;

const recentFirstReply = new Map<string, Remembered<Awaited<ReturnType<typeof firstReplyNow>>>>();

/**
 * Time to first reply: the median, over the items of the last 30 days that got one (at most the latest 5,000).
 * It does not depend on the filters, so that every count asked for within a few seconds shares it, as the counts do.
 */
export function firstReplyFigures(scope: FilterScope, now: number) {
  return remembered(recentFirstReply, scope.workspaceId, scope.workspaceId, () => firstReplyNow(scope, now));
}

async function firstReplyNow(scope: FilterScope, now: number) {
  const rows = await scope.store.db
    .selectFrom('inbox_items')
    .select(['first_reply_at', 'received_at'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('first_reply_at', '>=', now - MONTH_MS)
    .orderBy('first_reply_at', 'desc')
    .limit(5000)
    .execute();
  const waits = rows.map((r) => Math.max(0, Number(r.first_reply_at) - Number(r.received_at))).sort((a, b) => a - b);
  if (waits.length === 0) return { medianMs: null, replied: 0 };
  const mid = waits.length >> 1;
  const medianMs = waits.length % 2 ? waits[mid]! : Math.round((waits[mid - 1]! + waits[mid]!) / 2);
  return { medianMs, replied: waits.length };
}
