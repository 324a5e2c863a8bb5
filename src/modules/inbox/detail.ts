import type { FilterScope } from './filters.js';
import { AUTHOR_COLUMNS, ITEM_COLUMNS, parseJson, presentAuthor, presentItem, presentLog, presentReply, type JoinedRow } from './presenters.js';
import { replyCounts } from './list.js';
import { notFound } from '../../http/errors.js';
import type { ThreadContextEntry } from '../../connectors/types.js';

type Scope = Pick<FilterScope, 'store' | 'workspaceId'>;

const itemsQuery = (scope: Scope) =>
  scope.store.db
    .selectFrom('inbox_items as i')
    .innerJoin('inbox_authors as a', 'a.id', 'i.author_id')
    .select([...ITEM_COLUMNS, ...AUTHOR_COLUMNS])
    .where('i.workspace_id', '=', scope.workspaceId);

/** One item of the workspace, or "not found" (also for another workspace's item). */
export async function loadItem(scope: Scope, itemId: string): Promise<JoinedRow> {
  const row = (await itemsQuery(scope).where('i.id', '=', itemId).executeTakeFirst()) as JoinedRow | undefined;
  if (!row) throw notFound('item');
  return row;
}

async function present(scope: Scope, rows: JoinedRow[]) {
  const counts = await replyCounts({ ...scope, userId: '' }, rows.map((r) => r.id));
  return rows.map((r) => presentItem(r, counts.get(r.id) ?? 0));
}

async function ticketsOf(scope: Scope, where: { itemIds: string[] }) {
  if (where.itemIds.length === 0) return [];
  const rows = await scope.store.db
    .selectFrom('tickets as t')
    .leftJoin('departments as d', 'd.id', 't.department_id')
    .select(['t.id', 't.department_id', 'd.name as department_name', 't.status', 't.owner_id', 't.due_at', 't.created_at'])
    .where('t.workspace_id', '=', scope.workspaceId)
    .where('t.item_id', 'in', where.itemIds)
    .orderBy('t.created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((t) => ({
    id: t.id, departmentId: t.department_id, departmentName: t.department_name ?? null, status: t.status, ownerId: t.owner_id,
    dueAt: Number(t.due_at), createdAt: Number(t.created_at),
  }));
}

/**
 * An item with its conversation (oldest first), the posts above it, notes, replies, tickets and moderation. The
 * team's internal notes only when `notes` says the reader may see them.
 */
export async function itemDetail(scope: Scope, itemId: string, options: { notes: boolean } = { notes: true }) {
  const row = await loadItem(scope, itemId);
  const { db } = scope.store;
  const [thread, notes, replies, tickets, moderation] = await Promise.all([
    itemsQuery(scope).where('i.thread_key', '=', row.thread_key).orderBy('i.created_at', 'asc').orderBy('i.id', 'asc').limit(200).execute(),
    options.notes
      ? db.selectFrom('inbox_notes as n').leftJoin('user as u', 'u.id', 'n.author_id')
        .select(['n.id', 'n.author_id', 'u.name as author_name', 'n.body', 'n.created_at'])
        .where('n.item_id', '=', itemId).where('n.workspace_id', '=', scope.workspaceId).orderBy('n.created_at', 'asc').limit(500).execute()
      : [],
    db.selectFrom('inbox_replies').selectAll().where('item_id', '=', itemId).where('workspace_id', '=', scope.workspaceId).orderBy('created_at', 'asc').limit(200).execute(),
    ticketsOf(scope, { itemIds: [itemId] }),
    db.selectFrom('moderation_log').selectAll().where('item_id', '=', itemId).where('workspace_id', '=', scope.workspaceId).orderBy('created_at', 'asc').limit(200).execute(),
  ]);
  const [item] = await present(scope, [row]);
  return {
    item: item!,
    thread: await present(scope, thread as unknown as JoinedRow[]),
    context: parseJson<unknown[]>(row.context, []) as ThreadContextEntry[],
    notes: notes.map((n) => ({ id: n.id, authorId: n.author_id, authorName: n.author_name ?? null, body: n.body, createdAt: Number(n.created_at) })),
    notesVisible: options.notes,
    replies: replies.map(presentReply),
    tickets,
    moderation: moderation.map(presentLog),
  };
}

/** The author's card: who they are, their latest items here, and what the team did about them. */
export async function authorCard(scope: Scope, authorId: string) {
  const { db } = scope.store;
  const author = await db.selectFrom('inbox_authors').selectAll().where('id', '=', authorId).where('workspace_id', '=', scope.workspaceId).executeTakeFirst();
  if (!author) throw notFound('author');
  const items = (await itemsQuery(scope).where('i.author_id', '=', authorId).orderBy('i.created_at', 'desc').limit(20).execute()) as unknown as JoinedRow[];
  const [actions, replied] = await Promise.all([
    db.selectFrom('moderation_log').selectAll().where('workspace_id', '=', scope.workspaceId).where('author_id', '=', authorId).orderBy('created_at', 'desc').limit(50).execute(),
    db.selectFrom('inbox_replies as r').innerJoin('inbox_items as i', 'i.id', 'r.item_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('i.author_id', '=', authorId).where('r.workspace_id', '=', scope.workspaceId).where('r.status', '=', 'sent').executeTakeFirst(),
  ]);
  return {
    author: presentAuthor(author),
    items: await present(scope, items),
    actions: actions.map(presentLog),
    replies: Number(replied?.n ?? 0),
    tickets: await ticketsOf(scope, { itemIds: items.map((i) => i.id) }),
  };
}
