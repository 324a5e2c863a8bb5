import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database } from '../../store/schema.js';
import { notify } from '../notifications/notify.js';
import { membersWithRoles } from '../notifications/recipients.js';
import { NotificationKind } from '../notifications/kinds.js';
import { excerpt } from '../notifications/excerpt.js';
import { parseList, type ModeratedRow } from './items.js';

/** Adds a label to an item (its label rows, and the JSON copy the item carries). */
export async function addLabel(db: Kysely<Database>, workspaceId: string, itemId: string, label: string): Promise<boolean> {
  const added = await db
    .insertInto('inbox_item_labels')
    .columns(['item_id', 'workspace_id', 'label', 'item_created_at'])
    .expression((eb) =>
      eb.selectFrom('inbox_items').select((s) => [s.ref('id').as('item_id'), s.ref('workspace_id').as('workspace_id'), s.val(label).as('label'), s.ref('created_at').as('item_created_at')])
        .where('id', '=', itemId).where('workspace_id', '=', workspaceId),
    )
    .onConflict((oc) => oc.columns(['item_id', 'label']).doNothing())
    .returning('label')
    .executeTakeFirst();
  if (!added) return false;
  const row = await db.selectFrom('inbox_items').select('labels').where('id', '=', itemId).executeTakeFirst();
  const labels = [...new Set([...parseList(row?.labels ?? '[]'), label])];
  await db.updateTable('inbox_items').set({ labels: JSON.stringify(labels) }).where('id', '=', itemId).execute();
  return true;
}

/** Assigns an item to a member of its workspace; someone who left is not assigned. */
export async function assignItem(db: Kysely<Database>, workspaceId: string, itemId: string, userId: string): Promise<boolean> {
  const member = await db.selectFrom('memberships').select('user_id').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
  if (!member) return false;
  await db.updateTable('inbox_items').set({ assignee_id: userId }).where('id', '=', itemId).where('workspace_id', '=', workspaceId).execute();
  return true;
}

/** The roles an escalation reaches: those who run the workspace and those who moderate it. */
const ESCALATION_ROLES = ['owner', 'admin', 'community_manager'] as const;

/** Tells admins and community managers, in the app and by e-mail as their preferences say; once per item and rule. */
export async function escalate(ctx: AppContext, db: Kysely<Database>, row: ModeratedRow, rule: { id: string; name: string }, now: number): Promise<number> {
  const recipients = await membersWithRoles(db, row.item.workspace_id, ESCALATION_ROLES);
  return notify(ctx, db, {
    workspaceId: row.item.workspace_id,
    kind: NotificationKind.moderationEscalated,
    recipients,
    object: { type: 'inbox_item', id: row.item.id },
    params: { ruleName: excerpt(rule.name, 80), handle: excerpt(row.author.handle, 80), excerpt: excerpt(row.item.text), network: row.item.network },
    dedupeKey: `moderation.escalated:${row.item.id}:${rule.id}`,
    now,
  });
}
