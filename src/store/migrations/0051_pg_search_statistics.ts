import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * PostgreSQL keeps the share of items holding each of the commonest words of the inbox's search vectors: 1,000 of
 * them by default, over every workspace together (each word carries its workspace, migration 0048), so about fifty
 * a workspace. A search newest first reads them to tell a word that fills a page from the newest items from one too
 * rare to (see word-frequency.ts), and any word not listed counts as common as the least common listed. Ten times
 * as many words listed, from a sample ten times larger, make that bound tight enough to tell them apart; ANALYZE
 * then reads 300,000 rows where it read 30,000, in the background, every time a tenth of the table has changed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`alter table inbox_items alter column search_vector set statistics 1000`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`alter table inbox_items alter column search_vector set statistics -1`.execute(db);
}
