import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import { conflict, notFound } from '../../http/errors.js';
import type { Database } from '../../store/schema.js';
import { getSettings } from '../publishing/settings.js';
import { pausePublishing, resumePublishing } from '../publishing/crisis.js';
import { iso } from './route-common.js';

export type CrisisLogKind = 'opened' | 'paused' | 'resumed' | 'note' | 'statement' | 'alert' | 'closed';

interface Actor {
  userId: string;
  ip: string | null;
}

async function log(db: Kysely<Database>, crisisId: string, workspaceId: string, userId: string | null, kind: CrisisLogKind, body: string, at: number) {
  const entry = { id: crypto.randomUUID(), crisis_id: crisisId, workspace_id: workspaceId, user_id: userId, kind, body: body.slice(0, 5000), at };
  await db.insertInto('listening_crisis_log').values(entry).execute();
  return entry;
}

async function crisisRow(db: Kysely<Database>, workspaceId: string, crisisId: string) {
  const row = await db.selectFrom('listening_crises').selectAll().where('id', '=', crisisId).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) throw notFound('crisis');
  return row;
}

async function names(db: Kysely<Database>, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('user').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function crisisView(db: Kysely<Database>, workspaceId: string, crisisId: string) {
  const c = await crisisRow(db, workspaceId, crisisId);
  const who = await names(db, [c.opened_by]);
  return {
    id: c.id, title: c.title, status: c.status, alertId: c.alert_id, pausedPublishing: Number(c.paused_publishing) === 1,
    holdingStatement: c.holding_statement, openedBy: { id: c.opened_by, name: who.get(c.opened_by) ?? '' }, openedAt: iso(c.opened_at)!, closedAt: iso(c.closed_at),
  };
}

export async function listCrises(db: Kysely<Database>, workspaceId: string) {
  const rows = await db.selectFrom('listening_crises').select('id').where('workspace_id', '=', workspaceId).orderBy('opened_at', 'desc').limit(100).execute();
  return Promise.all(rows.map((r) => crisisView(db, workspaceId, r.id)));
}

export async function crisisLog(db: Kysely<Database>, workspaceId: string, crisisId: string) {
  const rows = await db.selectFrom('listening_crisis_log').selectAll().where('crisis_id', '=', crisisId).where('workspace_id', '=', workspaceId).orderBy('at').orderBy('id').execute();
  const who = await names(db, rows.map((r) => r.user_id));
  return rows.map((r) => ({ id: r.id, kind: r.kind, body: r.body, at: iso(r.at)!, user: r.user_id ? { id: r.user_id, name: who.get(r.user_id) ?? '' } : null }));
}

/**
 * Crisis mode in one click: a room with the alert's evidence, a holding statement drafted from a saved reply, and a
 * log of who did what; and, when asked, the workspace's scheduled publishing paused (the existing switch).
 */
export async function openCrisis(ctx: AppContext, workspaceId: string, actor: Actor, input: { alertId?: string; title: string; pausePublishing: boolean; savedReplyId?: string }) {
  const { db } = ctx.store;
  const now = ctx.clock.now();
  const alert = input.alertId ? await db.selectFrom('listening_alerts').select(['id', 'crisis_id']).where('id', '=', input.alertId).where('workspace_id', '=', workspaceId).executeTakeFirst() : null;
  if (input.alertId && !alert) throw notFound('alert');
  if (alert?.crisis_id) throw conflict('crisis_already_open', 'A crisis room is already open for this alert.');
  const saved = input.savedReplyId ? await db.selectFrom('saved_replies').select(['body']).where('id', '=', input.savedReplyId).where('workspace_id', '=', workspaceId).executeTakeFirst() : null;
  if (input.savedReplyId && !saved) throw notFound('saved reply');
  // Already paused by someone else: the room notes it but will not resume what it did not pause.
  const alreadyPaused = (await getSettings(db, workspaceId)).pausedAt !== null;
  const pausing = input.pausePublishing && !alreadyPaused;
  if (pausing) await pausePublishing(ctx, workspaceId, actor);
  const id = crypto.randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('listening_crises').values({
      id, workspace_id: workspaceId, alert_id: alert?.id ?? null, title: input.title.slice(0, 200), status: 'open', paused_publishing: pausing ? 1 : 0,
      holding_statement: saved?.body ?? '', opened_by: actor.userId, opened_at: now, closed_by: null, closed_at: null,
    }).execute();
    await log(trx, id, workspaceId, actor.userId, 'opened', input.title, now);
    if (alert) {
      await trx.updateTable('listening_alerts').set({ status: 'crisis', crisis_id: id }).where('id', '=', alert.id).execute();
      await log(trx, id, workspaceId, null, 'alert', alert.id, now);
    }
    if (pausing) await log(trx, id, workspaceId, actor.userId, 'paused', '', now);
    if (saved) await log(trx, id, workspaceId, actor.userId, 'statement', saved.body, now);
  });
  return crisisView(db, workspaceId, id);
}

async function openOnly(db: Kysely<Database>, workspaceId: string, crisisId: string) {
  const c = await crisisRow(db, workspaceId, crisisId);
  if (c.status !== 'open') throw conflict('crisis_closed', 'This crisis is closed: its room is kept as it was.');
  return c;
}

export async function addCrisisNote(ctx: AppContext, workspaceId: string, crisisId: string, userId: string, body: string) {
  await openOnly(ctx.store.db, workspaceId, crisisId);
  const e = await log(ctx.store.db, crisisId, workspaceId, userId, 'note', body, ctx.clock.now());
  const who = await names(ctx.store.db, [userId]);
  return { id: e.id, kind: e.kind, body: e.body, at: iso(e.at)!, user: { id: userId, name: who.get(userId) ?? '' } };
}

export async function updateCrisis(ctx: AppContext, workspaceId: string, crisisId: string, userId: string, input: { title?: string; holdingStatement?: string }) {
  const { db } = ctx.store;
  const c = await openOnly(db, workspaceId, crisisId);
  const now = ctx.clock.now();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('listening_crises').set({
      ...(input.title !== undefined ? { title: input.title.slice(0, 200) } : {}),
      ...(input.holdingStatement !== undefined ? { holding_statement: input.holdingStatement.slice(0, 10_000) } : {}),
    }).where('id', '=', crisisId).execute();
    if (input.holdingStatement !== undefined && input.holdingStatement !== c.holding_statement) await log(trx, crisisId, workspaceId, userId, 'statement', input.holdingStatement, now);
  });
  return crisisView(db, workspaceId, crisisId);
}

/** Closes the room; resumes publishing when asked and when the room was what paused it (overdue posts go out now). */
export async function closeCrisis(ctx: AppContext, workspaceId: string, crisisId: string, actor: Actor, input: { resumePublishing: boolean; summary?: string }) {
  const { db } = ctx.store;
  const c = await openOnly(db, workspaceId, crisisId);
  const now = ctx.clock.now();
  const paused = (await getSettings(db, workspaceId)).pausedAt !== null;
  const resuming = input.resumePublishing && Number(c.paused_publishing) === 1 && paused;
  if (resuming) await resumePublishing(ctx, workspaceId, actor, { overdue: 'publish_now' });
  await db.transaction().execute(async (trx) => {
    if (resuming) await log(trx, crisisId, workspaceId, actor.userId, 'resumed', '', now);
    await log(trx, crisisId, workspaceId, actor.userId, 'closed', input.summary ?? '', now);
    await trx.updateTable('listening_crises').set({ status: 'closed', closed_by: actor.userId, closed_at: now }).where('id', '=', c.id).execute();
  });
  return crisisView(db, workspaceId, crisisId);
}
