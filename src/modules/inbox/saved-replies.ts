import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { SavedReplyTable } from '../../store/inbox-schema.js';
import { notFound } from '../../http/errors.js';

export const presentSaved = (r: Selectable<SavedReplyTable>) => ({
  id: r.id, title: r.title, body: r.body, language: r.language, createdBy: r.created_by, createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
});

/** The workspace's saved replies; those in `preferLanguage` (the item's) first, then by title. */
export async function listSaved(db: Kysely<Database>, workspaceId: string, preferLanguage?: string) {
  const rows = await db.selectFrom('saved_replies').selectAll().where('workspace_id', '=', workspaceId).orderBy('title').limit(500).execute();
  const rank = (r: { language: string }) => (preferLanguage && r.language === preferLanguage ? 0 : 1);
  return rows.sort((a, b) => rank(a) - rank(b)).map(presentSaved);
}

export async function createSaved(db: Kysely<Database>, workspaceId: string, userId: string, body: { title: string; body: string; language: string }, now: number) {
  const row = { id: crypto.randomUUID(), workspace_id: workspaceId, ...body, created_by: userId, created_at: now, updated_at: now };
  await db.insertInto('saved_replies').values(row).execute();
  return presentSaved(row);
}

export async function loadSaved(db: Kysely<Database>, workspaceId: string, id: string) {
  const row = await db.selectFrom('saved_replies').selectAll().where('id', '=', id).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) throw notFound('saved reply');
  return row;
}

export async function updateSaved(db: Kysely<Database>, workspaceId: string, id: string, patch: Partial<{ title: string; body: string; language: string }>, now: number) {
  await loadSaved(db, workspaceId, id);
  await db.updateTable('saved_replies').set({ ...patch, updated_at: now }).where('id', '=', id).where('workspace_id', '=', workspaceId).execute();
  return presentSaved(await loadSaved(db, workspaceId, id));
}

export async function deleteSaved(db: Kysely<Database>, workspaceId: string, id: string) {
  const res = await db.deleteFrom('saved_replies').where('id', '=', id).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound('saved reply');
}

export interface ReplyVariables {
  /** The author's @handle. */
  author: string;
  /** The first word of their display name, or their handle. */
  first_name: string;
  /** The workspace's name. */
  brand: string;
}

/** {author}, {first_name} and {brand} replaced; any other brace is left as written. */
export function fillVariables(template: string, vars: ReplyVariables): string {
  return template.replace(/\{(author|first_name|brand)\}/g, (_, name: keyof ReplyVariables) => vars[name]);
}

export function variablesFor(author: { handle: string; display_name: string | null }, workspaceName: string): ReplyVariables {
  const handle = author.handle.replace(/^@/, '');
  const first = (author.display_name ?? '').trim().split(/\s+/u)[0];
  return { author: `@${handle}`, first_name: first || handle, brand: workspaceName };
}

/** A saved reply written out for one item. */
export async function renderSaved(db: Kysely<Database>, workspaceId: string, savedId: string, itemId: string): Promise<string> {
  const saved = await loadSaved(db, workspaceId, savedId);
  const row = await db
    .selectFrom('inbox_items as i')
    .innerJoin('inbox_authors as a', 'a.id', 'i.author_id')
    .innerJoin('workspaces as w', 'w.id', 'i.workspace_id')
    .select(['a.handle', 'a.display_name', 'w.name'])
    .where('i.id', '=', itemId)
    .where('i.workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!row) throw notFound('item');
  return fillVariables(saved.body, variablesFor(row, row.name));
}
