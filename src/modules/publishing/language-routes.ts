import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { detectPostLanguage } from './post-language.js';
import { workspaceLanguage } from './outgoing.js';

const detect = workspaceRoute('posts.read', {
  method: 'post',
  path: '/api/v1/workspaces/{workspaceId}/posts/language',
  tags: ['Posts'],
  summary: 'The language a text would go out with when the post leaves its language to detection',
  request: { params: WorkspaceParams, ...jsonBody(z.strictObject({ text: z.string().max(20_000) })) },
  responses: {
    200: jsonOk(
      z.object({ code: z.string(), source: z.enum(['text', 'fallback']) })
        .openapi('DetectedLanguage', { description: '`fallback`: too short or unclear, so the workspace’s language' }),
    ),
  },
});

export function registerPostLanguageRoute(app: OpenAPIHono<HttpEnv>) {
  app.openapi(detect, async (c) => {
    const { ctx, member } = c.var;
    const fallback = await workspaceLanguage(ctx.store.db, member.workspaceId);
    return c.json(await detectPostLanguage(c.req.valid('json').text, fallback), 200);
  });
}
