import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute } from '../../http/route.js';
import { jsonBody, jsonOk, noContent } from '../../http/json.js';
import type { Permission } from '../../shared/permissions.js';
import { CommentInput, Decide, ScheduleInput } from './posts-schema.js';
import { commentOnPost, decidePost, reschedulePost, schedulePost, submitPost, unschedulePost } from './workflow.js';
import { retryPost } from './retry.js';
import { nextSlotForPost } from './next-slot.js';
import { queuePost } from './queue.js';
import { loadPost } from './posts-repository.js';
import { postHistory } from './history.js';
import { PostParams, PostSchema, postAnswer } from './post-answer.js';
import { pickLocale } from '../charter/locale.js';

const base = '/api/v1/workspaces/{workspaceId}/posts/{postId}';
const route = <B extends z.ZodType | undefined>(permission: Permission, name: string, summary: string, body: B) =>
  workspaceRoute(permission, {
    method: 'post',
    path: `${base}/${name}`,
    tags: ['Posts'],
    summary,
    request: { params: PostParams, ...(body ? jsonBody(body) : {}) },
    responses: {
      200: jsonOk(PostSchema),
      409: { description: 'Not possible in the post’s current state' },
      422: { description: 'The text breaks the editorial charter (charter_blocked, with the findings)' },
    },
  });
// Bodies are read with the schema's own parse below: the route only declares and validates them.
const submit = route('posts.write', 'submit', 'Send a draft for approval (or straight to the calendar when none is needed)', undefined);
const decide = route('posts.approve', 'decision', 'Approve, or ask for changes', Decide);
const schedule = route('posts.publish', 'schedule', 'Schedule an approved post: at a time, at the next free slot, or now', ScheduleInput);
const unschedule = route('posts.publish', 'unschedule', 'Take a scheduled post off the calendar (it stays approved)', undefined);
const Reschedule = z.strictObject({ at: z.iso.datetime({ offset: true }) });
const reschedule = route('posts.write', 'reschedule', 'Move a post to another time (drag and drop); an approved or scheduled post needs posts.publish', Reschedule);
const retry = route('posts.publish', 'retry', 'Try again the accounts that failed', undefined);
const queue = route('posts.write', 'queue', 'Add to queue: the accounts’ next free slot; a draft is submitted with it (into review when approval is needed)', undefined);
const comment = workspaceRoute('posts.read', {
  method: 'post',
  path: `${base}/comments`,
  tags: ['Posts'],
  summary: 'Comment on a post; a team member’s comment stays internal unless visibleToClient, a client’s is visible to clients',
  request: { params: PostParams, ...jsonBody(CommentInput) },
  responses: { 204: noContent },
});
const history = workspaceRoute('posts.read', {
  method: 'get',
  path: `${base}/history`,
  tags: ['Posts'],
  summary: 'Who wrote, changed, approved and published what, with comments (internal ones only for those who may read them)',
  request: { params: PostParams },
  responses: { 200: jsonOk(z.object({ items: z.array(z.object({ id: z.string(), kind: z.string() }).passthrough()) })) },
});

export function registerPostActionRoutes(app: OpenAPIHono<HttpEnv>) {
  const who = (c: { var: HttpEnv['Variables']; req: { header: (name: string) => string | undefined } }) => ({
    userId: c.var.actor.userId, role: c.var.member.role, locale: pickLocale(null, c.req.header('accept-language')),
  });
  app.openapi(submit, async (c) => {
    const { postId } = c.req.valid('param');
    await submitPost(c.var.ctx, c.var.member.workspaceId, who(c), postId);
    return c.json(await postAnswer(c, postId), 200);
  });
  app.openapi(decide, async (c) => {
    const { postId } = c.req.valid('param');
    await decidePost(c.var.ctx, c.var.member.workspaceId, who(c), postId, Decide.parse(await c.req.json()));
    return c.json(await postAnswer(c, postId), 200);
  });
  app.openapi(schedule, async (c) => {
    const { ctx, member } = c.var;
    const { postId } = c.req.valid('param');
    const { at } = ScheduleInput.parse(await c.req.json());
    await loadPost(ctx.store.db, member.workspaceId, postId);
    const now = ctx.clock.now();
    const when = at === 'now' ? now : at === 'next_slot' ? await nextSlotForPost(ctx.store.db, postId, now) : Date.parse(at);
    await schedulePost(ctx, member.workspaceId, who(c), postId, when);
    return c.json(await postAnswer(c, postId), 200);
  });
  app.openapi(unschedule, async (c) => {
    const { postId } = c.req.valid('param');
    await unschedulePost(c.var.ctx, c.var.member.workspaceId, who(c), postId);
    return c.json(await postAnswer(c, postId), 200);
  });
  app.openapi(reschedule, async (c) => {
    const { postId } = c.req.valid('param');
    const { at } = Reschedule.parse(await c.req.json());
    await reschedulePost(c.var.ctx, c.var.member.workspaceId, who(c), postId, Date.parse(at));
    return c.json(await postAnswer(c, postId), 200);
  });
  app.openapi(queue, async (c) => {
    const { postId } = c.req.valid('param');
    await queuePost(c.var.ctx, c.var.member.workspaceId, who(c), postId);
    return c.json(await postAnswer(c, postId), 200);
  });
  app.openapi(retry, async (c) => {
    const { postId } = c.req.valid('param');
    await retryPost(c.var.ctx, c.var.member.workspaceId, who(c), postId);
    return c.json(await postAnswer(c, postId), 200);
  });
  app.openapi(comment, async (c) => {
    const { postId } = c.req.valid('param');
    await commentOnPost(c.var.ctx, c.var.member.workspaceId, who(c), postId, c.req.valid('json'));
    return c.body(null, 204);
  });
  app.openapi(history, async (c) => {
    const { postId } = c.req.valid('param');
    return c.json({ items: await postHistory(c.var.ctx.store.db, c.var.member.workspaceId, postId, c.var.member.role) }, 200);
  });
}
