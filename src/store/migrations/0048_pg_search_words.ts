import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { ACCENTED, PLAIN } from '../../modules/inbox/fold.js';

/**
 * PostgreSQL's inbox search vector holds each word prefixed with its workspace ('w', the id's hex digits, '_',
 * the word) instead of the words plus one workspace word (migration 0030). A search of two common words had GIN
 * intersect the lists of every workspace's items holding each word with the list of the workspace's items:
 * hundreds of thousands of entries for a page (25 ms a search at a million items over 20 workspaces). Each list
 * is now the workspace's own, and the same search reads a few thousand entries (under 1 ms).
 *
 * The words are those of the 'simple' configuration on the folded text, as before. A word so long that the prefix
 * would take it past what a tsvector holds (2,047 bytes) is left out of the index rather than failing the insert.
 */
const FUNCTION = 'ruche_search_words';

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // Immutable, as a generated column requires: every function it calls is, and it reads no table.
  await sql.raw(`create or replace function ${FUNCTION}(workspace_id text, body text) returns tsvector
    language sql immutable parallel safe as $$
      select array_to_tsvector(array(
        select 'w' || replace(workspace_id, '-', '') || '_' || word
        from unnest(tsvector_to_array(to_tsvector('simple', translate(body, '${ACCENTED}', '${PLAIN}')))) as word
        where octet_length(word) <= 1900
      ))
    $$`).execute(db);
  await sql`drop index if exists inbox_items_search_vector`.execute(db);
  await sql`alter table inbox_items drop column search_vector`.execute(db);
  await sql.raw(`alter table inbox_items add column search_vector tsvector generated always as (${FUNCTION}(workspace_id, text)) stored`).execute(db);
  await sql`create index inbox_items_search_vector on inbox_items using gin (search_vector)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop index if exists inbox_items_search_vector`.execute(db);
  await sql`alter table inbox_items drop column search_vector`.execute(db);
  await sql.raw(`alter table inbox_items add column search_vector tsvector generated always as (
    to_tsvector('simple', translate(text, '${ACCENTED}', '${PLAIN}')) || to_tsvector('simple', 'w' || replace(workspace_id, '-', ''))
  ) stored`).execute(db);
  await sql`create index inbox_items_search_vector on inbox_items using gin (search_vector)`.execute(db);
  await sql.raw(`drop function if exists ${FUNCTION}(text, text)`).execute(db);
}
