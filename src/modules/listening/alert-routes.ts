import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonOk } from '../../http/json.js';
import { notFound } from '../../http/errors.js';
import type { Database } from '../../store/schema.js';
import { AlertParams, MentionView } from './schema.js';
import { mentionsById } from './mentions.js';
import type { AlertEvidence } from './alerts.js';
import { iso, listeningBase, tags } from './route-common.js';

export const AlertView = z.object({
  id: z.string(), topicId: z.string(), topicName: z.string(), topicColor: z.string(), kind: z.string(), status: z.string(),
  score: z.number(), observed: z.number(), expected: z.number(), windowStart: z.string(), windowEnd: z.string(), createdAt: z.string(),
  acknowledgedAt: z.string().nullable(), crisisId: z.string().nullable(),
}).openapi('ListeningAlert');

export const AlertDetail = AlertView.extend({
  curve: z.array(z.object({ at: z.string(), count: z.number(), negative: z.number(), positive: z.number() })),
  rising: z.array(z.object({ term: z.string(), recent: z.number(), baseline: z.number(), score: z.number() })),
  mentions: z.array(MentionView),
  authors: z.array(z.object({ id: z.string(), handle: z.string(), displayName: z.string().nullable(), network: z.string(), followers: z.number().nullable(), mentions: z.number() })),
}).openapi('ListeningAlertDetail');

function alertsQuery(db: Kysely<Database>, workspaceId: string) {
  return db.selectFrom('listening_alerts as a').innerJoin('listening_topics as t', 't.id', 'a.topic_id')
    .select(['a.id', 'a.topic_id', 't.name', 't.color', 'a.kind', 'a.status', 'a.score', 'a.observed', 'a.expected', 'a.window_start', 'a.window_end',
      'a.created_at', 'a.acknowledged_at', 'a.crisis_id', 'a.evidence'])
    .where('a.workspace_id', '=', workspaceId);
}

type AlertRow = Awaited<ReturnType<ReturnType<typeof alertsQuery>['executeTakeFirstOrThrow']>>;

function alertView(a: AlertRow): z.infer<typeof AlertView> {
  return {
    id: a.id, topicId: a.topic_id, topicName: a.name, topicColor: a.color, kind: a.kind, status: a.status, score: Number(a.score),
    observed: Number(a.observed), expected: Number(a.expected), windowStart: iso(a.window_start)!, windowEnd: iso(a.window_end)!,
    createdAt: iso(a.created_at)!, acknowledgedAt: iso(a.acknowledged_at), crisisId: a.crisis_id,
  };
}

/** An alert with its evidence: the curve, the words that rose, the mentions and the authors that made it. */
export async function alertDetail(db: Kysely<Database>, workspaceId: string, alertId: string): Promise<z.infer<typeof AlertDetail>> {
  const a = await alertsQuery(db, workspaceId).where('a.id', '=', alertId).executeTakeFirst();
  if (!a) throw notFound('alert');
  const evidence = JSON.parse(a.evidence) as AlertEvidence;
  const mentions = await mentionsById(db, workspaceId, evidence.mentionIds ?? []);
  const authors = new Map<string, { id: string; handle: string; displayName: string | null; network: string; followers: number | null; mentions: number }>();
  for (const m of mentions) {
    const seen = authors.get(m.author.id);
    if (seen) seen.mentions++;
    else authors.set(m.author.id, { id: m.author.id, handle: m.author.handle, displayName: m.author.displayName, network: m.network, followers: m.author.followers, mentions: 1 });
  }
  return {
    ...alertView(a), curve: evidence.curve ?? [], rising: evidence.rising ?? [], mentions,
    authors: [...authors.values()].sort((x, y) => y.mentions - x.mentions || (y.followers ?? 0) - (x.followers ?? 0)).slice(0, 10),
  };
}

const list = workspaceRoute('listening.read', {
  method: 'get', path: `${listeningBase}/alerts`, tags, summary: 'The crisis radar\'s alerts, newest first',
  request: { params: WorkspaceParams, query: z.object({ status: z.enum(['open', 'acknowledged', 'crisis']).optional(), topicId: z.string().max(64).optional() }) },
  responses: { 200: jsonOk(z.object({ items: z.array(AlertView) })) },
});

const detail = workspaceRoute('listening.read', {
  method: 'get', path: `${listeningBase}/alerts/{alertId}`, tags, summary: 'An alert with the curve, mentions, authors and words that made it',
  request: { params: AlertParams },
  responses: { 200: jsonOk(AlertDetail) },
});

const acknowledge = workspaceRoute('listening.read', {
  method: 'post', path: `${listeningBase}/alerts/{alertId}/acknowledge`, tags, summary: 'Say that someone has seen the alert',
  request: { params: AlertParams },
  responses: { 200: jsonOk(AlertView) },
});

export function registerAlertRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(list, async (c) => {
    const { ctx, member } = c.var;
    const q = c.req.valid('query');
    const rows = await alertsQuery(ctx.store.db, member.workspaceId)
      .$if(q.status !== undefined, (qb) => qb.where('a.status', '=', q.status!))
      .$if(q.topicId !== undefined, (qb) => qb.where('a.topic_id', '=', q.topicId!))
      .orderBy('a.created_at', 'desc').limit(200).execute();
    return c.json({ items: rows.map(alertView) }, 200);
  });

  app.openapi(detail, async (c) => c.json(await alertDetail(c.var.ctx.store.db, c.var.member.workspaceId, c.req.valid('param').alertId), 200));

  app.openapi(acknowledge, async (c) => {
    const { ctx, member, actor } = c.var;
    const { alertId } = c.req.valid('param');
    const found = await alertsQuery(ctx.store.db, member.workspaceId).where('a.id', '=', alertId).executeTakeFirst();
    if (!found) throw notFound('alert');
    if (found.status === 'open') {
      await ctx.store.db.updateTable('listening_alerts').set({ status: 'acknowledged', acknowledged_by: actor.userId, acknowledged_at: ctx.clock.now() })
        .where('id', '=', alertId).where('workspace_id', '=', member.workspaceId).execute();
    }
    const a = await alertsQuery(ctx.store.db, member.workspaceId).where('a.id', '=', alertId).executeTakeFirstOrThrow();
    return c.json(alertView(a), 200);
  });
}
