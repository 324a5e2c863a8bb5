import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database } from '../../store/schema.js';
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationObject } from './kinds.js';
import { announceChanged } from './live.js';
import { NOTIFICATION_EMAIL } from './job-names.js';

export type NotificationParams = Record<string, string | number | null>;

export interface NotifyInput {
  workspaceId: string;
  kind: NotificationKind;
  recipients: readonly string[];
  object: { type: NotificationObject; id: string };
  /** Values for the kind's text: short, already cut with excerpt(). Rendered (and escaped) by the reader. */
  params?: NotificationParams;
  /** Who did it: never notified of their own action. */
  actorId?: string | null;
  /** The same key never notifies the same person twice (a retried job, a step asked again). */
  dedupeKey?: string;
  now: number;
}

/**
 * Notifies people of something that happened in a workspace, as part of the caller's transaction: the rows
 * and their e-mail jobs exist only if the change commits, and the e-mails go out from the worker afterwards.
 * Only current members are told, each as their preferences say.
 */
export async function notify(ctx: AppContext, db: Kysely<Database>, input: NotifyInput): Promise<number> {
  const wanted = [...new Set(input.recipients)].filter((id) => id !== input.actorId);
  if (wanted.length === 0) return 0;
  const members = await db
    .selectFrom('memberships')
    .leftJoin('notification_preferences as p', (j) => j.onRef('p.user_id', '=', 'memberships.user_id').on('p.kind', '=', input.kind))
    .select(['memberships.user_id', 'p.in_app', 'p.email'])
    .where('memberships.workspace_id', '=', input.workspaceId)
    .where('memberships.user_id', 'in', wanted)
    .execute();
  const { defaults } = NOTIFICATION_KINDS[input.kind];
  const rows = members
    .map((m) => ({
      userId: m.user_id,
      inApp: m.in_app === null ? defaults.inApp : Number(m.in_app) === 1,
      email: ctx.mailer.enabled && (m.email === null ? defaults.email : Number(m.email) === 1),
    }))
    .filter((r) => r.inApp || r.email)
    .map((r) => ({
      id: crypto.randomUUID(),
      workspace_id: input.workspaceId,
      user_id: r.userId,
      kind: input.kind,
      params: JSON.stringify(input.params ?? {}),
      object_type: input.object.type,
      object_id: input.object.id,
      actor_id: input.actorId ?? null,
      dedupe_key: input.dedupeKey ?? null,
      in_app: r.inApp ? 1 : 0,
      email: r.email ? 1 : 0,
      emailed_at: null,
      read_at: null,
      created_at: input.now,
    }));
  if (rows.length === 0) return 0;
  const inserted = await db
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .returning(['id', 'user_id', 'in_app', 'email'])
    .execute();
  const transaction = db.isTransaction ? (db as Transaction<Database>) : undefined;
  const mails = inserted.filter((r) => Number(r.email) === 1);
  if (mails.length > 0) {
    await ctx.jobs.queue.enqueueMany(
      mails.map((r) => ({
        type: NOTIFICATION_EMAIL,
        payload: { notificationId: r.id },
        idempotencyKey: `notification-email:${r.id}`,
        workspaceId: input.workspaceId,
      })),
      { transaction },
    );
  }
  await announceChanged(ctx.store, db, inserted.filter((r) => Number(r.in_app) === 1).map((r) => r.user_id));
  return inserted.length;
}
