import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { Store } from '../../store/database.js';
import type { InboxStatus } from '../../store/inbox-schema.js';
import { AppError, badRequest, conflict, notFound } from '../../http/errors.js';
import { parseJson } from './presenters.js';
import { announce } from './live.js';
import { auditNote, auditTriage, type TriageChanges } from './audit.js';

export interface TriageScope {
  store: Store;
  workspaceId: string;
  userId: string;
  /** Where the request came from, for the audit log. */
  ip?: string | null;
  now: number;
}

export interface ItemChange {
  status?: InboxStatus;
  assigneeId?: string | null;
  /** Replaces the labels. */
  labels?: string[];
  addLabels?: string[];
  removeLabels?: string[];
}

const cleanLabels = (labels: string[]) => [...new Set(labels.map((l) => l.trim()).filter(Boolean))].sort();

/**
 * Changes an item's status, assignee or labels. Labels live twice, written together: inbox_item_labels (what the
 * filters read) and the item's JSON copy (what the list shows). An item with an open ticket is not done until a
 * public reply went out on the network: the department's answer has to reach the person who complained.
 */
export async function changeItem(scope: TriageScope, itemId: string, change: ItemChange): Promise<void> {
  await scope.store.db.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom('inbox_items')
      .innerJoin('inbox_authors', 'inbox_authors.id', 'inbox_items.author_id')
      .select(['inbox_items.id', 'inbox_items.status', 'inbox_items.labels', 'inbox_items.first_reply_at', 'inbox_items.assignee_id', 'inbox_items.created_at', 'inbox_items.network', 'inbox_authors.handle'])
      .where('inbox_items.id', '=', itemId)
      .where('inbox_items.workspace_id', '=', scope.workspaceId)
      .executeTakeFirst();
    if (!item) throw notFound('item');
    const audited: TriageChanges = {};
    const set: Partial<{ status: InboxStatus; status_changed_at: number; assignee_id: string | null; labels: string }> = {};
    if (change.status && change.status !== item.status) {
      if (change.status === 'done' && item.first_reply_at === null && (await hasOpenTicket(trx, itemId))) {
        throw conflict('ticket_open', 'This item has an open ticket: send a public reply on the network before marking it done.');
      }
      set.status = change.status;
      set.status_changed_at = scope.now;
      audited.status = { from: item.status, to: change.status };
    }
    if (change.assigneeId !== undefined && change.assigneeId !== item.assignee_id) {
      if (change.assigneeId !== null) await assertMember(trx, scope.workspaceId, change.assigneeId);
      set.assignee_id = change.assigneeId;
      audited.assigneeId = change.assigneeId;
    }
    if (change.labels || change.addLabels || change.removeLabels) {
      const before = parseJson<string[]>(item.labels, []);
      const removed = new Set(change.removeLabels ?? []);
      const after = cleanLabels([...(change.labels ?? before), ...(change.addLabels ?? [])].filter((l) => !removed.has(l)));
      if (after.length > 20) throw badRequest('too_many_labels', 'An item holds at most 20 labels.');
      if (after.join('\n') !== [...before].sort().join('\n')) {
        await trx.deleteFrom('inbox_item_labels').where('item_id', '=', itemId).execute();
        if (after.length > 0) {
          await trx.insertInto('inbox_item_labels').values(after.map((label) => ({ item_id: itemId, workspace_id: scope.workspaceId, label, item_created_at: Number(item.created_at) }))).execute();
        }
        set.labels = JSON.stringify(after);
        audited.labels = { added: after.filter((l) => !before.includes(l)), removed: before.filter((l) => !after.includes(l)) };
      }
    }
    if (Object.keys(set).length === 0) return;
    await trx.updateTable('inbox_items').set(set).where('id', '=', itemId).execute();
    await auditTriage(trx, scope, { id: itemId, handle: item.handle, network: item.network }, audited);
  });
  await announce(scope.store, scope.workspaceId, [itemId]);
}

async function hasOpenTicket(db: Kysely<Database> | Transaction<Database>, itemId: string): Promise<boolean> {
  const t = await db.selectFrom('tickets').select('id').where('item_id', '=', itemId).where('status', '!=', 'closed').executeTakeFirst();
  return !!t;
}

async function assertMember(db: Kysely<Database> | Transaction<Database>, workspaceId: string, userId: string) {
  const m = await db.selectFrom('memberships').select('role').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
  if (!m) throw badRequest('not_a_member', 'Items are assigned to members of this workspace only.');
}

/** The same change on many items; each answers for itself, so one refusal does not stop the others. */
export async function changeItems(scope: TriageScope, itemIds: string[], change: ItemChange) {
  const results: Array<{ id: string; ok: boolean; error: string | null }> = [];
  for (const id of [...new Set(itemIds)]) {
    try {
      await changeItem(scope, id, change);
      results.push({ id, ok: true, error: null });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ id, ok: false, error: err.message });
    }
  }
  return results;
}

export async function addNote(scope: TriageScope, itemId: string, body: string) {
  const { db } = scope.store;
  const item = await db
    .selectFrom('inbox_items')
    .innerJoin('inbox_authors', 'inbox_authors.id', 'inbox_items.author_id')
    .select(['inbox_items.id', 'inbox_items.network', 'inbox_authors.handle'])
    .where('inbox_items.id', '=', itemId)
    .where('inbox_items.workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!item) throw notFound('item');
  const note = { id: crypto.randomUUID(), item_id: itemId, workspace_id: scope.workspaceId, author_id: scope.userId, body, created_at: scope.now };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('inbox_notes').values(note).execute();
    await auditNote(trx, scope, item);
  });
  await announce(scope.store, scope.workspaceId, [itemId]);
  return note;
}
