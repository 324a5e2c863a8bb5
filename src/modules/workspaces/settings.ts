import type { Kysely, Updateable } from 'kysely';
import type { Database, WorkspaceTable } from '../../store/schema.js';
import { AuditAction, recordAudit, type AuditActionName } from '../audit/service.js';
import { getWorkspace } from './service.js';
import type { Workspace } from './presenters.js';
import type { WorkspaceUpdate } from './schema.js';
import { rebuildRollups } from '../analytics/rollups/rebuild.js';

type TextSetting = 'name' | 'timezone' | 'locale' | 'weekStart';
type Switch = 'clientsSeeDrafts' | 'clientsSeeInternalComments' | 'clientsSeeInbox';

/** Each setting, its column and the audit event that tells a reader what changed. */
const SETTINGS: Record<TextSetting, { column: 'name' | 'timezone' | 'locale' | 'week_start'; action: AuditActionName }> = {
  name: { column: 'name', action: AuditAction.workspaceRenamed },
  timezone: { column: 'timezone', action: AuditAction.workspaceTimezoneChanged },
  locale: { column: 'locale', action: AuditAction.workspaceLocaleChanged },
  weekStart: { column: 'week_start', action: AuditAction.workspaceWeekStartChanged },
};

/** What the workspace shows its clients: on or off, kept as 1 or 0. */
const SWITCHES: Record<Switch, { column: 'clients_see_drafts' | 'clients_see_internal_comments' | 'clients_see_inbox'; action: AuditActionName }> = {
  clientsSeeDrafts: { column: 'clients_see_drafts', action: AuditAction.clientsSeeDraftsChanged },
  clientsSeeInternalComments: { column: 'clients_see_internal_comments', action: AuditAction.clientsSeeInternalCommentsChanged },
  clientsSeeInbox: { column: 'clients_see_inbox', action: AuditAction.clientsSeeInboxChanged },
};

// Both lists together name every field of the update: a new field must say how it is saved.
const _everyField: Record<keyof WorkspaceUpdate, true> = { name: true, timezone: true, locale: true, weekStart: true, clientsSeeDrafts: true, clientsSeeInternalComments: true, clientsSeeInbox: true };
void _everyField;

interface Meta {
  actorId: string;
  ip: string | null;
  now: number;
}

type Column = (typeof SETTINGS)[TextSetting]['column'] | (typeof SWITCHES)[Switch]['column'];

/** Saves the settings that differ from the current ones, one audit event each (from → to, or on / off). */
export async function updateWorkspaceSettings(db: Kysely<Database>, workspaceId: string, changes: WorkspaceUpdate, meta: Meta): Promise<Workspace> {
  return db.transaction().execute(async (trx) => {
    const before = await getWorkspace(trx, workspaceId);
    const set: Partial<Record<Column, string | number>> = {};
    const events: Array<{ action: AuditActionName; data: Record<string, unknown> }> = [];
    for (const key of Object.keys(SETTINGS) as TextSetting[]) {
      const to = changes[key];
      const { column, action } = SETTINGS[key];
      const from = before[column];
      if (to === undefined || to === from) continue;
      set[column] = to;
      events.push({ action, data: { from, to } });
    }
    for (const key of Object.keys(SWITCHES) as Switch[]) {
      const to = changes[key];
      const { column, action } = SWITCHES[key];
      if (to === undefined || to === (Number(before[column]) === 1)) continue;
      set[column] = to ? 1 : 0;
      events.push({ action, data: { enabled: to } });
    }
    if (events.length === 0) return before;
    await trx.updateTable('workspaces').set(set as Updateable<WorkspaceTable>).where('id', '=', workspaceId).execute();
    // Analytics' daily rollups file rows under the zone's local days: every day moves with it.
    if (set.timezone !== undefined) await rebuildRollups(trx, workspaceId, String(set.timezone));
    for (const e of events) {
      await recordAudit(
        trx,
        { action: e.action, workspaceId, actorId: meta.actorId, target: { type: 'workspace', id: workspaceId }, data: e.data, ip: meta.ip },
        meta.now,
      );
    }
    return { ...before, ...set } as Workspace;
  });
}
