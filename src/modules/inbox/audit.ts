import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { AuditAction, recordAudit } from '../audit/service.js';

/** Who changed the item, from where, and when: what an audit row of the inbox records beside the change. */
export interface AuditScope {
  workspaceId: string;
  userId: string;
  ip?: string | null;
  now: number;
}

/** The item as its rows name it: its author's handle on its network, read when the change is made. */
export interface AuditedItem {
  id: string;
  handle: string;
  network: string;
}

export interface TriageChanges {
  status?: { from: string; to: string };
  /** The new assignee's id, or null when the assignment was taken off. */
  assigneeId?: string | null;
  labels?: { added: string[]; removed: string[] };
}

/** One audit row per kind of change, in the transaction that makes it. */
export async function auditTriage(db: Kysely<Database>, scope: AuditScope, item: AuditedItem, changes: TriageChanges): Promise<void> {
  const base = { workspaceId: scope.workspaceId, actorId: scope.userId, target: { type: 'inbox_item' as const, id: item.id }, ip: scope.ip ?? null };
  const who = { handle: item.handle, network: item.network };
  if (changes.status) {
    await recordAudit(db, { ...base, action: AuditAction.inboxStatusChanged, data: { ...changes.status, ...who } }, scope.now);
  }
  if (changes.assigneeId !== undefined) {
    const assignee = changes.assigneeId === null ? null : await db.selectFrom('user').select('name').where('id', '=', changes.assigneeId).executeTakeFirst();
    await recordAudit(db, { ...base, action: AuditAction.inboxAssigned, data: { assignee: assignee?.name ?? null, ...who } }, scope.now);
  }
  if (changes.labels) {
    await recordAudit(db, { ...base, action: AuditAction.inboxLabelsChanged, data: { ...changes.labels, ...who } }, scope.now);
  }
}

export async function auditNote(db: Kysely<Database>, scope: AuditScope, item: AuditedItem): Promise<void> {
  await recordAudit(db, {
    workspaceId: scope.workspaceId, actorId: scope.userId, target: { type: 'inbox_item', id: item.id }, ip: scope.ip ?? null,
    action: AuditAction.inboxNoteAdded, data: { handle: item.handle, network: item.network },
  }, scope.now);
}
