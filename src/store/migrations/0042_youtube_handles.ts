import { sql, type Kysely } from 'kysely';

/**
 * YouTube channels were connected with the "@" of YouTube's `customUrl` in their handle, which the interface
 * doubled ("@@cafelumiere"). Every network's handle is kept without it: the channels lose theirs, and so do the
 * copies written beside a channel's events (a post's history, the notifications about the account).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('social_accounts')
    .set({ handle: sql`ltrim(handle, '@')` })
    .where('network', '=', 'youtube')
    .where('handle', 'like', '@%')
    .where(sql`ltrim(handle, '@')`, '<>', '')
    .execute();
  await stripCopies(db, 'post_events', 'data', (q) => q);
  await stripCopies(db, 'notifications', 'params', (q) => q.where('object_type', '=', 'account'));
}

/** Handles copied into JSON text: only a YouTube one, only its leading "@"; read by pages, so a large table fits. */
async function stripCopies(db: Kysely<any>, table: string, column: string, scope: (q: any) => any): Promise<void> {
  const PAGE = 500;
  let after = '';
  for (;;) {
    const rows: Array<{ id: string; json: string }> = await scope(
      db.selectFrom(table).select(['id', `${column} as json`]).where('id', '>', after).where(column, 'like', '%"handle":"@%'),
    )
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const value = parse(row.json);
      if (!value || value.network !== 'youtube' || typeof value.handle !== 'string') continue;
      const handle = value.handle.replace(/^@+/, '');
      if (!handle || handle === value.handle) continue;
      await db.updateTable(table).set({ [column]: JSON.stringify({ ...value, handle }) }).where('id', '=', row.id).execute();
    }
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
  }
}

function parse(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export async function down(): Promise<void> {
  // The "@" was never part of the handle: nothing to put back.
}
