import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { ListOptions } from './schema.js';
import { filterConditions, type FilterScope, type ItemsEb } from './filters.js';
import { ftsQuery, resolveSearch, SEARCH_KEY_SHIFT, tsQuery, type ResolvedSearch } from './search.js';
import { itemJson, REPLY_COUNT } from './item-json.js';
import { AUTHOR_COLUMNS, LIST_COLUMNS, presentItem, type JoinedRow } from './presenters.js';
import { JsonText } from '../../http/json-text.js';
import { badRequest } from '../../http/errors.js';
import { compiledShapes } from '../../store/compiled-once.js';
import { mostRecentMatches } from './word-frequency.js';

type Key = [number, string] | [number, number, string];

const encode = (key: Key) => Buffer.from(JSON.stringify(key)).toString('base64url');

function decode(cursor: string, sort: ListOptions['sort']): Key {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.every((k, i) => (i === key.length - 1 ? typeof k === 'string' : typeof k === 'number' && Number.isFinite(k)))) {
      if ((sort === 'newest' && key.length === 2) || (sort === 'risk' && key.length === 3)) return key as Key;
    }
  } catch {
    // Falls through to the error below.
  }
  throw badRequest('bad_cursor', 'This page cursor is not one the list gave.');
}

/**
 * A row of a page: on SQLite its item as JSON (item-json.ts), on PostgreSQL its item's and author's columns with
 * its reply count; what the next page's cursor is made of.
 */
type PageRow = { id: string; created_at: number | string; risk: number } & ({ item_json: string } | (JoinedRow & { reply_count: number | string }));

/** The columns a page's rows are chosen and ordered by: its order's keys, `k0` first, all descending. */
type Chosen = { id: string; k0: unknown; k1?: unknown; k2?: unknown };

/**
 * The page's rows, chosen by `chosen` (a query giving their ids and order keys, limited to the page), each with
 * its item's JSON written by SQLite, or its columns from PostgreSQL. Only the page's rows are read whole, whatever
 * plan chooses them (a sort over many rows would otherwise write each row it sorts).
 */
function pageRows(store: FilterScope['store'], chosen: SelectQueryBuilder<any, any, Chosen>, keys: 1 | 2 | 3) {
  const q = store.db
    .selectFrom(chosen.as('p'))
    .innerJoin('inbox_items as i', 'i.id', 'p.id')
    .innerJoin('inbox_authors as a', 'a.id', 'i.author_id');
  let page = (store.dialect === 'sqlite'
    ? q.select([itemJson().as('item_json'), 'i.id', 'i.created_at', 'i.risk'])
    : q.select([...LIST_COLUMNS, ...AUTHOR_COLUMNS, sql.raw<number>(REPLY_COUNT).as('reply_count')])) as unknown as SelectQueryBuilder<any, any, PageRow>;
  page = page.orderBy('p.k0', 'desc');
  if (keys > 1) page = page.orderBy('p.k1', 'desc');
  if (keys > 2) page = page.orderBy('p.k2', 'desc');
  return page;
}

/**
 * One page of the inbox, newest or riskiest first. Pages follow a key (created_at, id) or (risk, created_at, id)
 * rather than an offset: items arriving meanwhile neither repeat nor skip anything, and a deep page costs what
 * the first one does (the keys are indexes). The page comes as the API's JSON (ItemPage), its items written by the
 * database (item-json.ts).
 */
export async function listItems(unresolved: FilterScope, opts: ListOptions) {
  const scope = { ...unresolved, search: await resolveSearch(unresolved.store, opts.q) };
  const { db } = scope.store;
  const newest = opts.sort === 'newest';
  const searching = newest && !!scope.search?.words.length;
  if (searching && scope.store.dialect === 'sqlite') return searchNewest(scope, scope.search!, opts);
  // A label's items, newest first, are walked in the label table's own index (it holds each item's date), the
  // other filters checked on the way; any other list walks the items' index for its order.
  const byLabel = newest && !!opts.label;
  if (searching && !byLabel && (await mayFillFromRecent(scope, scope.search!, opts))) {
    const recent = await recentMatches(scope, scope.search!, opts);
    if (recent) return pageOf(recent, opts);
  }
  if (opts.q) return pageOf((await buildList(scope, opts, byLabel, opts.cursor ? decode(opts.cursor, opts.sort) : null, opts.limit + 1).execute()) as PageRow[], opts);
  return pageOf((await db.executeQuery(compiledList(scope, opts, byLabel))).rows as PageRow[], opts);
}

/** The list's query for these filters, from the key of the cursor's item when given. */
function buildList(scope: FilterScope, opts: ListOptions, byLabel: boolean, key: Key | null, limit: number) {
  let q = scope.store.db.selectFrom('inbox_items as i').where((eb) => eb.and(filterConditions(eb, scope, opts, byLabel ? ['label'] : [])));
  if (byLabel) {
    q = q.innerJoin('inbox_item_labels as l', 'l.item_id', 'i.id').where('l.workspace_id', '=', scope.workspaceId).where('l.label', '=', opts.label!);
  }
  const newest = opts.sort === 'newest';
  const [time, id] = byLabel ? (['l.item_created_at', 'l.item_id'] as const) : (['i.created_at', 'i.id'] as const);
  if (key) {
    q = newest
      ? q.where(sql<boolean>`(${sql.ref(time)}, ${sql.ref(id)}) < (${key[0]}, ${key[1]})`)
      : q.where(sql<boolean>`(i.risk, i.created_at, i.id) < (${key[0]}, ${key[1]}, ${key[2]})`);
  }
  q = newest
    ? q.orderBy(sql.ref(time), 'desc').orderBy(sql.ref(id), 'desc')
    : q.orderBy('i.risk', 'desc').orderBy('i.created_at', 'desc').orderBy('i.id', 'desc');
  const chosen = newest
    ? q.select(['i.id', sql.ref(time).as('k0'), sql.ref(id).as('k1')])
    : q.select(['i.id', 'i.risk as k0', 'i.created_at as k1', 'i.id as k2']);
  return pageRows(scope.store, chosen.limit(limit) as never, newest ? 2 : 3);
}

const listShapes = compiledShapes<Database>();
/** The filters whose values are the query's parameters as they are; the others' values change its SQL. */
const PLAIN_FILTERS = ['from', 'to', 'accountId', 'network', 'kind', 'sentiment', 'language', 'label'] as const;

/**
 * The list's query without a text search, built and compiled once per shape (which filters, which order, from a
 * cursor or not) and run with each request's values: building and compiling it cost a tenth of a page.
 */
function compiledList(scope: FilterScope, opts: ListOptions, byLabel: boolean) {
  const key = opts.cursor ? decode(opts.cursor, opts.sort) : null;
  const values: Record<string, unknown> = { workspaceId: scope.workspaceId, limit: opts.limit + 1 };
  // An empty network or language filters nothing, as in filterConditions.
  for (const name of PLAIN_FILTERS) if (opts[name] !== undefined && opts[name] !== '') values[name] = opts[name];
  if (opts.toxicity && opts.toxicity !== 'any') values.toxicity = opts.toxicity;
  const assignee = opts.assigneeId === 'me' || opts.assigneeId === 'none' ? opts.assigneeId : opts.assigneeId === undefined ? null : 'member';
  if (assignee === 'me') values.userId = scope.userId;
  if (assignee === 'member') values.assigneeId = opts.assigneeId;
  key?.forEach((k, i) => (values[`key${i}`] = k));
  const shape = JSON.stringify([opts.sort, byLabel, opts.status ?? null, opts.complaint ?? null, opts.toxicity === 'any', assignee, Object.keys(values)]);
  return listShapes(scope.store.db, shape, values, (v) => {
    const filters: Partial<ListOptions> = {};
    for (const name of PLAIN_FILTERS) if (name in v) Object.assign(filters, { [name]: v[name] });
    if ('toxicity' in v) filters.toxicity = v.toxicity as ListOptions['toxicity'];
    if ('assigneeId' in v) filters.assigneeId = v.assigneeId as string;
    const at = { ...scope, workspaceId: v.workspaceId as string, userId: (v.userId as string | undefined) ?? scope.userId };
    return buildList(at, { ...opts, ...filters }, byLabel, key && (key.map((_, i) => v[`key${i}`]) as Key), v.limit as number);
  });
}

/**
 * SQLite, a search newest first: FTS5 hands back its matches in the order of its time key (created_at to the
 * second, then the order items were stored), each joined to its item and checked against the other filters,
 * until the page is full. A common word costs what a rare one does. The cursor's item gives the key to go on from.
 */
async function searchNewest(scope: FilterScope, search: ResolvedSearch, opts: ListOptions) {
  const shift = sql.lit(SEARCH_KEY_SHIFT);
  let q = scope.store.db
    .selectFrom(sql`inbox_items_fts`.as('f'))
    .innerJoin('inbox_items as i', (join) => join.on(sql<boolean>`i.rowid = f.rowid % ${shift}`))
    .select(['i.id', sql`f.rowid`.as('k0')])
    .where(sql<boolean>`f.inbox_items_fts match ${ftsQuery(scope.workspaceId, search)}`)
    .where((eb) => eb.and(filterConditions(eb as unknown as ItemsEb, scope, { ...opts, q: undefined })));
  if (opts.cursor) {
    const [createdAt, id] = decode(opts.cursor, opts.sort) as [number, string];
    // An item deleted since gives no key: the page goes on from the start of its second.
    const key = sql`coalesce((select (c.created_at / 1000) * ${shift} + (c.rowid % ${shift}) from inbox_items c where c.id = ${id} and c.workspace_id = ${scope.workspaceId}), ${Math.floor(createdAt / 1000)} * ${shift})`;
    q = q.where(sql<boolean>`f.rowid < ${key}`);
  }
  const rows = await pageRows(scope.store, q.orderBy(sql`f.rowid`, 'desc').limit(opts.limit + 1) as never, 1).execute();
  return pageOf(rows as PageRow[], opts);
}

/**
 * How many of the newest items a PostgreSQL search looks through before asking its text index. A single word is
 * often common, and then its page is among the newest; several words together are rarely so common, and their
 * index lists, each the workspace's own (migration 0048), are intersected cheaply.
 */
const recentLimit = (words: number) => (words > 1 ? 500 : 2000);

/**
 * Whether the newest items can hold a page of the search: not when PostgreSQL's statistics say its rarest word is
 * held by too few items for that (a rare word is then found by its index at once, rather than after a look through
 * the newest items that could only come back short).
 */
async function mayFillFromRecent(scope: FilterScope, search: ResolvedSearch, opts: ListOptions): Promise<boolean> {
  const most = await mostRecentMatches(scope.store.db, scope.workspaceId, search, recentLimit(search.words.length));
  return most === null || most > opts.limit;
}

/**
 * PostgreSQL, a search newest first: its GIN index finds matches in no order, so a common word would be gathered
 * whole and sorted. The newest items passing the other filters are walked first (the stored vector checked on each,
 * at most recentLimit of them): when they hold a full page, that is the page, since every other match is older. Otherwise
 * (a rare word) null, and the index answers, its few matches sorted.
 */
async function recentMatches(scope: FilterScope, search: ResolvedSearch, opts: ListOptions): Promise<PageRow[] | null> {
  const { db } = scope.store;
  let recent = db
    .selectFrom('inbox_items as i')
    .select(['i.id', 'i.created_at', sql`i.search_vector`.as('search_vector')])
    .where((eb) => eb.and(filterConditions(eb, scope, { ...opts, q: undefined })));
  if (opts.cursor) {
    const [createdAt, id] = decode(opts.cursor, opts.sort);
    recent = recent.where(sql<boolean>`(i.created_at, i.id) < (${createdAt}, ${id})`);
  }
  const chosen = db
    .selectFrom(recent.orderBy('i.created_at', 'desc').orderBy('i.id', 'desc').limit(recentLimit(search.words.length)).as('r'))
    .select(['r.id', 'r.created_at as k0', 'r.id as k1'])
    .where(sql<boolean>`r.search_vector @@ ${tsQuery(scope.workspaceId, search)}::tsquery`)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(opts.limit + 1);
  const rows = (await pageRows(scope.store, chosen as never, 2).execute()) as PageRow[];
  return rows.length > opts.limit ? rows : null;
}

/** The page as the API gives it (ItemPage): its items' JSON, written by SQLite or here, put together. */
function pageOf(rows: PageRow[], opts: ListOptions): JsonText {
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > opts.limit && last
      ? encode(opts.sort === 'newest' ? [Number(last.created_at), last.id] : [Number(last.risk), Number(last.created_at), last.id])
      : null;
  const items = page.map((r) => ('item_json' in r ? r.item_json : JSON.stringify(presentItem(r, Number(r.reply_count)))));
  return new JsonText(`{"items":[${items.join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`);
}

const replyShapes = compiledShapes<Database>();

/** How many replies the team sent to each item. */
export async function replyCounts(scope: FilterScope, itemIds: string[]): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const { db } = scope.store;
  const build = (ids: string[]) =>
    db
      .selectFrom('inbox_replies')
      .select(['item_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('item_id', 'in', ids)
      .where('kind', '=', 'reply')
      .where('status', '=', 'sent')
      .groupBy('item_id');
  // Compiled once per number of items up to a page's (100), built afresh past that (a long thread).
  const query = itemIds.length > 100
    ? build(itemIds).compile()
    : replyShapes(db, String(itemIds.length), Object.fromEntries(itemIds.map((id, i) => [`id${i}`, id])), (v) => build(Object.values(v) as string[]));
  const { rows } = await db.executeQuery(query);
  return new Map(rows.map((r) => [r.item_id, Number(r.n)]));
}
