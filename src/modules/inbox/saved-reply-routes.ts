import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { RenderBody, SavedParams, SavedReplyBody, SavedReplyPatch, SavedReplyQuery, SavedReplyView } from './schema.js';
import { createSaved, deleteSaved, listSaved, loadSaved, renderSaved, updateSaved } from './saved-replies.js';
import { assertKeepsCharter } from '../charter/service.js';
import { pickLocale } from '../charter/locale.js';
import { inboxBase, tags } from './route-common.js';

const path = `${inboxBase}/saved-replies`;

const list = workspaceRoute('inbox.read', {
  method: 'get',
  path,
  tags,
  summary: "Saved replies; with itemId, those in the item's language first",
  request: { params: WorkspaceParams, query: SavedReplyQuery },
  responses: { 200: jsonOk(z.object({ items: z.array(SavedReplyView) })) },
});

const create = workspaceRoute('inbox.reply', {
  method: 'post',
  path,
  tags,
  summary: 'Save a reply; its text may hold {author}, {first_name} and {brand}',
  request: { params: WorkspaceParams, ...jsonBody(SavedReplyBody) },
  responses: { 201: jsonOk(SavedReplyView) },
});

const update = workspaceRoute('inbox.reply', {
  method: 'patch',
  path: `${path}/{savedReplyId}`,
  tags,
  summary: 'Change a saved reply',
  request: { params: SavedParams, ...jsonBody(SavedReplyPatch) },
  responses: { 200: jsonOk(SavedReplyView) },
});

const remove = workspaceRoute('inbox.reply', {
  method: 'delete',
  path: `${path}/{savedReplyId}`,
  tags,
  summary: 'Delete a saved reply',
  request: { params: SavedParams },
  responses: { 204: { description: 'Deleted' } },
});

const render = workspaceRoute('inbox.reply', {
  method: 'post',
  path: `${path}/{savedReplyId}/render`,
  tags,
  summary: 'A saved reply written out for an item: {author}, {first_name} and {brand} replaced',
  request: { params: SavedParams, ...jsonBody(RenderBody) },
  responses: { 200: jsonOk(z.object({ body: z.string() })) },
});

export function registerSavedReplyRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => {
    const { db } = c.var.ctx.store;
    const ws = c.var.member.workspaceId;
    const { itemId } = c.req.valid('query');
    const item = itemId ? await db.selectFrom('inbox_items').select('language').where('id', '=', itemId).where('workspace_id', '=', ws).executeTakeFirst() : undefined;
    return c.json({ items: await listSaved(db, ws, item?.language) }, 200);
  });

  // A saved reply is the brand's voice many times over: one that breaks the charter in a way that stops it is not kept.
  const assertKeeps = (c: Context<HttpEnv>, text: string, language: string) =>
    assertKeepsCharter(c.var.ctx.store.db, c.var.member.workspaceId, { text, kind: 'saved_reply', language: language === 'fr' || language === 'en' ? language : null }, pickLocale(null, c.req.header('accept-language')));

  app.openapi(create, async (c) => {
    const { ctx, member, actor } = c.var;
    const body = c.req.valid('json');
    await assertKeeps(c, body.body, body.language);
    return c.json(await createSaved(ctx.store.db, member.workspaceId, actor.userId, body, ctx.clock.now()), 201);
  });

  app.openapi(update, async (c) => {
    const { ctx, member } = c.var;
    const { savedReplyId } = c.req.valid('param');
    const patch = c.req.valid('json');
    if (patch.body !== undefined || patch.language !== undefined) {
      const saved = await loadSaved(ctx.store.db, member.workspaceId, savedReplyId);
      await assertKeeps(c, patch.body ?? saved.body, patch.language ?? saved.language);
    }
    return c.json(await updateSaved(ctx.store.db, member.workspaceId, savedReplyId, patch, ctx.clock.now()), 200);
  });

  app.openapi(remove, async (c) => {
    await deleteSaved(c.var.ctx.store.db, c.var.member.workspaceId, c.req.valid('param').savedReplyId);
    return c.body(null, 204);
  });

  app.openapi(render, async (c) => {
    const { ctx, member } = c.var;
    const body = await renderSaved(ctx.store.db, member.workspaceId, c.req.valid('param').savedReplyId, c.req.valid('json').itemId);
    return c.json({ body }, 200);
  });
}
