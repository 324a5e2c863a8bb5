import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { itemsOf, jsonBody, jsonOk } from '../../http/json.js';
import { badRequest, notFound } from '../../http/errors.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { weekHighlights } from './highlights.js';
import { ModeratedItemView, ModerationAuthorView, presentAuthor, presentItem } from './presenters.js';
import { moderationBase, tags } from './rules-routes.js';
import { weekOf, weekRange } from './week.js';

const authorsBase = '/api/v1/workspaces/{workspaceId}/inbox/authors/{authorId}';
const AuthorParams = WorkspaceParams.extend({ authorId: z.string().min(1).max(64) });
const ListName = z.string().trim().min(1).max(40);
const Highlights = z
  .object({ week: z.string(), from: z.string(), to: z.string(), items: z.array(ModeratedItemView), everyone: z.array(ModeratedItemView) })
  .openapi('ModerationHighlights');

const offenders = workspaceRoute('inbox.read', {
  method: 'get', path: `${moderationBase}/offenders`, tags, summary: 'Authors whose items moderation removed, most removed first',
  request: { params: WorkspaceParams, query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
  responses: { 200: jsonOk(itemsOf(ModerationAuthorView)) },
});
const advocates = workspaceRoute('inbox.read', {
  method: 'get', path: `${moderationBase}/advocates`, tags, summary: 'Authors marked as advocates of the brand',
  request: { params: WorkspaceParams }, responses: { 200: jsonOk(itemsOf(ModerationAuthorView)) },
});
const highlights = workspaceRoute('inbox.read', {
  method: 'get', path: `${moderationBase}/highlights`, tags,
  summary: 'A week’s most positive contributions: of advocates (items), and of everyone, by sentiment',
  request: { params: WorkspaceParams, query: z.object({ week: z.string().regex(/^\d{4}-W\d{2}$/, 'an ISO week such as 2026-W49').optional() }) },
  responses: { 200: jsonOk(Highlights) },
});
const setAdvocate = workspaceRoute('moderation.act', {
  method: 'post', path: `${authorsBase}/advocate`, tags, summary: 'Marks an author as an advocate, or not',
  request: { params: AuthorParams, ...jsonBody(z.strictObject({ advocate: z.boolean() })) }, responses: { 200: jsonOk(ModerationAuthorView) },
});
const setLists = workspaceRoute('moderation.act', {
  method: 'post', path: `${authorsBase}/lists`, tags, summary: 'The workspace lists the author is on ("vip", "watch"…), which rules can test',
  request: { params: AuthorParams, ...jsonBody(z.strictObject({ lists: z.array(ListName).max(20) })) }, responses: { 200: jsonOk(ModerationAuthorView) },
});

export function registerCommunityRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(offenders, async (c) => {
    const { ctx, member } = c.var;
    const { limit } = c.req.valid('query');
    const rows = await ctx.store.db.selectFrom('inbox_authors').selectAll().where('workspace_id', '=', member.workspaceId).where('removed_count', '>', 0)
      .orderBy('removed_count', 'desc').orderBy('last_seen_at', 'desc').limit(limit).execute();
    return c.json({ items: rows.map(presentAuthor) }, 200);
  });

  app.openapi(advocates, async (c) => {
    const { ctx, member } = c.var;
    const rows = await ctx.store.db.selectFrom('inbox_authors').selectAll().where('workspace_id', '=', member.workspaceId).where('advocate', '=', 1)
      .orderBy('last_seen_at', 'desc').limit(500).execute();
    return c.json({ items: rows.map(presentAuthor) }, 200);
  });

  app.openapi(highlights, async (c) => {
    const { ctx, member } = c.var;
    const week = c.req.valid('query').week ?? weekOf(ctx.clock.now());
    const range = weekRange(week);
    if (!range) throw badRequest('bad_week', 'No such week.');
    const [ofAdvocates, ofEveryone] = await Promise.all([
      weekHighlights(ctx.store.db, member.workspaceId, range, { advocatesOnly: true, limit: 10 }),
      weekHighlights(ctx.store.db, member.workspaceId, range, { advocatesOnly: false, limit: 10 }),
    ]);
    const present = (rows: typeof ofAdvocates) => rows.map((r) => presentItem(r.item, r.author));
    return c.json({ week, from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString(), items: present(ofAdvocates), everyone: present(ofEveryone) }, 200);
  });

  app.openapi(setAdvocate, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const { authorId } = c.req.valid('param');
    const { advocate } = c.req.valid('json');
    const row = await ctx.store.db.transaction().execute(async (trx) => {
      const changed = await trx.updateTable('inbox_authors').set({ advocate: advocate ? 1 : 0 }).where('id', '=', authorId).where('workspace_id', '=', member.workspaceId)
        .returningAll().executeTakeFirst();
      if (!changed) throw notFound('author');
      await recordAudit(trx, {
        action: AuditAction.authorAdvocateChanged, workspaceId: member.workspaceId, actorId: actor.userId, target: { type: 'inbox_author', id: authorId },
        data: { handle: changed.handle, network: changed.network, advocate }, ip,
      }, ctx.clock.now());
      return changed;
    });
    return c.json(presentAuthor(row), 200);
  });

  app.openapi(setLists, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const { authorId } = c.req.valid('param');
    const lists = [...new Set(c.req.valid('json').lists)];
    const row = await ctx.store.db.transaction().execute(async (trx) => {
      const changed = await trx.updateTable('inbox_authors').set({ lists: JSON.stringify(lists) }).where('id', '=', authorId).where('workspace_id', '=', member.workspaceId)
        .returningAll().executeTakeFirst();
      if (!changed) throw notFound('author');
      await recordAudit(trx, {
        action: AuditAction.authorListsChanged, workspaceId: member.workspaceId, actorId: actor.userId, target: { type: 'inbox_author', id: authorId },
        data: { handle: changed.handle, network: changed.network, lists }, ip,
      }, ctx.clock.now());
      return changed;
    });
    return c.json(presentAuthor(row), 200);
  });
}
