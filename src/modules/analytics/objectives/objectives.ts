import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from '@hono/zod-openapi';
import type { Database } from '../../../store/schema.js';
import { badRequest, notFound } from '../../../http/errors.js';
import { NETWORKS } from '../../../connectors/index.js';
import type { Reader } from '../scope.js';
import { evaluateObjective, type ObjectiveRow } from './evaluate.js';
import { objectiveProblems, type ObjectiveFields, type ObjectiveView } from './schema.js';

const iso = (ms: number) => new Date(Number(ms)).toISOString();

export async function objectiveView(r: Reader, o: ObjectiveRow): Promise<z.infer<typeof ObjectiveView>> {
  return {
    id: o.id, name: o.name, metric: o.metric as ObjectiveFields['metric'], network: o.network, accountId: o.account_id, topicId: o.topic_id,
    comparison: o.comparison, target: Number(o.target), relative: Number(o.relative) === 1, periodStart: iso(o.period_start), periodEnd: iso(o.period_end),
    progress: await evaluateObjective(r, o), createdAt: iso(o.created_at),
  };
}

export async function listObjectives(db: Kysely<Database>, workspaceId: string): Promise<ObjectiveRow[]> {
  return db.selectFrom('analytics_objectives').selectAll().where('workspace_id', '=', workspaceId).where('archived_at', 'is', null)
    .orderBy('period_end', 'desc').orderBy('created_at').limit(200).execute();
}

export async function getObjective(db: Kysely<Database>, workspaceId: string, id: string): Promise<ObjectiveRow> {
  const row = await db.selectFrom('analytics_objectives').selectAll().where('id', '=', id).where('workspace_id', '=', workspaceId)
    .where('archived_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound('objective');
  return row;
}

/** The account and topic an objective names must be the workspace's own. */
async function checkReferences(db: Kysely<Database>, workspaceId: string, o: ObjectiveFields): Promise<void> {
  const problems = objectiveProblems(o);
  // A misspelt network would leave the objective at zero for its whole period.
  if (o.network && !Object.hasOwn(NETWORKS, o.network)) problems.push({ path: 'network', message: 'No such network.' });
  if (o.accountId) {
    const a = await db.selectFrom('social_accounts').select('id').where('id', '=', o.accountId).where('workspace_id', '=', workspaceId).executeTakeFirst();
    if (!a) problems.push({ path: 'accountId', message: 'No such account in this workspace.' });
  }
  if (o.topicId) {
    const t = await db.selectFrom('listening_topics').select('kind').where('id', '=', o.topicId).where('workspace_id', '=', workspaceId).where('archived_at', 'is', null).executeTakeFirst();
    if (!t) problems.push({ path: 'topicId', message: 'No such listening topic in this workspace.' });
    // Share of voice is shared among the brand's and its competitors' topics only (listening-figures.ts).
    else if (o.metric === 'share_of_voice' && t.kind !== 'brand' && t.kind !== 'competitor') {
      problems.push({ path: 'topicId', message: 'Share of voice is measured for a brand or competitor topic.' });
    }
  }
  if (problems.length > 0) throw badRequest('invalid_objective', problems[0]!.message, { problems });
}

function columns(o: ObjectiveFields) {
  return {
    name: o.name, metric: o.metric, network: o.network ?? null, account_id: o.accountId ?? null, topic_id: o.topicId ?? null,
    comparison: o.comparison, target: o.target, relative: o.relative ? 1 : 0, period_start: Date.parse(o.periodStart), period_end: Date.parse(o.periodEnd),
  };
}

export async function createObjective(db: Kysely<Database>, workspaceId: string, userId: string, o: ObjectiveFields, now: number): Promise<ObjectiveRow> {
  await checkReferences(db, workspaceId, o);
  const id = crypto.randomUUID();
  await db.insertInto('analytics_objectives').values({ id, workspace_id: workspaceId, ...columns(o), warned_at: null, created_by: userId, created_at: now, updated_at: now, archived_at: null }).execute();
  return getObjective(db, workspaceId, id);
}

export async function updateObjective(db: Kysely<Database>, workspaceId: string, id: string, patch: Partial<ObjectiveFields>, now: number): Promise<ObjectiveRow> {
  const row = await getObjective(db, workspaceId, id);
  const merged: ObjectiveFields = {
    name: row.name, metric: row.metric as ObjectiveFields['metric'], network: row.network, accountId: row.account_id, topicId: row.topic_id,
    comparison: row.comparison, target: Number(row.target), relative: Number(row.relative) === 1, periodStart: iso(row.period_start), periodEnd: iso(row.period_end),
    ...patch,
  };
  await checkReferences(db, workspaceId, merged);
  // A new definition is judged afresh: a warning about the old one no longer holds.
  await db.updateTable('analytics_objectives').set({ ...columns(merged), status: 'pending', warned_at: null, updated_at: now })
    .where('id', '=', id).where('workspace_id', '=', workspaceId).execute();
  return getObjective(db, workspaceId, id);
}

export async function archiveObjective(db: Kysely<Database>, workspaceId: string, id: string, now: number): Promise<void> {
  await getObjective(db, workspaceId, id);
  await db.updateTable('analytics_objectives').set({ archived_at: now, updated_at: now }).where('id', '=', id).where('workspace_id', '=', workspaceId).execute();
}
