import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonOk } from '../../http/json.js';
import { assertInboxReader } from './access.js';
import { postVisibility } from '../publishing/visibility.js';
import { AuthorCard, AuthorParams, Counts, FilterQuery, ItemDetail, ItemPage, ItemParams, ListQuery, SourceView } from './schema.js';
import { rememberedPage } from './list-memo.js';
import { sendAnswer } from '../../http/answer-memo.js';
import { countItems, firstReplyFigures } from './counts.js';
import { authorCard, itemDetail } from './detail.js';
import { inboxStream } from './stream.js';
import { inboxSources } from './sources.js';
import { registerInboxActionRoutes } from './action-routes.js';
import { registerSavedReplyRoutes } from './saved-reply-routes.js';
import { inboxBase, scopeOf, tags } from './route-common.js';


// Reading is for roles holding inbox.read, and for clients when the workspace lets them (checked in each handler).
const list = workspaceRoute('workspace.read', {
  method: 'get',
  path: `${inboxBase}/items`,
  tags,
  summary: 'The inbox, newest or riskiest first, filtered; pages follow `nextCursor`',
  request: { params: WorkspaceParams, query: ListQuery },
  responses: { 200: jsonOk(ItemPage) },
});

const counts = workspaceRoute('workspace.read', {
  method: 'get',
  path: `${inboxBase}/counts`,
  tags,
  summary: 'Counts under the same filters: the total, and per facet under every other filter; the median time to first reply',
  request: { params: WorkspaceParams, query: FilterQuery },
  responses: { 200: jsonOk(Counts) },
});

const detail = workspaceRoute('workspace.read', {
  method: 'get',
  path: `${inboxBase}/items/{itemId}`,
  tags,
  summary: 'An item with its conversation, context, notes, replies, tickets and moderation',
  request: { params: ItemParams },
  responses: { 200: jsonOk(ItemDetail) },
});

const author = workspaceRoute('workspace.read', {
  method: 'get',
  path: `${inboxBase}/authors/{authorId}`,
  tags,
  summary: "An author's card: their latest items and what the team did",
  request: { params: AuthorParams },
  responses: { 200: jsonOk(AuthorCard) },
});

const stream = workspaceRoute('workspace.read', {
  method: 'get',
  path: `${inboxBase}/stream`,
  tags,
  summary: 'Server-sent events: `items` with { itemIds } when items arrive or change',
  request: { params: WorkspaceParams },
  responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } } },
});

const sources = workspaceRoute('workspace.read', {
  method: 'get',
  path: `${inboxBase}/sources`,
  tags,
  summary: "Each connected account's sources: backfill progress, live path, last poll and error, whether DMs are collected",
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(z.object({ items: z.array(SourceView) })) },
});

const reader = async (c: Context<HttpEnv>) => assertInboxReader(c.var.ctx.store.db, c.var.member.workspaceId, c.var.member.role);

export function registerInboxRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => {
    await reader(c);
    const page = await rememberedPage(scopeOf(c), c.req.valid('query'), c.var.member.role, c.var.ctx.config.inboxPageMemoBytes);
    return sendAnswer(c, page);
  });

  app.openapi(counts, async (c) => {
    await reader(c);
    const scope = scopeOf(c);
    const [tally, firstReply] = await Promise.all([countItems(scope, c.req.valid('query')), firstReplyFigures(scope, scope.now)]);
    return c.json({ ...tally, firstReply }, 200);
  });

  app.openapi(detail, async (c) => {
    await reader(c);
    const { db } = c.var.ctx.store;
    // A client reads the team's notes only when the workspace lets clients read its internal comments.
    const { internalComments } = await postVisibility(db, c.var.member.workspaceId, c.var.member.role);
    return c.json(await itemDetail(scopeOf(c), c.req.valid('param').itemId, { notes: internalComments }), 200);
  });

  app.openapi(author, async (c) => {
    await reader(c);
    return c.json(await authorCard(scopeOf(c), c.req.valid('param').authorId), 200);
  });

  app.openapi(stream, (async (c: Context<HttpEnv>) => {
    await reader(c);
    return inboxStream(c, c.var.member.workspaceId);
  }) as never);

  // Nothing secret in it (no credentials): what any reader of the inbox may know of how it is collected.
  app.openapi(sources, async (c) => {
    await reader(c);
    return c.json({ items: await inboxSources(c.var.ctx, c.var.member.workspaceId) }, 200);
  });

  registerInboxActionRoutes(app);
  registerSavedReplyRoutes(app);
}
