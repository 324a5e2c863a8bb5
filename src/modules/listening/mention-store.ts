import { CompiledQuery, PostgresAdapter, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../store/schema.js';
import { bulkInsertColumns, type PgType } from '../inbound/bulk-insert.js';
import { timeOrderedUuid } from '../inbound/ids.js';
import { round } from '../inbound/risk.js';
import type { NormalizedPost } from './normalize.js';
import type { MentionAnalysis } from './read-posts.js';
import type { IANAZone } from 'luxon';
import { addMentionDays, addTopicDays } from '../analytics/rollups/listening-days.js';
import { rollupZone } from '../analytics/rollups/zone.js';
import { bumpVersions } from '../analytics/rollups/version.js';
import { storeMentionsPg } from './pg-mention-store.js';
import { authorsOf } from './batch-authors.js';

/** A post that matched topics, analysed and placed in its group of near-duplicates, ready to be written. */
export interface MatchedMention {
  id: string;
  post: NormalizedPost;
  analysis: MentionAnalysis;
  topicIds: string[];
  /** The group's first mention when this one repeats it; null when it starts a group. */
  clusterId: string | null;
  terms: string[];
}

export interface StoredMention extends MatchedMention {
  authorId: string;
}

const CHUNK = 500;

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export const newMentionId = (now: number) => timeOrderedUuid(now);

/** The words that can rise in a crisis: hashtags, the hosts of links, and the text's keywords. */
export function termsOf(post: NormalizedPost, analysis: MentionAnalysis): string[] {
  const out = new Set<string>();
  for (const list of [post.hashtags, analysis.hashtags]) for (const h of list) out.add(`#${(h.startsWith('#') ? h.slice(1) : h).toLowerCase()}`);
  for (const list of [post.links, analysis.links]) {
    for (const l of list) {
      if (out.size >= MAX_TERMS) break;
      const host = hostOf(l);
      if (host !== null) out.add(host);
    }
  }
  for (const k of analysis.keywords) {
    // Terms past the first thirty are left out: none added after that could be kept.
    if (out.size >= MAX_TERMS) break;
    out.add(k.toLowerCase());
  }
  const terms: string[] = [];
  for (const t of out) {
    if (terms.length === MAX_TERMS) break;
    terms.push(t.length > 100 ? t.slice(0, 100) : t);
  }
  return terms;
}

const MAX_TERMS = 30;

/** A link's host without "www.", or null when it is not a link after all. */
function hostOf(link: string): string | null {
  try {
    return new URL(link).host.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/**
 * Authors are the inbox's: one row per person per network in the workspace. Listening refreshes what the network
 * says of them but leaves the inbox's counts alone.
 */
const AUTHOR_UPSERT = `on conflict ("workspace_id", "network", "external_id") do update set
  "handle" = excluded."handle",
  "display_name" = coalesce(excluded."display_name", "inbox_authors"."display_name"),
  "avatar_url" = coalesce(excluded."avatar_url", "inbox_authors"."avatar_url"),
  "followers" = coalesce(excluded."followers", "inbox_authors"."followers"),
  "last_seen_at" = case when excluded."last_seen_at" > "inbox_authors"."last_seen_at" then excluded."last_seen_at" else "inbox_authors"."last_seen_at" end
returning "id", "network", "external_id"`;

async function upsertAuthors(trx: Transaction<Database>, workspaceId: string, mentions: readonly MatchedMention[], now: number): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const columns = ['id', 'workspace_id', 'network', 'external_id', 'handle', 'display_name', 'avatar_url', 'followers', 'first_seen_at', 'last_seen_at'];
  const types: PgType[] = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'integer', 'bigint', 'bigint'];
  const rows = authorsOf(mentions).map(({ p, first, last }) => [
    timeOrderedUuid(now), workspaceId, p.network, p.author.externalId, p.author.handle, p.author.displayName, p.author.avatarUrl,
    p.author.followers, first, last,
  ]);
  const upserted = await bulkInsertColumns<{ id: string; network: string; external_id: string }>(trx, 'inbox_authors', columns, types, rows, AUTHOR_UPSERT);
  for (const r of upserted) ids.set(`${r.network}\n${r.external_id}`, r.id);
  return ids;
}

const MENTION_TYPES: PgType[] = [
  'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'real',
  'real', 'integer', 'integer', 'integer', 'text', 'text', 'bigint', 'bigint',
];

const MENTION_COLUMNS = [
  'id', 'workspace_id', 'source_id', 'network', 'uri', 'url', 'author_id', 'title', 'text', 'language', 'sentiment', 'sentiment_score',
  'toxicity', 'complaint', 'reach', 'engagement', 'terms', 'cluster_id', 'created_at', 'received_at',
] as const;

function mentionRow(m: MatchedMention, workspaceId: string, sourceId: string | null, authorId: string, now: number): unknown[] {
  const { post, analysis } = m;
  return [
    m.id, workspaceId, sourceId, post.network, post.uri, post.url, authorId, post.title, post.text, analysis.language.code,
    analysis.sentiment.label, round(analysis.sentiment.score), round(analysis.toxicity.score), analysis.complaint.flagged ? 1 : 0,
    post.author.followers ?? 0, post.engagement, JSON.stringify(m.terms), m.clusterId, post.createdAt, now,
  ];
}

/** Per topic and minute of publication: how many mentions, how many negative and positive. */
async function countMinutes(trx: Transaction<Database>, zone: IANAZone, stored: readonly StoredMention[]) {
  const counts = new Map<string, { topic_id: string; minute: number; total: number; negative: number; positive: number }>();
  for (const m of stored) {
    const minute = Math.floor(m.post.createdAt / 60_000);
    const label = m.analysis.sentiment.label;
    for (const topicId of m.topicIds) {
      const key = `${topicId}\n${minute}`;
      let c = counts.get(key);
      if (!c) counts.set(key, (c = { topic_id: topicId, minute, total: 0, negative: 0, positive: 0 }));
      c.total++;
      if (label === 'negative') c.negative++;
      else if (label === 'positive') c.positive++;
    }
  }
  const columns = ['topic_id', 'minute', 'total', 'negative', 'positive'];
  // Sorted, for the same reason as authors: concurrent batches lock the same minutes in one order.
  const sorted = [...counts.values()].sort((a, b) => (a.topic_id < b.topic_id ? -1 : a.topic_id > b.topic_id ? 1 : a.minute - b.minute));
  await bulkInsertColumns(trx, 'listening_topic_minutes', columns, ['text', 'integer', 'integer', 'integer', 'integer'], sorted.map((c) => [c.topic_id, c.minute, c.total, c.negative, c.positive]),
    `on conflict ("topic_id", "minute") do update set "total" = "listening_topic_minutes"."total" + excluded."total",
      "negative" = "listening_topic_minutes"."negative" + excluded."negative", "positive" = "listening_topic_minutes"."positive" + excluded."positive"`);
  await addTopicDays(trx, zone, sorted);
}

/**
 * Each group's first mention counts the copies that joined it: one update joined to the counts, rather than a CASE
 * that every row would walk; heads in one order, so that concurrent batches lock the ones they share alike.
 */
export async function addCopies(db: Kysely<Database>, perHead: ReadonlyMap<string, number>) {
  if (perHead.size === 0) return;
  const heads = [...perHead].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.executeQuery(CompiledQuery.raw(
      'update "listening_mentions" as m set "copies" = m."copies" + c.n from unnest($1::text[], $2::integer[]) as c(id, n) where m."id" = c.id',
      [heads.map(([id]) => id), heads.map(([, n]) => n)],
    ));
    return;
  }
  for (const part of chunks(heads, 500)) {
    const values = part.map(() => '(?, ?)').join(', ');
    await db.executeQuery(CompiledQuery.raw(
      `update "listening_mentions" set "copies" = "copies" + c.column2 from (values ${values}) as c where "listening_mentions"."id" = c.column1`,
      part.flat(),
    ));
  }
}

/**
 * Writes one batch inside the caller's transaction: authors, the mentions not stored before (the unique index on
 * the post's uri skips the rest, so two sources or two writers store a post once), which topics each matched, the
 * per-minute and daily counts and the groups' copies, but for the copies of `later` groups, whose first mention another
 * transaction is storing (it cannot be seen from here until it commits). Returns the mentions it created. On
 * PostgreSQL, the workspace's analytics version is the caller's to move on once committed (`mentionsCommitted`):
 * bumped in here, its row would stay locked until the commit and queue every other batch of the workspace behind this one.
 */
export async function storeMentions(
  trx: Transaction<Database>, workspaceId: string, sourceId: string | null, mentions: readonly MatchedMention[], now: number, later: ReadonlySet<string> = new Set(),
): Promise<StoredMention[]> {
  if (mentions.length === 0) return [];
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    // A crash may lose the last few hundred milliseconds of listening's commits, never half of one: the mentions and
    // their source's cursor go together, so the source reads them again. Waiting for the disk on each batch would
    // halve the pace for nothing. (The statement turns it off for its transaction.)
    const stored = await storeMentionsPg(trx, workspaceId, sourceId, mentions, now, later);
    const ids = new Set(mentions.map((m) => m.id));
    const perHead = new Map<string, number>();
    for (const m of stored) if (m.clusterId && ids.has(m.clusterId)) perHead.set(m.clusterId, (perHead.get(m.clusterId) ?? 0) + 1);
    await addCopies(trx, perHead);
    return stored;
  }
  const authors = await upsertAuthors(trx, workspaceId, mentions, now);
  const withAuthor = mentions.map((m) => ({ ...m, authorId: authors.get(`${m.post.network}\n${m.post.author.externalId}`)! }));
  const inserted = await bulkInsertColumns<{ id: string }>(trx, 'listening_mentions', MENTION_COLUMNS, MENTION_TYPES,
    withAuthor.map((m) => mentionRow(m, workspaceId, sourceId, m.authorId, now)),
    'on conflict ("workspace_id", "uri") do nothing returning "id"');
  const created = new Set(inserted.map((r) => r.id));
  const stored: StoredMention[] = withAuthor.filter((m) => created.has(m.id));
  const links = stored.flatMap((m) => m.topicIds.map((t) => [t, m.id, workspaceId, m.analysis.sentiment.label, m.post.createdAt]));
  // Every mention here was created by this statement, with its topics listed once each (see TopicIndex.match): no
  // link can exist already, so it is a plain insert.
  await bulkInsertColumns(trx, 'listening_mention_topics', ['topic_id', 'mention_id', 'workspace_id', 'sentiment', 'created_at'],
    ['text', 'text', 'text', 'text', 'bigint'], links, '');
  if (stored.length > 0) {
    // SQLite writes one transaction at a time anyway: the version moves on in this one, rather than in a second
    // commit (and wait for the disk) per batch.
    await bumpVersions(trx, [workspaceId]);
    const zone = await rollupZone(trx, workspaceId);
    await countMinutes(trx, zone, stored);
    await addMentionDays(trx, workspaceId, zone, stored.map((m) => ({ network: m.post.network, createdAt: m.post.createdAt, sentiment: m.analysis.sentiment.label })));
  }
  const perHead = new Map<string, number>();
  for (const m of stored) if (m.clusterId && !later.has(m.clusterId)) perHead.set(m.clusterId, (perHead.get(m.clusterId) ?? 0) + 1);
  await addCopies(trx, perHead);
  return stored;
}

/**
 * After the commit of mentions on PostgreSQL: the workspace's analytics version moves on, so that dashboards kept in
 * memory are made again with them. A dashboard read from then on sees the new version; one made between the commit
 * and this was made at the old version, which no read finds current any more. (On SQLite, storeMentions moved it on.)
 */
export async function mentionsCommitted(db: Kysely<Database>, workspaceId: string): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // One statement, its own transaction, durable with the next commit at worst, as the mentions themselves.
  await db.executeQuery(CompiledQuery.raw(
    `insert into "analytics_versions" ("workspace_id", "version") select $1, 1 from (select set_config('synchronous_commit', 'off', true)) as s
      on conflict ("workspace_id") do update set "version" = "analytics_versions"."version" + 1`,
    [workspaceId],
  ));
}
