import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { itemsOf, jsonOk } from '../../http/json.js';
import type { JobView } from '../../shared/api.js';
import type { Job } from '../../jobs/index.js';

const JobSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
    attempts: z.number(),
    maxAttempts: z.number(),
    runAt: z.string(),
    progress: z.object({ done: z.number(), total: z.number(), message: z.string().optional() }).nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    subject: z.object({ type: z.literal('post'), id: z.string() }).nullable(),
  })
  .openapi('Job');

const list = workspaceRoute('jobs.read', {
  method: 'get',
  path: '/api/v1/workspaces/{workspaceId}/jobs',
  tags: ['Jobs'],
  summary: "The workspace's background work and its progress",
  request: { params: WorkspaceParams },
  responses: { 200: jsonOk(itemsOf(JobSchema)) },
});

export function presentJob(j: Job): JobView {
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  return {
    id: j.id,
    type: j.type,
    status: j.status,
    attempts: j.attempts,
    maxAttempts: j.maxAttempts,
    runAt: new Date(j.runAt).toISOString(),
    progress: j.progress,
    lastError: j.lastError,
    createdAt: new Date(j.createdAt).toISOString(),
    finishedAt: iso(j.finishedAt),
    subject: subjectOf(j.payload),
  };
}

/** Jobs about a post carry its id in their payload; the page links to it. */
function subjectOf(payload: unknown): JobView['subject'] {
  const postId = payload && typeof payload === 'object' ? (payload as { postId?: unknown }).postId : undefined;
  return typeof postId === 'string' ? { type: 'post', id: postId } : null;
}

export function registerJobRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => {
    const jobs = await c.var.ctx.jobs.queue.list({ workspaceId: c.var.member.workspaceId, limit: 100 });
    return c.json({ items: jobs.map(presentJob) }, 200);
  });
}
