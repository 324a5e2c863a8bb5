import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { PG_SEARCH_VECTOR } from '../../modules/inbox/fold.js';

/**
 * The inbox list at scale: keyset indexes for "newest" and "riskiest" first, one index per selective filter, and
 * full-text search. SQLite: an FTS5 table over inbox_items (external content on its rowid, nothing copied) kept in
 * step by triggers, its tokenizer folding accents; the workspace id is indexed with the words so that a search
 * reads only its workspace's entries. PostgreSQL: a GIN index on the accent-folded 'simple' tsvector (French and
 * English alike). Also the workspace setting that lets clients read the inbox (off unless chosen).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workspaces').addColumn('clients_see_inbox', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  const index = (name: string, columns: string[]) => db.schema.createIndex(name).on('inbox_items').columns(columns).execute();
  await index('inbox_items_newest_key', ['workspace_id', 'created_at', 'id']);
  await index('inbox_items_risk_key', ['workspace_id', 'risk', 'created_at', 'id']);
  await index('inbox_items_by_kind', ['workspace_id', 'kind', 'created_at']);
  await index('inbox_items_by_language', ['workspace_id', 'language', 'created_at']);
  await index('inbox_items_by_toxicity', ['workspace_id', 'toxicity_category', 'created_at']);
  await index('inbox_items_by_complaint', ['workspace_id', 'complaint', 'created_at']);
  await index('inbox_items_by_assignee', ['workspace_id', 'assignee_id', 'created_at']);
  await index('inbox_items_by_account', ['workspace_id', 'account_id', 'created_at']);
  await index('inbox_items_first_reply', ['workspace_id', 'first_reply_at']);
  await db.schema.createIndex('inbox_replies_ws').on('inbox_replies').columns(['workspace_id', 'created_at']).execute();
  await db.schema.createIndex('saved_replies_ws').on('saved_replies').columns(['workspace_id', 'language']).execute();
  await db.schema.createIndex('moderation_log_author').on('moderation_log').columns(['author_id', 'created_at']).execute();

  if (isPostgres(db)) {
    await sql.raw(`create index inbox_items_search on inbox_items using gin (${PG_SEARCH_VECTOR})`).execute(db);
    return;
  }
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
  // Items stored before this migration.
  await sql`insert into inbox_items_fts(inbox_items_fts) values ('rebuild')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop index if exists inbox_items_search`.execute(db);
  } else {
    for (const t of ['inbox_items_fts_insert', 'inbox_items_fts_delete', 'inbox_items_fts_update']) await sql.raw(`drop trigger if exists ${t}`).execute(db);
    await sql`drop table if exists inbox_items_fts`.execute(db);
  }
  for (const i of ['inbox_items_newest_key', 'inbox_items_risk_key', 'inbox_items_by_kind', 'inbox_items_by_language', 'inbox_items_by_toxicity',
    'inbox_items_by_complaint', 'inbox_items_by_assignee', 'inbox_items_by_account', 'inbox_items_first_reply', 'inbox_replies_ws', 'saved_replies_ws', 'moderation_log_author']) {
    await db.schema.dropIndex(i).execute();
  }
  await db.schema.alterTable('workspaces').dropColumn('clients_see_inbox').execute();
}

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
