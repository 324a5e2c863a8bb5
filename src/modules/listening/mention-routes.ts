import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { liveIds } from '../../http/live-stream.js';
import { MentionPage, MentionParams, MentionQuery, StatsQuery } from './schema.js';
import { listMentions } from './mentions.js';
import { listeningStats } from './stats.js';
import { mentionToInbox, mentionToTicket } from './to-inbox.js';
import { subscribeListening } from './live.js';
import { listeningBase, tags } from './route-common.js';

const list = workspaceRoute('listening.read', {
  method: 'get', path: `${listeningBase}/mentions`, tags, summary: 'Mentions, newest or widest reach first, by topic, sentiment, network, language, source or words',
  request: { params: WorkspaceParams, query: MentionQuery },
  responses: { 200: jsonOk(MentionPage) },
});

const toInbox = workspaceRoute('inbox.reply', {
  method: 'post', path: `${listeningBase}/mentions/{mentionId}/to-inbox`, tags, summary: 'Put a mention in the inbox, to answer or moderate it',
  request: { params: MentionParams },
  responses: { 200: jsonOk(z.object({ inboxItemId: z.string() })) },
});

const toTicket = workspaceRoute('inbox.reply', {
  method: 'post', path: `${listeningBase}/mentions/{mentionId}/to-ticket`, tags, summary: 'Send a mention to a department as a ticket',
  request: { params: MentionParams, ...jsonBody(z.object({ departmentId: z.string().min(1).max(64) })) },
  responses: { 200: jsonOk(z.object({ ticketId: z.string(), inboxItemId: z.string() })) },
});

const stats = workspaceRoute('listening.read', {
  method: 'get', path: `${listeningBase}/stats`, tags,
  summary: 'Volume and sentiment over time, share of voice, rising terms, top authors and sources, for topics and a period',
  request: { params: WorkspaceParams, query: StatsQuery },
  responses: { 200: jsonOk(z.object({}).passthrough()) },
});

const stream = workspaceRoute('listening.read', {
  method: 'get', path: `${listeningBase}/stream`, tags, summary: 'Server-sent events: `mentions` with { topicIds } when mentions or alerts arrive',
  request: { params: WorkspaceParams },
  responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } } },
});

// Mentions arriving in a burst are told together.
const GATHER_MS = 250;

export function registerMentionRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => c.json(await listMentions(c.var.ctx.store.db, c.var.member.workspaceId, c.req.valid('query')), 200));

  app.openapi(toInbox, async (c) => {
    const { ctx, member } = c.var;
    return c.json({ inboxItemId: await mentionToInbox(ctx, member.workspaceId, c.req.valid('param').mentionId) }, 200);
  });

  app.openapi(toTicket, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    return c.json(await mentionToTicket(ctx, member.workspaceId, c.req.valid('param').mentionId, c.req.valid('json').departmentId, actor.userId, ip), 200);
  });

  app.openapi(stats, async (c) => {
    const { ctx, member } = c.var;
    const q = c.req.valid('query');
    const topicIds = q.topicIds ? q.topicIds.split(',').map((s) => s.trim()).filter(Boolean).slice(0, 100) : undefined;
    const body = await listeningStats(ctx.store.db, member.workspaceId, {
      topicIds, from: q.from ? Date.parse(q.from) : undefined, to: q.to ? Date.parse(q.to) : undefined, bucket: q.bucket,
    }, ctx.clock.now());
    return c.json(body, 200);
  });

  app.openapi(stream, (c) => {
    const { store } = c.var.ctx;
    const workspaceId = c.var.member.workspaceId;
    return liveIds(c, 'mentions', 'topicIds', GATHER_MS, (onIds, end) => subscribeListening(store, workspaceId, onIds, end)) as never;
  });
}
