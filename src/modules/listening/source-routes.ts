import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { badRequest } from '../../http/errors.js';
import { OpmlBody, OpmlResult, SourceBody, SourceParams, SourcePatch, SourceView } from './schema.js';
import { addSources, createSource, deleteSource, getSource, listSources, updateSource } from './sources.js';
import { sourceView } from './presenters.js';
import { LISTENING_POLL } from './job-names.js';
import { restartStreams } from './stream-service.js';
import { listeningBase, tags } from './route-common.js';

const path = `${listeningBase}/sources`;

const list = workspaceRoute('listening.read', {
  method: 'get', path, tags, summary: 'Where listening reads: feeds, network streams and hashtag timelines, with their health',
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(z.object({ items: z.array(SourceView) })) },
});

const create = workspaceRoute('listening.manage', {
  method: 'post', path, tags, summary: 'Read a new source',
  request: { params: WorkspaceParams, ...jsonBody(SourceBody) },
  responses: { 201: jsonOk(SourceView) },
});

const update = workspaceRoute('listening.manage', {
  method: 'patch', path: `${path}/{sourceId}`, tags, summary: 'Rename, pause or resume a source (resuming clears its failures)',
  request: { params: SourceParams, ...jsonBody(SourcePatch) },
  responses: { 200: jsonOk(SourceView) },
});

const remove = workspaceRoute('listening.manage', {
  method: 'delete', path: `${path}/{sourceId}`, tags, summary: 'Stop reading a source; its mentions stay',
  request: { params: SourceParams },
  responses: { 204: { description: 'Removed' } },
});

const opml = workspaceRoute('listening.manage', {
  method: 'post', path: `${path}/opml`, tags, summary: 'Follow every feed of an OPML subscription list',
  request: { params: WorkspaceParams, ...jsonBody(OpmlBody) },
  responses: { 200: jsonOk(OpmlResult) },
});

const poll = workspaceRoute('listening.manage', {
  method: 'post', path: `${path}/{sourceId}/poll`, tags, summary: 'Read a feed or a hashtag timeline now',
  request: { params: SourceParams },
  responses: { 202: jsonOk(z.object({ jobId: z.string() })) },
});

export function registerSourceRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => {
    const { ctx, member } = c.var;
    return c.json({ items: (await listSources(ctx.store.db, member.workspaceId)).map(sourceView) }, 200);
  });

  app.openapi(create, async (c) => {
    const { ctx, member } = c.var;
    const row = await createSource(ctx.store.db, member.workspaceId, c.req.valid('json'), ctx.clock.now());
    restartStreams(ctx);
    return c.json(sourceView(row), 201);
  });

  app.openapi(update, async (c) => {
    const { ctx, member } = c.var;
    const row = await updateSource(ctx.store.db, member.workspaceId, c.req.valid('param').sourceId, c.req.valid('json'), ctx.clock.now());
    restartStreams(ctx);
    return c.json(sourceView(row), 200);
  });

  app.openapi(remove, async (c) => {
    const { ctx, member } = c.var;
    await deleteSource(ctx.store.db, member.workspaceId, c.req.valid('param').sourceId);
    restartStreams(ctx);
    return c.body(null, 204);
  });

  app.openapi(opml, async (c) => {
    const { ctx, member } = c.var;
    // The OPML reader (feedsmith) is loaded by the first import, not with the server.
    const { OpmlError, parseOpml } = await import('./feeds/opml.js');
    let parsed;
    try {
      parsed = parseOpml(c.req.valid('json').opml);
    } catch (err) {
      if (err instanceof OpmlError) throw badRequest('invalid_opml', err.message, { reason: err.reason });
      throw err;
    }
    const { added, existing } = await addSources(ctx.store.db, member.workspaceId,
      parsed.feeds.map((f) => ({ kind: 'feed' as const, url: f.xmlUrl, title: f.title })), ctx.clock.now());
    return c.json({ added: added.length, existing, skipped: parsed.skipped.map((s) => ({ reason: s.reason, ...(s.xmlUrl ? { xmlUrl: s.xmlUrl } : {}) })) }, 200);
  });

  app.openapi(poll, async (c) => {
    const { ctx, member } = c.var;
    const source = await getSource(ctx.store.db, member.workspaceId, c.req.valid('param').sourceId);
    if (source.kind !== 'feed' && source.kind !== 'mastodon_tag') throw badRequest('not_polled', 'This source is a stream: it reads continuously.');
    const job = await ctx.jobs.queue.enqueue(LISTENING_POLL, { sourceId: source.id }, { workspaceId: member.workspaceId, idempotencyKey: `listening-poll:${source.id}:now:${ctx.clock.now()}` });
    return c.json({ jobId: job.id }, 202);
  });
}
