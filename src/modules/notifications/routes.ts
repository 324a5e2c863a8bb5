import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { userRoute } from '../../http/route.js';
import { jsonBody, jsonOk, noContent } from '../../http/json.js';
import { notFound } from '../../http/errors.js';
import {
  ListQuery,
  NotificationPage,
  NotificationParamsSchema,
  PreferencesSchema,
  PreferencesUpdate,
  ReadAll,
} from './schema.js';
import { getPreferences, listNotifications, markAllRead, markRead, savePreferences, unreadCount } from './repository.js';
import { announceChanged } from './live.js';
import { notificationStream } from './stream.js';

// Per person, across their workspaces: every query is bound to the caller and to the workspaces they belong to.
const base = '/api/v1/notifications';
const tags = ['Notifications'];

const list = userRoute({
  method: 'get',
  path: base,
  tags,
  summary: 'My notifications, newest first, with the unread count',
  request: { query: ListQuery },
  responses: { 200: jsonOk(NotificationPage) },
});

const count = userRoute({
  method: 'get',
  path: `${base}/unread-count`,
  tags,
  summary: 'How many of my notifications are unread',
  responses: { 200: jsonOk(z.object({ unread: z.number().int() })) },
});

const stream = userRoute({
  method: 'get',
  path: `${base}/stream`,
  tags,
  summary: 'Server-sent events: `unread` with { unread } at once and whenever my notifications change',
  responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } } },
});

const read = userRoute({
  method: 'post',
  path: `${base}/{notificationId}/read`,
  tags,
  summary: 'Mark one of my notifications read',
  request: { params: NotificationParamsSchema },
  responses: { 204: noContent, 404: { description: 'Not one of mine' } },
});

const readAll = userRoute({
  method: 'post',
  path: `${base}/read-all`,
  tags,
  summary: 'Mark all my notifications read (in one workspace, or everywhere)',
  request: jsonBody(ReadAll),
  responses: { 200: jsonOk(z.object({ updated: z.number().int() })) },
});

const getPrefs = userRoute({
  method: 'get',
  path: `${base}/preferences`,
  tags,
  summary: 'Which kinds I get in the app and by e-mail, and the language of my e-mails',
  responses: { 200: jsonOk(PreferencesSchema) },
});

const setPrefs = userRoute({
  method: 'patch',
  path: `${base}/preferences`,
  tags,
  summary: 'Change my notification preferences',
  request: jsonBody(PreferencesUpdate),
  responses: { 200: jsonOk(PreferencesSchema) },
});

export function registerNotificationRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => {
    const { ctx, actor } = c.var;
    const q = c.req.valid('query');
    const page = await listNotifications(ctx.store.db, actor.userId, {
      cursor: q.cursor, limit: q.limit, unreadOnly: q.unread === 'true', workspaceId: q.workspaceId,
    });
    return c.json({ ...page, unread: await unreadCount(ctx.store.db, actor.userId) }, 200);
  });

  app.openapi(count, async (c) => c.json({ unread: await unreadCount(c.var.ctx.store.db, c.var.actor.userId) }, 200));

  // The handler answers with a stream, which the typed responses cannot describe.
  app.openapi(stream, ((c: Parameters<typeof notificationStream>[0]) => notificationStream(c)) as never);

  app.openapi(read, async (c) => {
    const { ctx, actor } = c.var;
    const found = await markRead(ctx.store.db, actor.userId, c.req.valid('param').notificationId, ctx.clock.now());
    if (!found) throw notFound('notification');
    await announceChanged(ctx.store, ctx.store.db, [actor.userId]);
    return c.body(null, 204);
  });

  app.openapi(readAll, async (c) => {
    const { ctx, actor } = c.var;
    const updated = await markAllRead(ctx.store.db, actor.userId, ctx.clock.now(), c.req.valid('json').workspaceId);
    if (updated > 0) await announceChanged(ctx.store, ctx.store.db, [actor.userId]);
    return c.json({ updated }, 200);
  });

  app.openapi(getPrefs, async (c) => {
    const { ctx, actor } = c.var;
    return c.json(await getPreferences(ctx.store.db, actor.userId, ctx.mailer.enabled), 200);
  });

  app.openapi(setPrefs, async (c) => {
    const { ctx, actor } = c.var;
    await savePreferences(ctx.store.db, actor.userId, c.req.valid('json'), ctx.clock.now());
    return c.json(await getPreferences(ctx.store.db, actor.userId, ctx.mailer.enabled), 200);
  });
}
