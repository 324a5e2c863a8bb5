import crypto from 'node:crypto';
import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { Analysis } from '../../analysis/index.js';
import type { InboundCounterEvent } from '../../connectors/types.js';
import type { Database } from '../../store/schema.js';
import type { AuthorRow, ItemRow, ModeratedRow } from '../moderation/items.js';
import { bulkInsert } from './bulk-insert.js';
import { timeOrderedUuid } from './ids.js';
import { threadKeyOf, type NormalizedItem } from './normalize.js';
import { riskOf, round, toxicityCategoryOf } from './risk.js';
import { rememberTerms } from '../inbox/search.js';
import { countInboxItems } from '../analytics/rollups/inbox-days.js';

/** An item normalised and analysed, ready to be written. */
export interface AnalysedItem {
  item: NormalizedItem;
  analysis: Analysis;
}

export interface Batch {
  workspaceId: string;
  /** The connected account the items were addressed to (the route of the inbox). */
  accountId: string;
  network: string;
  items: AnalysedItem[];
  counters: InboundCounterEvent[];
  now: number;
  /**
   * Says, for an item about to be stored, that its rules have nothing to do: it is stored without the "rules
   * pending" mark. Absent, every item is marked and the rules step takes the mark off.
   */
  rulesIdle?: (row: ModeratedRow, analysis: Analysis) => boolean;
  /** Our posts the items answer or quote (ourPosts), when looked up beforehand; else looked up while storing. */
  posts?: Map<string, string>;
}

// Well under both databases' limits on bound parameters per statement (items have 33 columns).
const CHUNK = 300;

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Each item of the batch once: a page may repeat an item (and the store may have it already: see alreadyStored). */
function distinct(batch: Batch): AnalysedItem[] {
  const byId = new Map<string, AnalysedItem>();
  for (const a of batch.items) if (!byId.has(a.item.externalId)) byId.set(a.item.externalId, a);
  return [...byId.values()];
}

/**
 * The network ids among `externalIds` that the store already holds for the workspace and network (a poll reads
 * its last page again to catch items indexed late). PostgreSQL looks each id up in the unique index, whatever
 * its statistics say: a table not analysed yet (a new install) would otherwise walk the workspace's whole range.
 */
export async function alreadyStored(db: Kysely<Database>, workspaceId: string, network: string, externalIds: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const ids of chunks([...new Set(externalIds)], 1000)) {
    const rows = postgres
      ? (await sql<{ external_id: string }>`select x.external_id from unnest(cast(${ids} as text[])) as x(external_id)
          cross join lateral (select 1 from inbox_items i where i.workspace_id = ${workspaceId} and i.network = ${network} and i.external_id = x.external_id limit 1) found`.execute(db)).rows
      : await db.selectFrom('inbox_items').select('external_id')
        .where('workspace_id', '=', workspaceId).where('network', '=', network).where('external_id', 'in', ids).execute();
    for (const r of rows) known.add(r.external_id);
  }
  return known;
}

/**
 * Upserts each author once, with what the network says of them now, their item count raised by their items in
 * the batch (storeItems takes back any that another writer stored first); returns their rows by the network's id.
 */
async function upsertAuthors(trx: Transaction<Database>, batch: Batch, items: AnalysedItem[]): Promise<Map<string, AuthorRow>> {
  const authors = new Map<string, { a: NormalizedItem['author']; first: number; last: number; n: number }>();
  for (const { item } of items) {
    const seen = authors.get(item.author.externalId);
    if (!seen) authors.set(item.author.externalId, { a: item.author, first: item.createdAt, last: item.createdAt, n: 1 });
    else {
      seen.n++;
      seen.first = Math.min(seen.first, item.createdAt);
      if (item.createdAt >= seen.last) seen.a = { ...item.author, followers: item.author.followers ?? seen.a.followers };
      seen.last = Math.max(seen.last, item.createdAt);
    }
  }
  const rowsById = new Map<string, AuthorRow>();
  for (const part of chunks([...authors.values()], 500)) {
    const rows = part.map(({ a, first, last, n }) => ({
      id: crypto.randomUUID(), workspace_id: batch.workspaceId, network: batch.network, external_id: a.externalId,
      handle: a.handle, display_name: a.displayName, avatar_url: a.avatarUrl, followers: a.followers,
      account_created_at: a.createdAt, first_seen_at: first, last_seen_at: last, item_count: n,
    }));
    const columns = Object.keys(rows[0]) as Array<keyof (typeof rows)[number]>;
    const upserted = await bulkInsert<AuthorRow>(trx, 'inbox_authors', columns, rows.map((r) => columns.map((c) => r[c])), AUTHOR_UPSERT);
    for (const r of upserted) rowsById.set(r.external_id, r);
  }
  return rowsById;
}

/** What an author already known becomes: the network's word, what it leaves out kept, the dates widened, counted. */
const AUTHOR_UPSERT = `on conflict ("workspace_id", "network", "external_id") do update set
  "handle" = excluded."handle",
  "display_name" = coalesce(excluded."display_name", "inbox_authors"."display_name"),
  "avatar_url" = coalesce(excluded."avatar_url", "inbox_authors"."avatar_url"),
  "followers" = coalesce(excluded."followers", "inbox_authors"."followers"),
  "account_created_at" = coalesce(excluded."account_created_at", "inbox_authors"."account_created_at"),
  "first_seen_at" = case when excluded."first_seen_at" < "inbox_authors"."first_seen_at" then excluded."first_seen_at" else "inbox_authors"."first_seen_at" end,
  "last_seen_at" = case when excluded."last_seen_at" > "inbox_authors"."last_seen_at" then excluded."last_seen_at" else "inbox_authors"."last_seen_at" end,
  "item_count" = "inbox_authors"."item_count" + excluded."item_count"
returning *`;

/** Our posts the items answer or quote: posts.id by the network's id of the post. */
export async function ourPosts(db: Kysely<Database>, workspaceId: string, items: readonly NormalizedItem[]): Promise<Map<string, string>> {
  const refs = new Set<string>();
  for (const item of items) for (const r of [item.parent, item.root, item.quoted]) if (r) refs.add(r.id);
  const found = new Map<string, string>();
  for (const ids of chunks([...refs], 1000)) {
    const rows = await db
      .selectFrom('post_targets')
      .innerJoin('posts', 'posts.id', 'post_targets.post_id')
      .select(['post_targets.external_id', 'post_targets.post_id'])
      .where('post_targets.external_id', 'in', ids)
      .where('posts.workspace_id', '=', workspaceId)
      .execute();
    for (const r of rows) if (r.external_id) found.set(r.external_id, r.post_id);
  }
  return found;
}

/** The row as stored: what is inserted, and what the rules read afterwards without reading it back. */
function itemRow(batch: Batch, a: AnalysedItem, authorId: string, posts: Map<string, string>): ItemRow {
  const { item, analysis } = a;
  const postOf = (r: { id: string } | null) => (r ? posts.get(r.id) : undefined);
  return {
    id: timeOrderedUuid(), workspace_id: batch.workspaceId, account_id: batch.accountId, network: batch.network,
    external_id: item.externalId, external_cid: item.externalCid, kind: item.kind, author_id: authorId, text: item.text, url: item.url,
    parent_external_id: item.parent?.id ?? null, parent_cid: item.parent?.cid ?? null,
    root_external_id: item.root?.id ?? null, root_cid: item.root?.cid ?? null,
    thread_key: threadKeyOf(item),
    post_id: postOf(item.parent) ?? postOf(item.root) ?? postOf(item.quoted) ?? null,
    context: JSON.stringify(item.context),
    language: analysis.language.code,
    sentiment: analysis.sentiment.label, sentiment_score: round(analysis.sentiment.score),
    toxicity: round(analysis.toxicity.score), toxicity_category: toxicityCategoryOf(analysis),
    complaint: analysis.complaint.flagged ? 1 : 0, complaint_score: round(analysis.complaint.score),
    has_link: analysis.links.length > 0 ? 1 : 0,
    risk: riskOf(analysis, item.author.followers),
    analysis: JSON.stringify(analysis),
    status: 'open', assignee_id: null, labels: '[]', moderation: null, rules_pending: 1,
    created_at: item.createdAt, received_at: batch.now, first_reply_at: null, status_changed_at: batch.now, removed_at: null, edited_at: null,
  };
}

/**
 * Takes back from their authors' counts the items another writer stored first (the stream and a poll at the same
 * moment): one statement, each author's number inlined by id. Rare: the batch left out what was stored before it.
 */
async function uncountSkipped(trx: Transaction<Database>, skipped: readonly ModeratedRow[]) {
  const perAuthor = new Map<string, { row: AuthorRow; n: number }>();
  for (const { author } of skipped) {
    const seen = perAuthor.get(author.id);
    if (seen) seen.n++;
    else perAuthor.set(author.id, { row: author, n: 1 });
  }
  for (const part of chunks([...perAuthor.values()], 500)) {
    const taken = sql.join(part.map(({ row, n }) => sql`when ${row.id} then ${sql.lit(n)}`), sql` `);
    await trx.updateTable('inbox_authors').set({ item_count: sql`item_count - case id ${taken} else 0 end` })
      .where('id', 'in', part.map(({ row }) => row.id)).execute();
  }
  for (const { row, n } of perAuthor.values()) row.item_count = Number(row.item_count) - n;
}

/** Likes, reposts and follows, each counted once by its network id, per account and UTC day. */
async function countEvents(trx: Transaction<Database>, batch: Batch) {
  const events = new Map(batch.counters.filter((c) => typeof c.id === 'string' && c.id !== '').map((c) => [c.id.slice(0, 512), c]));
  if (events.size === 0) return;
  const fresh: InboundCounterEvent[] = [];
  for (const part of chunks([...events.keys()], 1000)) {
    const rows = await trx
      .insertInto('inbox_counted')
      .values(part.map((id) => ({ account_id: batch.accountId, external_id: id, created_at: batch.now })))
      .onConflict((oc) => oc.columns(['account_id', 'external_id']).doNothing())
      .returning('external_id')
      .execute();
    for (const r of rows) fresh.push(events.get(r.external_id)!);
  }
  const days = new Map<string, { likes: number; reposts: number; follows: number }>();
  for (const e of fresh) {
    const t = new Date(e.createdAt).getTime();
    const day = new Date(Number.isFinite(t) ? Math.min(t, batch.now) : batch.now).toISOString().slice(0, 10);
    const d = days.get(day) ?? { likes: 0, reposts: 0, follows: 0 };
    if (e.kind === 'like') d.likes++;
    else if (e.kind === 'repost') d.reposts++;
    else if (e.kind === 'follow') d.follows++;
    days.set(day, d);
  }
  if (days.size === 0) return;
  await trx
    .insertInto('inbox_counters')
    .values([...days].map(([day, d]) => ({ account_id: batch.accountId, day, workspace_id: batch.workspaceId, ...d })))
    .onConflict((oc) =>
      oc.columns(['account_id', 'day']).doUpdateSet({
        likes: sql`inbox_counters.likes + excluded.likes`,
        reposts: sql`inbox_counters.reposts + excluded.reposts`,
        follows: sql`inbox_counters.follows + excluded.follows`,
      }),
    )
    .execute();
}

/**
 * Writes one batch inside the caller's transaction: authors, the items not stored before, counters. Returns the
 * items it created with their authors, as stored; items already there (an overlapping page, the stream and the
 * poll both) are skipped by the unique index, so a race between two writers stores each item once. The caller
 * leaves out what alreadyStored found, so that authors are updated only from items seen for the first time.
 */
export async function storeItems(trx: Transaction<Database>, batch: Batch): Promise<ModeratedRow[]> {
  await countEvents(trx, batch);
  // Oldest first: SQLite's search index is keyed by time, and FTS5 writes out what it holds each time a key comes
  // below the previous one (a network's page, newest first, would make one index segment per item).
  const items = distinct(batch).sort((x, y) => x.item.createdAt - y.item.createdAt);
  if (items.length === 0) return [];
  const authors = await upsertAuthors(trx, batch, items);
  const posts = batch.posts ?? (await ourPosts(trx, batch.workspaceId, items.map((a) => a.item)));
  const stored: ModeratedRow[] = [];
  const skipped: ModeratedRow[] = [];
  for (const part of chunks(items)) {
    const rows = part.map((a) => {
      const author = authors.get(a.item.author.externalId)!;
      const row = { item: itemRow(batch, a, author.id, posts), author };
      if (batch.rulesIdle?.(row, a.analysis)) row.item.rules_pending = 0;
      return row;
    });
    // Every row comes from itemRow: its keys are the table's columns, in one order.
    const columns = Object.keys(rows[0].item) as Array<keyof ItemRow>;
    const inserted = await bulkInsert<{ id: string }>(trx, 'inbox_items', columns, rows.map((r) => columns.map((c) => r.item[c])),
      'on conflict ("workspace_id", "network", "external_id") do nothing returning "id"');
    const created = new Set(inserted.map((r) => r.id));
    for (const r of rows) (created.has(r.item.id) ? stored : skipped).push(r);
  }
  if (skipped.length > 0) await uncountSkipped(trx, skipped);
  if (stored.length > 0) {
    await countInboxItems(trx, stored.map((r) => r.item));
    const dialect = trx.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
    await rememberTerms(trx, dialect, stored.map((r) => r.item.text ?? ''));
  }
  return stored;
}

/** storeItems, giving the ids of the items created. */
export async function storeBatch(trx: Transaction<Database>, batch: Batch): Promise<string[]> {
  return (await storeItems(trx, batch)).map((r) => r.item.id);
}
