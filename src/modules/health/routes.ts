import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { HttpEnv } from '../../http/types.js';
import { publicRoute } from '../../http/route.js';
import { jsonOk } from '../../http/json.js';
import type { HealthView } from '../../shared/api.js';
import { VERSION } from '../../version.js';

const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    database: z.object({ ok: z.boolean(), dialect: z.enum(['sqlite', 'postgres']), latencyMs: z.number(), error: z.string().optional() }),
    jobs: z.object({
      ok: z.boolean(),
      runner: z.enum(['running', 'stopped', 'not-in-this-process']),
      queued: z.number(),
      running: z.number(),
      failed: z.number(),
    }),
    roles: z.array(z.string()),
  })
  .openapi('Health');

const health = publicRoute({
  method: 'get',
  path: '/api/v1/health',
  tags: ['Health'],
  summary: 'Database and job runner status (503 when degraded)',
  responses: { 200: jsonOk(HealthSchema), 503: jsonOk(HealthSchema, 'Degraded') },
});

export function registerHealthRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(health, async (c) => {
    const { ctx } = c.var;
    const started = performance.now();
    let database: HealthView['database'];
    let counts = { queued: 0, running: 0, failed: 0 };
    try {
      await sql`select 1`.execute(ctx.store.db);
      database = { ok: true, dialect: ctx.store.dialect, latencyMs: round(performance.now() - started) };
      counts = await ctx.jobs.queue.counts();
    } catch {
      // The cause goes to the log only: health is public.
      database = { ok: false, dialect: ctx.store.dialect, latencyMs: round(performance.now() - started), error: 'unreachable' };
    }
    const runner = ctx.runtime.runner;
    const runnerState: HealthView['jobs']['runner'] = runner ? (runner.status().running ? 'running' : 'stopped') : 'not-in-this-process';
    const jobsOk = runnerState !== 'stopped';
    const body: HealthView = {
      status: database.ok && jobsOk ? 'ok' : 'degraded',
      version: VERSION,
      database,
      jobs: { ok: jobsOk, runner: runnerState, queued: counts.queued, running: counts.running, failed: counts.failed },
      roles: [...ctx.config.roles],
    };
    return c.json(body, body.status === 'ok' ? 200 : 503);
  });
}

const round = (ms: number) => Math.round(ms * 100) / 100;
