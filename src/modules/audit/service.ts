import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { AuditActionName, AuditData, AuditTargetType } from '../../shared/audit.js';

export { AuditAction, type AuditActionName } from '../../shared/audit.js';

/** The data an action's row carries (see AuditData): checked where the row is written. */
export type AuditDataOf<A extends AuditActionName> = A extends keyof AuditData ? AuditData[A] : Record<string, unknown>;

export interface AuditEntry<A extends AuditActionName = AuditActionName> {
  action: A;
  workspaceId?: string | null;
  actorId?: string | null;
  target?: { type: AuditTargetType; id: string };
  data?: AuditDataOf<A>;
  ip?: string | null;
}

/** Appends to the audit log; takes a transaction so the entry commits with the change it records. */
export async function recordAudit<A extends AuditActionName>(db: Kysely<Database>, entry: AuditEntry<A>, now = Date.now()): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: crypto.randomUUID(),
      workspace_id: entry.workspaceId ?? null,
      actor_id: entry.actorId ?? null,
      action: entry.action,
      target_type: entry.target?.type ?? null,
      target_id: entry.target?.id ?? null,
      data: JSON.stringify(entry.data ?? {}),
      ip: entry.ip ?? null,
      created_at: now,
    })
    .execute();
}
