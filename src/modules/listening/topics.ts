import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { badRequest, notFound } from '../../http/errors.js';
import type { Database } from '../../store/schema.js';
import type { ListeningTopicTable } from '../../store/listening-schema.js';
import { parseQuery, queryTerms, QuerySyntaxError } from './query/index.js';
import { topicsChanged } from './topic-index.js';
import type { TopicBody, TopicPatch } from './schema.js';
import type { z } from '@hono/zod-openapi';

export type TopicRow = Selectable<ListeningTopicTable>;

/** How many live topics a workspace may have: each is matched against every post that passes. */
export const MAX_TOPICS = 500;

// Distinct on a white background and for the common colour blindnesses (Okabe–Ito, then Tol's muted).
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#882255', '#117733', '#332288', '#999933'];

/** The parsed query's terms, or the error the user must fix, as the API says it. */
export function checkQuery(query: string) {
  try {
    return { ok: true, terms: queryTerms(parseQuery(query)), error: null };
  } catch (err) {
    if (!(err instanceof QuerySyntaxError)) throw err;
    return { ok: false, terms: [], error: { code: err.code, message: err.message, column: err.column, length: err.length, params: err.params } };
  }
}

function validQuery(query: string): string {
  const check = checkQuery(query);
  if (check.error) throw badRequest('invalid_query', check.error.message, check.error);
  return query;
}

export async function listTopics(db: Kysely<Database>, workspaceId: string): Promise<TopicRow[]> {
  return db.selectFrom('listening_topics').selectAll().where('workspace_id', '=', workspaceId).where('archived_at', 'is', null).orderBy('created_at').execute();
}

export async function getTopic(db: Kysely<Database>, workspaceId: string, topicId: string): Promise<TopicRow> {
  const row = await db.selectFrom('listening_topics').selectAll().where('id', '=', topicId).where('workspace_id', '=', workspaceId).where('archived_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound('topic');
  return row;
}

export async function createTopic(db: Kysely<Database>, workspaceId: string, userId: string, input: z.infer<typeof TopicBody>, now: number): Promise<TopicRow> {
  validQuery(input.query);
  const live = await listTopics(db, workspaceId);
  if (live.length >= MAX_TOPICS) throw badRequest('too_many_topics', `A workspace can follow at most ${MAX_TOPICS} topics.`, { max: MAX_TOPICS });
  const used = new Set(live.map((t) => t.color.toLowerCase()));
  const color = input.color ?? PALETTE.find((c) => !used.has(c.toLowerCase())) ?? PALETTE[live.length % PALETTE.length];
  const row = {
    id: crypto.randomUUID(), workspace_id: workspaceId, name: input.name, kind: input.kind, query: input.query, color,
    sensitivity: input.sensitivity, cooldown_minutes: input.cooldownMinutes, min_mentions: input.minMentions,
    alerts_enabled: input.alertsEnabled ? 1 : 0, radar_state: null, created_by: userId, created_at: now, updated_at: now, archived_at: null,
  };
  await db.insertInto('listening_topics').values(row).execute();
  topicsChanged(workspaceId);
  return row as TopicRow;
}

export async function updateTopic(db: Kysely<Database>, workspaceId: string, topicId: string, input: z.infer<typeof TopicPatch>, now: number): Promise<TopicRow> {
  await getTopic(db, workspaceId, topicId);
  if (input.query !== undefined) validQuery(input.query);
  await db.updateTable('listening_topics').set({
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.query !== undefined ? { query: input.query } : {}),
    ...(input.color !== undefined ? { color: input.color } : {}),
    ...(input.sensitivity !== undefined ? { sensitivity: input.sensitivity } : {}),
    ...(input.cooldownMinutes !== undefined ? { cooldown_minutes: input.cooldownMinutes } : {}),
    ...(input.minMentions !== undefined ? { min_mentions: input.minMentions } : {}),
    ...(input.alertsEnabled !== undefined ? { alerts_enabled: input.alertsEnabled ? 1 : 0 } : {}),
    updated_at: now,
  }).where('id', '=', topicId).where('workspace_id', '=', workspaceId).execute();
  topicsChanged(workspaceId);
  return getTopic(db, workspaceId, topicId);
}

/** A topic stops matching at once; its mentions and alerts stay for the record until the workspace removes them. */
export async function archiveTopic(db: Kysely<Database>, workspaceId: string, topicId: string, now: number): Promise<void> {
  await getTopic(db, workspaceId, topicId);
  await db.updateTable('listening_topics').set({ archived_at: now, updated_at: now }).where('id', '=', topicId).where('workspace_id', '=', workspaceId).execute();
  topicsChanged(workspaceId);
}

/** Mentions per topic over the last day, from the per-minute counts. */
export async function mentionsSince(db: Kysely<Database>, topicIds: readonly string[], sinceMs: number): Promise<Map<string, number>> {
  if (topicIds.length === 0) return new Map();
  const rows = await db.selectFrom('listening_topic_minutes').select(['topic_id', (eb) => eb.fn.sum<number>('total').as('n')])
    .where('topic_id', 'in', topicIds).where('minute', '>=', Math.floor(sinceMs / 60_000)).groupBy('topic_id').execute();
  return new Map(rows.map((r) => [r.topic_id, Number(r.n)]));
}
