import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { AuditAction, recordAudit, type AuditActionName } from '../audit/service.js';
import { getWorkspace } from './service.js';
import type { Workspace } from './presenters.js';
import type { WorkspaceUpdate } from './schema.js';

type Setting = keyof WorkspaceUpdate;

/** Each setting, its column and the audit event that tells a reader what changed. */
const SETTINGS: Record<Setting, { column: 'name' | 'timezone' | 'locale' | 'week_start'; action: AuditActionName }> = {
  name: { column: 'name', action: AuditAction.workspaceRenamed },
  timezone: { column: 'timezone', action: AuditAction.workspaceTimezoneChanged },
  locale: { column: 'locale', action: AuditAction.workspaceLocaleChanged },
  weekStart: { column: 'week_start', action: AuditAction.workspaceWeekStartChanged },
};

interface Meta {
  actorId: string;
  ip: string | null;
  now: number;
}

/** Saves the settings that differ from the current ones, one audit event each (from → to). */
export async function updateWorkspaceSettings(db: Kysely<Database>, workspaceId: string, changes: WorkspaceUpdate, meta: Meta): Promise<Workspace> {
  return db.transaction().execute(async (trx) => {
    const before = await getWorkspace(trx, workspaceId);
    const set: Partial<Record<(typeof SETTINGS)[Setting]['column'], string>> = {};
    const events: Array<{ action: AuditActionName; from: string; to: string }> = [];
    for (const key of Object.keys(SETTINGS) as Setting[]) {
      const to = changes[key];
      const { column, action } = SETTINGS[key];
      const from = before[column];
      if (to === undefined || to === from) continue;
      set[column] = to;
      events.push({ action, from, to });
    }
    if (events.length === 0) return before;
    await trx.updateTable('workspaces').set(set).where('id', '=', workspaceId).execute();
    for (const e of events) {
      await recordAudit(
        trx,
        { action: e.action, workspaceId, actorId: meta.actorId, target: { type: 'workspace', id: workspaceId }, data: { from: e.from, to: e.to }, ip: meta.ip },
        meta.now,
      );
    }
    return { ...before, ...set };
  });
}
