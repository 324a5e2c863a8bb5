import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonOk } from '../../http/json.js';
import { badRequest } from '../../http/errors.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { MODERATION_RETRAIN } from './job-names.js';
import { moderationBase, tags } from './rules-routes.js';

const ModelsView = z
  .object({
    models: z.array(z.object({ name: z.string(), examples: z.number(), trainedAt: z.string(), trainedBy: z.string().nullable() })),
    decisions: z.number(), lastTrainedAt: z.string().nullable(), jobId: z.string().nullable(),
  })
  .openapi('ModerationModels');

const retrain = workspaceRoute('moderation.rules', {
  method: 'post', path: `${moderationBase}/retrain`, tags,
  summary: 'Retrains the workspace’s models from its moderators’ decisions, as a job whose progress the jobs page shows',
  request: { params: WorkspaceParams }, responses: { 202: jsonOk(z.object({ jobId: z.string() })) },
});
const models = workspaceRoute('inbox.read', {
  method: 'get', path: `${moderationBase}/models`, tags, summary: 'The workspace’s retrained models, and the decisions a retraining would learn from',
  request: { params: WorkspaceParams }, responses: { 200: jsonOk(ModelsView) },
});

async function runningRetrain(db: import('kysely').Kysely<import('../../store/schema.js').Database>, workspaceId: string) {
  return db.selectFrom('jobs').select('id').where('workspace_id', '=', workspaceId).where('type', '=', MODERATION_RETRAIN)
    .where('status', 'in', ['queued', 'running']).orderBy('created_at', 'desc').executeTakeFirst();
}

export function registerModelRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(retrain, async (c) => {
    const { ctx, member, actor, ip } = c.var;
    const db = ctx.store.db;
    const decisions = await db.selectFrom('moderation_labels').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', member.workspaceId).executeTakeFirst();
    const n = Number(decisions?.n ?? 0);
    if (n === 0) throw badRequest('no_decisions', 'No moderation decisions to learn from yet: confirm or overturn items in the review queue first.');
    const running = await runningRetrain(db, member.workspaceId);
    if (running) return c.json({ jobId: running.id }, 202);
    const job = await ctx.jobs.queue.enqueue(MODERATION_RETRAIN, { workspaceId: member.workspaceId, requestedBy: actor.userId }, { workspaceId: member.workspaceId, version: 1 });
    await recordAudit(db, { action: AuditAction.moderationRetrainRequested, workspaceId: member.workspaceId, actorId: actor.userId, data: { decisions: n }, ip }, ctx.clock.now());
    return c.json({ jobId: job.id }, 202);
  });

  app.openapi(models, async (c) => {
    const { ctx, member } = c.var;
    const db = ctx.store.db;
    const [rows, decisions, running] = await Promise.all([
      db.selectFrom('workspace_models').select(['name', 'examples', 'trained_at', 'trained_by']).where('workspace_id', '=', member.workspaceId).orderBy('name').execute(),
      db.selectFrom('moderation_labels').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', member.workspaceId).executeTakeFirst(),
      runningRetrain(db, member.workspaceId),
    ]);
    const last = rows.reduce<number | null>((m, r) => (m === null || Number(r.trained_at) > m ? Number(r.trained_at) : m), null);
    return c.json({
      models: rows.map((r) => ({ name: r.name, examples: Number(r.examples), trainedAt: new Date(Number(r.trained_at)).toISOString(), trainedBy: r.trained_by })),
      decisions: Number(decisions?.n ?? 0), lastTrainedAt: last === null ? null : new Date(last).toISOString(), jobId: running?.id ?? null,
    }, 200);
  });
}
