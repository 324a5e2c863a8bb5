import { sql, type Kysely } from 'kysely';
import type { z } from '@hono/zod-openapi';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import { notFound } from '../../http/errors.js';
import type { Database } from '../../store/schema.js';
import type { MentionQuery, MentionView } from './schema.js';
import { iso } from './route-common.js';

type Query = z.infer<typeof MentionQuery>;
type View = z.infer<typeof MentionView>;

const COLUMNS = [
  'm.id', 'm.network', 'm.uri', 'm.url', 'm.title', 'm.text', 'm.language', 'm.sentiment', 'm.sentiment_score', 'm.toxicity', 'm.complaint',
  'm.reach', 'm.engagement', 'm.copies', 'm.cluster_id', 'm.source_id', 'm.inbox_item_id', 'm.created_at',
  'a.id as author_id', 'a.handle', 'a.display_name', 'a.avatar_url', 'a.followers',
] as const;

function baseQuery(db: Kysely<Database>, workspaceId: string) {
  return db.selectFrom('listening_mentions as m').innerJoin('inbox_authors as a', 'a.id', 'm.author_id').where('m.workspace_id', '=', workspaceId);
}

type Row = Awaited<ReturnType<ReturnType<ReturnType<typeof baseQuery>['select']>['execute']>>[number] & Record<string, unknown>;

function toView(r: Row, topicIds: string[]): View {
  return {
    id: String(r.id), network: String(r.network), uri: String(r.uri), url: (r.url as string | null) ?? null, title: (r.title as string | null) ?? null,
    text: String(r.text), language: String(r.language), sentiment: String(r.sentiment), sentimentScore: Number(r.sentiment_score),
    toxicity: Number(r.toxicity), complaint: Number(r.complaint) === 1, reach: Number(r.reach), engagement: Number(r.engagement),
    copies: Number(r.copies), clusterId: (r.cluster_id as string | null) ?? null, topicIds,
    author: { id: String(r.author_id), handle: String(r.handle), displayName: (r.display_name as string | null) ?? null, avatarUrl: (r.avatar_url as string | null) ?? null, followers: r.followers === null ? null : Number(r.followers) },
    sourceId: (r.source_id as string | null) ?? null, inboxItemId: (r.inbox_item_id as string | null) ?? null, createdAt: iso(Number(r.created_at))!,
  };
}

async function topicsOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('listening_mention_topics').select(['mention_id', 'topic_id']).where('mention_id', 'in', ids).execute();
  for (const r of rows) out.set(r.mention_id, [...(out.get(r.mention_id) ?? []), r.topic_id]);
  return out;
}

/** Escapes LIKE's wildcards so that a search for "50%" looks for those characters. */
const likePattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A page of the workspace's mentions, newest (or widest reach) first, with the filters of the mention stream. */
export async function listMentions(db: Kysely<Database>, workspaceId: string, q: Query): Promise<{ items: View[]; nextCursor: string | null }> {
  let query = baseQuery(db, workspaceId).select([...COLUMNS]);
  if (q.topicId) {
    query = query.where((eb) => eb.exists(eb.selectFrom('listening_mention_topics as mt').select('mt.mention_id').whereRef('mt.mention_id', '=', 'm.id').where('mt.topic_id', '=', q.topicId!)));
  }
  if (q.sentiment) query = query.where('m.sentiment', '=', q.sentiment);
  if (q.network) query = query.where('m.network', '=', q.network);
  if (q.language) query = query.where('m.language', '=', q.language);
  if (q.sourceId) query = query.where('m.source_id', '=', q.sourceId);
  if (q.from) query = query.where('m.created_at', '>=', Date.parse(q.from));
  if (q.to) query = query.where('m.created_at', '<', Date.parse(q.to));
  if (q.q) query = query.where(sql<boolean>`lower(m.text) like ${likePattern(q.q)} escape '\\'`);
  let rows: Row[];
  let nextCursor: string | null = null;
  if (q.sort === 'reach') {
    // Widest reach first: a plain offset, as ties in reach have no order a cursor could resume from.
    const offset = q.cursor ? Number(Buffer.from(q.cursor, 'base64url').toString()) || 0 : 0;
    rows = (await query.orderBy('m.reach', 'desc').orderBy('m.id', 'desc').limit(q.limit + 1).offset(Math.min(offset, 10_000)).execute()) as Row[];
    if (rows.length > q.limit) nextCursor = Buffer.from(String(offset + q.limit)).toString('base64url');
  } else {
    const cursor = decodeCursor(q.cursor);
    if (cursor) query = query.where((eb) => eb.or([eb('m.created_at', '<', cursor.at), eb.and([eb('m.created_at', '=', cursor.at), eb('m.id', '<', cursor.id)])]));
    rows = (await query.orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').limit(q.limit + 1).execute()) as Row[];
    if (rows.length > q.limit) nextCursor = encodeCursor(Number(rows[q.limit - 1].created_at), String(rows[q.limit - 1].id));
  }
  const page = rows.slice(0, q.limit);
  const topics = await topicsOf(db, page.map((r) => String(r.id)));
  return { items: page.map((r) => toView(r, topics.get(String(r.id)) ?? [])), nextCursor };
}

export async function getMention(db: Kysely<Database>, workspaceId: string, mentionId: string): Promise<View> {
  const row = (await baseQuery(db, workspaceId).select([...COLUMNS]).where('m.id', '=', mentionId).executeTakeFirst()) as Row | undefined;
  if (!row) throw notFound('mention');
  const topics = await topicsOf(db, [mentionId]);
  return toView(row, topics.get(mentionId) ?? []);
}

/** Mentions by id, in the order given (an alert's evidence); ids of other workspaces are not found. */
export async function mentionsById(db: Kysely<Database>, workspaceId: string, ids: readonly string[]): Promise<View[]> {
  if (ids.length === 0) return [];
  const rows = (await baseQuery(db, workspaceId).select([...COLUMNS]).where('m.id', 'in', ids).execute()) as Row[];
  const topics = await topicsOf(db, rows.map((r) => String(r.id)));
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  return ids.flatMap((id) => (byId.has(id) ? [toView(byId.get(id)!, topics.get(id) ?? [])] : []));
}
