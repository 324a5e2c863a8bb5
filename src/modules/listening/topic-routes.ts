import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { parseQuery, queryTerms } from './query/index.js';
import { QueryCheckBody, QueryCheckView, TopicBody, TopicParams, TopicPatch, TopicView } from './schema.js';
import { archiveTopic, checkQuery, createTopic, getTopic, listTopics, mentionsSince, updateTopic, type TopicRow } from './topics.js';
import { radarStatusOf } from './radar-runner.js';
import { iso, listeningBase, tags } from './route-common.js';
import { LISTENING_BACKFILL } from './job-names.js';
import type { AppContext } from '../../context.js';

const path = `${listeningBase}/topics`;

/** A new query is filled with its last days from the networks' search, in the background (shown in background work). */
async function startBackfill(ctx: AppContext, topic: TopicRow) {
  await ctx.jobs.queue.enqueue(LISTENING_BACKFILL, { topicId: topic.id }, { workspaceId: topic.workspace_id, idempotencyKey: `listening-backfill:${topic.id}:${topic.updated_at}` });
}

function termsOf(query: string): string[] {
  try {
    return queryTerms(parseQuery(query));
  } catch {
    return [];
  }
}

function topicView(t: TopicRow, mentions24h: number, radar: z.infer<typeof TopicView>['radar']): z.infer<typeof TopicView> {
  return {
    id: t.id, name: t.name, kind: t.kind, query: t.query, color: t.color, sensitivity: t.sensitivity,
    cooldownMinutes: Number(t.cooldown_minutes), minMentions: Number(t.min_mentions), alertsEnabled: Number(t.alerts_enabled) === 1,
    terms: termsOf(t.query), mentions24h, radar, createdAt: iso(t.created_at)!, updatedAt: iso(t.updated_at)!,
  };
}

const list = workspaceRoute('listening.read', {
  method: 'get', path, tags, summary: 'Listening topics, with their mentions over the last day and the radar\'s state',
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(z.object({ items: z.array(TopicView) })) },
});

const create = workspaceRoute('listening.manage', {
  method: 'post', path, tags, summary: 'Follow a topic: a boolean query over every source',
  request: { params: WorkspaceParams, ...jsonBody(TopicBody) },
  responses: { 201: jsonOk(TopicView) },
});

const update = workspaceRoute('listening.manage', {
  method: 'patch', path: `${path}/{topicId}`, tags, summary: 'Change a topic: its query, its name, its radar settings',
  request: { params: TopicParams, ...jsonBody(TopicPatch) },
  responses: { 200: jsonOk(TopicView) },
});

const remove = workspaceRoute('listening.manage', {
  method: 'delete', path: `${path}/{topicId}`, tags, summary: 'Stop following a topic',
  request: { params: TopicParams },
  responses: { 204: { description: 'Stopped' } },
});

const check = workspaceRoute('listening.read', {
  method: 'post', path: `${listeningBase}/query-check`, tags, summary: 'Parse a query: its terms, or the error and the column to fix',
  request: { params: WorkspaceParams, ...jsonBody(QueryCheckBody) },
  responses: { 200: jsonOk(QueryCheckView) },
});

export function registerTopicRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => {
    const { ctx, member } = c.var;
    const now = ctx.clock.now();
    const topics = await listTopics(ctx.store.db, member.workspaceId);
    const counts = await mentionsSince(ctx.store.db, topics.map((t) => t.id), now - 86_400_000);
    const items = await Promise.all(topics.map(async (t) => topicView(t, counts.get(t.id) ?? 0, await radarStatusOf(ctx, t, now))));
    return c.json({ items }, 200);
  });

  app.openapi(create, async (c) => {
    const { ctx, member, actor } = c.var;
    const row = await createTopic(ctx.store.db, member.workspaceId, actor.userId, c.req.valid('json'), ctx.clock.now());
    await startBackfill(ctx, row);
    return c.json(topicView(row, 0, null), 201);
  });

  app.openapi(update, async (c) => {
    const { ctx, member } = c.var;
    const now = ctx.clock.now();
    const before = await getTopic(ctx.store.db, member.workspaceId, c.req.valid('param').topicId);
    const row = await updateTopic(ctx.store.db, member.workspaceId, before.id, c.req.valid('json'), now);
    if (row.query !== before.query) await startBackfill(ctx, row);
    const counts = await mentionsSince(ctx.store.db, [row.id], now - 86_400_000);
    return c.json(topicView(row, counts.get(row.id) ?? 0, await radarStatusOf(ctx, row, now)), 200);
  });

  app.openapi(remove, async (c) => {
    const { ctx, member } = c.var;
    await archiveTopic(ctx.store.db, member.workspaceId, c.req.valid('param').topicId, ctx.clock.now());
    return c.body(null, 204);
  });

  app.openapi(check, async (c) => c.json(checkQuery(c.req.valid('json').query), 200));
}

