import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { AppError } from '../../http/errors.js';
import type { BulkItemResult } from '../../shared/api.js';
import { BulkDecide } from './posts-schema.js';
import { decidePost } from './workflow.js';
import { pickLocale } from '../charter/locale.js';

const Result = z.object({ id: z.string(), ok: z.boolean(), error: z.object({ code: z.string(), message: z.string() }).optional() });

const decideMany = workspaceRoute('posts.approve', {
  method: 'post',
  path: '/api/v1/workspaces/{workspaceId}/posts/approvals',
  tags: ['Posts'],
  summary: 'Approve (or send back) several posts at once; answers each post: done, or why not',
  request: { params: WorkspaceParams, ...jsonBody(BulkDecide) },
  responses: { 200: jsonOk(z.object({ items: z.array(Result) }).openapi('BulkDecisionResults')) },
});

export function registerBulkDecisionRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(decideMany, async (c) => {
    const { ctx, member, actor, log } = c.var;
    const { ids, decision, comment } = c.req.valid('json');
    const who = { userId: actor.userId, role: member.role, locale: pickLocale(null, c.req.header('accept-language')) };
    const items: BulkItemResult[] = [];
    // One post at a time, each in its own transaction through the same gate as a single decision:
    // a post refused (not your turn, no longer in review) leaves the others decided.
    for (const id of new Set(ids)) {
      try {
        await decidePost(ctx, member.workspaceId, who, id, { decision, comment });
        items.push({ id, ok: true });
      } catch (err) {
        if (!(err instanceof AppError)) log.error({ err, postId: id }, 'bulk decision failed');
        items.push({ id, ok: false, error: err instanceof AppError ? { code: err.code, message: err.message } : { code: 'internal', message: 'Something went wrong on our side. It has been logged.' } });
      }
    }
    return c.json({ items }, 200);
  });
}
