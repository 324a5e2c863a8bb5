import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { ApprovalSteps, type ApprovalStep } from './approval-policy.js';

export interface PublishingSettings {
  approvalSteps: ApprovalStep[];
  pausedAt: number | null;
  pausedBy: string | null;
}

/** A workspace without a row publishes without approval and is not paused. */
export async function getSettings(db: Kysely<Database>, workspaceId: string): Promise<PublishingSettings> {
  const row = await db.selectFrom('publishing_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) return { approvalSteps: [], pausedAt: null, pausedBy: null };
  const steps = ApprovalSteps.safeParse(JSON.parse(row.approval_steps));
  return { approvalSteps: steps.success ? steps.data : [], pausedAt: row.paused_at, pausedBy: row.paused_by };
}

export async function saveSettings(
  db: Kysely<Database>,
  workspaceId: string,
  changes: Partial<PublishingSettings>,
  now: number,
): Promise<PublishingSettings> {
  const next = { ...(await getSettings(db, workspaceId)), ...changes };
  const values = {
    approval_steps: JSON.stringify(next.approvalSteps),
    paused_at: next.pausedAt,
    paused_by: next.pausedBy,
    updated_at: now,
  };
  await db
    .insertInto('publishing_settings')
    .values({ workspace_id: workspaceId, ...values })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet(values))
    .execute();
  return next;
}
