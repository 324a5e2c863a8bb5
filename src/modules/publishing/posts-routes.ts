import type { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { itemsOf, jsonBody, jsonOk, noContent } from '../../http/json.js';
import { PostInput, PostUpdate } from './posts-schema.js';
import { createPost, deletePost, updatePost } from './posts-commands.js';
import { presentPosts } from './posts-presenter.js';
import { PostParams, PostSchema, postAnswer } from './post-answer.js';
import { listPosts, PostFilter } from './posts-query.js';
import { registerPostLanguageRoute } from './language-routes.js';
import { loadVisiblePost, postVisibility } from './visibility.js';
import { pickLocale } from '../charter/locale.js';

const path = '/api/v1/workspaces/{workspaceId}/posts';

const list = workspaceRoute('posts.read', {
  tags: ['Posts'],
  method: 'get',
  path,
  summary: 'Posts for the calendar: a time range and filters',
  request: { params: WorkspaceParams, query: PostFilter },
  responses: { 200: jsonOk(itemsOf(PostSchema)) },
});
const create = workspaceRoute('posts.write', {
  tags: ['Posts'],
  method: 'post',
  path,
  summary: 'Write a draft',
  request: { params: WorkspaceParams, ...jsonBody(PostInput) },
  responses: { 201: jsonOk(PostSchema, 'Created') },
});
const read = workspaceRoute('posts.read', {
  tags: ['Posts'],
  method: 'get',
  path: `${path}/{postId}`,
  request: { params: PostParams },
  responses: { 200: jsonOk(PostSchema) },
});
const update = workspaceRoute('posts.write', {
  tags: ['Posts'],
  method: 'patch',
  path: `${path}/{postId}`,
  summary: 'Edit a post that has not gone out (a new version: approvals start again); an approved or scheduled post needs posts.publish',
  request: { params: PostParams, ...jsonBody(PostUpdate) },
  responses: { 200: jsonOk(PostSchema), 403: { description: 'Approved or scheduled, and the role may not publish' }, 409: { description: 'Gone out, or edited meanwhile' } },
});
const remove = workspaceRoute('posts.write', {
  tags: ['Posts'],
  method: 'delete',
  path: `${path}/{postId}`,
  summary: 'Delete a post that has not gone out; an approved or scheduled one needs posts.publish',
  request: { params: PostParams },
  responses: { 204: noContent, 403: { description: 'Approved or scheduled, and the role may not publish' }, 409: { description: 'Gone out' } },
});

export function registerPostRoutes(app: OpenAPIHono<HttpEnv>) {
  registerPostLanguageRoute(app);
  app.openapi(list, async (c) => {
    const { ctx, member, actor } = c.var;
    const visibility = await postVisibility(ctx.store.db, member.workspaceId, member.role);
    const posts = await listPosts(ctx.store.db, member.workspaceId, c.req.valid('query'), visibility);
    return c.json({ items: await presentPosts(ctx.store.db, member.workspaceId, posts, { userId: actor.userId, role: member.role }) }, 200);
  });
  app.openapi(create, async (c) => {
    const { ctx, member, actor } = c.var;
    const id = await createPost(ctx, member.workspaceId, { userId: actor.userId, role: member.role }, c.req.valid('json'));
    return c.json(await postAnswer(c, id), 201);
  });
  app.openapi(read, async (c) => {
    const { ctx, member } = c.var;
    const { postId } = c.req.valid('param');
    await loadVisiblePost(ctx.store.db, member.workspaceId, postId, member.role);
    return c.json(await postAnswer(c, postId), 200);
  });
  app.openapi(update, async (c) => {
    const { ctx, member, actor } = c.var;
    const { postId } = c.req.valid('param');
    await updatePost(ctx, member.workspaceId, { userId: actor.userId, role: member.role, locale: pickLocale(null, c.req.header('accept-language')) }, postId, c.req.valid('json'));
    return c.json(await postAnswer(c, postId), 200);
  });
  app.openapi(remove, async (c) => {
    const { ctx, member, actor } = c.var;
    await deletePost(ctx, member.workspaceId, { userId: actor.userId, role: member.role }, c.req.valid('param').postId);
    return c.body(null, 204);
  });
}
