import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { badRequest, conflict } from '../../http/errors.js';
import { itemDetail } from './detail.js';
import { BulkBody, BulkResult, CountBody, ItemParams, ItemView, ItemPatch, NoteBody, NoteView, ReplyBody, ReplyView, TextCount } from './schema.js';
import { addNote, changeItem, changeItems } from './triage.js';
import { assertReplyKeepsCharter, itemAccount, queueReply } from './replies.js';
import { pickLocale } from '../charter/locale.js';
import { renderSaved } from './saved-replies.js';
import { presentReply } from './presenters.js';
import { inboxBase, scopeOf, tags } from './route-common.js';

const patch = workspaceRoute('inbox.reply', {
  method: 'patch',
  path: `${inboxBase}/items/{itemId}`,
  tags,
  summary: "Change an item's status, assignee or labels",
  request: { params: ItemParams, ...jsonBody(ItemPatch) },
  responses: { 200: jsonOk(ItemView), 409: { description: 'An open ticket waits for a public reply' } },
});

const bulk = workspaceRoute('inbox.reply', {
  method: 'post',
  path: `${inboxBase}/items/bulk`,
  tags,
  summary: 'The same change on many items; an answer per item',
  request: { params: WorkspaceParams, ...jsonBody(BulkBody) },
  responses: { 200: jsonOk(BulkResult) },
});

const note = workspaceRoute('inbox.reply', {
  method: 'post',
  path: `${inboxBase}/items/{itemId}/notes`,
  tags,
  summary: 'Add an internal note to an item (the team only)',
  request: { params: ItemParams, ...jsonBody(NoteBody) },
  responses: { 201: jsonOk(NoteView) },
});

const reply = workspaceRoute('inbox.reply', {
  method: 'post',
  path: `${inboxBase}/items/{itemId}/replies`,
  tags,
  summary: 'Reply, like, repost or thank (a like where the network allows it, and the saved reply or text given if any); sent by a job, once',
  request: { params: ItemParams, ...jsonBody(ReplyBody) },
  responses: { 202: jsonOk(ReplyView.extend({ followUp: ReplyView.nullable() })), 409: { description: 'The network does not allow this action (not_supported), or no connected account can answer' } },
});

const limits = workspaceRoute('inbox.reply', {
  method: 'post',
  path: `${inboxBase}/items/{itemId}/reply-limits`,
  tags,
  summary: "The network's counter for a reply to this item",
  request: { params: ItemParams, ...jsonBody(CountBody) },
  responses: { 200: jsonOk(TextCount) },
});

export function registerInboxActionRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(patch, async (c) => {
    const scope = scopeOf(c);
    const { itemId } = c.req.valid('param');
    await changeItem(scope, itemId, c.req.valid('json'));
    return c.json((await itemDetail(scope, itemId)).item, 200);
  });

  app.openapi(bulk, async (c) => {
    const { itemIds, ...change } = c.req.valid('json');
    return c.json({ results: await changeItems(scopeOf(c), itemIds, change) }, 200);
  });

  app.openapi(note, async (c) => {
    const n = await addNote(scopeOf(c), c.req.valid('param').itemId, c.req.valid('json').body);
    return c.json({ id: n.id, authorId: n.author_id, authorName: c.var.actor.name, body: n.body, createdAt: n.created_at }, 201);
  });

  app.openapi(reply, async (c) => {
    const { ctx, actor, member } = c.var;
    const { itemId } = c.req.valid('param');
    const body = c.req.valid('json');
    const base = { workspaceId: member.workspaceId, itemId, authorId: actor.userId, locale: pickLocale(null, c.req.header('accept-language')) };
    let text = body.body;
    if (body.kind === 'thank' && body.savedReplyId) text = await renderSaved(ctx.store.db, member.workspaceId, body.savedReplyId, itemId);
    if (body.kind === 'reply' && !text?.trim()) throw badRequest('empty_reply', 'Write the reply first.');
    // A thank-you's words are checked before its like is queued: refused, nothing at all goes out.
    let likes = true;
    if (body.kind === 'thank') {
      const { account, connector } = await itemAccount(ctx, member.workspaceId, itemId);
      if (text?.trim()) await assertReplyKeepsCharter(ctx, base, account.network, text.trim());
      // Where the network gives apps no like (Facebook, Instagram), thanking is the words alone.
      likes = connector.capabilities.has('like');
      if (!likes && !text?.trim()) throw conflict('not_supported', 'This network does not let apps like a post: write the thank-you to send it as a reply.');
    }
    const main = body.kind === 'thank' ? (likes ? 'like' : 'reply') : body.kind;
    const mainId = await queueReply(ctx, { ...base, kind: main, body: main === 'reply' ? text : undefined });
    const followId = body.kind === 'thank' && likes && text?.trim() ? await queueReply(ctx, { ...base, kind: 'reply', body: text }) : null;
    const rows = await ctx.store.db.selectFrom('inbox_replies').selectAll().where('id', 'in', [mainId, ...(followId ? [followId] : [])]).execute();
    const byId = new Map(rows.map((r) => [r.id, presentReply(r)]));
    return c.json({ ...byId.get(mainId)!, followUp: followId ? byId.get(followId)! : null }, 202);
  });

  app.openapi(limits, async (c) => {
    const { connector } = await itemAccount(c.var.ctx, c.var.member.workspaceId, c.req.valid('param').itemId);
    const count = await connector.countText(c.req.valid('json').body);
    return c.json({ used: count.used, max: count.max }, 200);
  });
}
