import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * SQLite's inbox search, newest first without sorting what it found. The FTS5 table's rowid becomes a time key,
 * the item's created_at in seconds above its own rowid (see SEARCH_KEY), so that FTS5 hands back matches newest
 * first and a page stops after fifty, however common the word. The table keeps no copy of the text (contentless);
 * the triggers give it the old values to forget. The workspace id is indexed without its dashes, as one word
 * rather than a phrase of five.
 *
 * Search-as-you-type completes the last word: FTS5 would merge the postings of every word that starts with it, in
 * every workspace, before giving the first match. inbox_search_terms lists each indexed word once, so that the
 * completions are looked up and searched as alternatives, read in order like any other word.
 */
export const SEARCH_KEY_SHIFT = 2147483648;
const KEY = (row: 'new' | 'old') => `(${row}.created_at / 1000) * ${SEARCH_KEY_SHIFT} + (${row}.rowid % ${SEARCH_KEY_SHIFT})`;

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  for (const t of ['inbox_items_fts_insert', 'inbox_items_fts_delete', 'inbox_items_fts_update']) await sql.raw(`drop trigger if exists ${t}`).execute(db);
  await sql`drop table if exists inbox_items_fts`.execute(db);
  await sql`create virtual table inbox_items_fts using fts5(text, workspace_id, content='', tokenize='unicode61 remove_diacritics 2')`.execute(db);
  await sql.raw(`create trigger inbox_items_fts_insert after insert on inbox_items begin
    insert into inbox_items_fts(rowid, text, workspace_id) values (${KEY('new')}, new.text, replace(new.workspace_id, '-', ''));
  end`).execute(db);
  await sql.raw(`create trigger inbox_items_fts_delete after delete on inbox_items begin
    insert into inbox_items_fts(inbox_items_fts, rowid, text, workspace_id) values ('delete', ${KEY('old')}, old.text, replace(old.workspace_id, '-', ''));
  end`).execute(db);
  await sql.raw(`create trigger inbox_items_fts_update after update of text, workspace_id, created_at on inbox_items begin
    insert into inbox_items_fts(inbox_items_fts, rowid, text, workspace_id) values ('delete', ${KEY('old')}, old.text, replace(old.workspace_id, '-', ''));
    insert into inbox_items_fts(rowid, text, workspace_id) values (${KEY('new')}, new.text, replace(new.workspace_id, '-', ''));
  end`).execute(db);
  // In key order: FTS5 writes its pending words out whenever a rowid comes below the previous one.
  await sql.raw(`insert into inbox_items_fts(rowid, text, workspace_id)
    select ${KEY('new').replaceAll('new.', '')} as key, text, replace(workspace_id, '-', '') from inbox_items order by key`).execute(db);

  await sql`create table inbox_search_terms (term text primary key) without rowid`.execute(db);
  await sql`create virtual table temp.inbox_search_vocab using fts5vocab(main, inbox_items_fts, row)`.execute(db);
  await sql`insert or ignore into inbox_search_terms (term) select term from temp.inbox_search_vocab`.execute(db);
  await sql`drop table temp.inbox_search_vocab`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql`drop table if exists inbox_search_terms`.execute(db);
  for (const t of ['inbox_items_fts_insert', 'inbox_items_fts_delete', 'inbox_items_fts_update']) await sql.raw(`drop trigger if exists ${t}`).execute(db);
  await sql`drop table if exists inbox_items_fts`.execute(db);
  await sql`create virtual table inbox_items_fts using fts5(text, workspace_id, content='inbox_items', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(db);
  await sql`create trigger inbox_items_fts_insert after insert on inbox_items begin
    insert into inbox_items_fts(rowid, text, workspace_id) values (new.rowid, new.text, new.workspace_id);
  end`.execute(db);
  await sql`create trigger inbox_items_fts_delete after delete on inbox_items begin
    insert into inbox_items_fts(inbox_items_fts, rowid, text, workspace_id) values ('delete', old.rowid, old.text, old.workspace_id);
  end`.execute(db);
  await sql`create trigger inbox_items_fts_update after update of text, workspace_id on inbox_items begin
    insert into inbox_items_fts(inbox_items_fts, rowid, text, workspace_id) values ('delete', old.rowid, old.text, old.workspace_id);
    insert into inbox_items_fts(rowid, text, workspace_id) values (new.rowid, new.text, new.workspace_id);
  end`.execute(db);
  await sql`insert into inbox_items_fts(inbox_items_fts) values ('rebuild')`.execute(db);
}
