import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { NotificationPreferencesView } from '../../shared/notifications.js';
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_NAMES, type NotificationKind } from './kinds.js';
import { presentNotification } from './presenters.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';

/**
 * What a person sees: their own notifications, shown in the app, of workspaces they still belong to.
 * Leaving a workspace hides its notifications at once.
 */
function visible(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('notifications as n')
    .innerJoin('memberships as m', (j) => j.onRef('m.workspace_id', '=', 'n.workspace_id').onRef('m.user_id', '=', 'n.user_id'))
    .where('n.user_id', '=', userId)
    .where('n.in_app', '=', 1);
}

export async function unreadCount(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await visible(db, userId).select((eb) => eb.fn.countAll<number>().as('n')).where('n.read_at', 'is', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface ListOptions {
  cursor?: string;
  limit: number;
  unreadOnly?: boolean;
  workspaceId?: string;
}

export async function listNotifications(db: Kysely<Database>, userId: string, opts: ListOptions) {
  let q = visible(db, userId)
    .innerJoin('workspaces as w', 'w.id', 'n.workspace_id')
    .leftJoin('user as a', 'a.id', 'n.actor_id')
    .select([
      'n.id', 'n.kind', 'n.workspace_id', 'w.name as workspace_name', 'n.params', 'n.object_type', 'n.object_id', 'n.actor_id',
      'a.name as actor_name', 'n.created_at', 'n.read_at',
    ]);
  if (opts.unreadOnly) q = q.where('n.read_at', 'is', null);
  if (opts.workspaceId) q = q.where('n.workspace_id', '=', opts.workspaceId);
  const cursor = decodeCursor(opts.cursor);
  if (cursor) q = q.where(sql<boolean>`(n.created_at, n.id) < (${cursor.at}, ${cursor.id})`);
  const rows = await q.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(opts.limit + 1).execute();
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(presentNotification),
    nextCursor: rows.length > opts.limit && last ? encodeCursor(Number(last.created_at), last.id) : null,
  };
}

/** Marks one as read; false when it is not the caller's (or not visible to them). */
export async function markRead(db: Kysely<Database>, userId: string, id: string, now: number): Promise<boolean> {
  const mine = await visible(db, userId).select(['n.id', 'n.read_at']).where('n.id', '=', id).executeTakeFirst();
  if (!mine) return false;
  if (mine.read_at === null) await db.updateTable('notifications').set({ read_at: now }).where('id', '=', id).where('read_at', 'is', null).execute();
  return true;
}

export async function markAllRead(db: Kysely<Database>, userId: string, now: number, workspaceId?: string): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (workspaceId) q = q.where('workspace_id', '=', workspaceId);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function getPreferences(db: Kysely<Database>, userId: string, emailAvailable: boolean): Promise<NotificationPreferencesView> {
  const rows = await db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).execute();
  const settings = await db.selectFrom('notification_settings').select('locale').where('user_id', '=', userId).executeTakeFirst();
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return {
    locale: settings?.locale === 'fr' || settings?.locale === 'en' ? settings.locale : null,
    emailAvailable,
    kinds: NOTIFICATION_KIND_NAMES.map((kind) => {
      const row = byKind.get(kind);
      const { defaults } = NOTIFICATION_KINDS[kind];
      return { kind, inApp: row ? Number(row.in_app) === 1 : defaults.inApp, email: row ? Number(row.email) === 1 : defaults.email };
    }),
  };
}

export interface PreferencesChange {
  locale?: 'en' | 'fr' | null;
  kinds?: Array<{ kind: NotificationKind; inApp?: boolean; email?: boolean }>;
}

export async function savePreferences(db: Kysely<Database>, userId: string, change: PreferencesChange, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (change.locale !== undefined) {
      await trx
        .insertInto('notification_settings')
        .values({ user_id: userId, locale: change.locale, updated_at: now })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ locale: change.locale, updated_at: now }))
        .execute();
    }
    const current = await getPreferences(trx, userId, true);
    for (const k of change.kinds ?? []) {
      const was = current.kinds.find((c) => c.kind === k.kind)!;
      const values = { in_app: (k.inApp ?? was.inApp) ? 1 : 0, email: (k.email ?? was.email) ? 1 : 0, updated_at: now };
      await trx
        .insertInto('notification_preferences')
        .values({ user_id: userId, kind: k.kind, ...values })
        .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet(values))
        .execute();
    }
  });
}
