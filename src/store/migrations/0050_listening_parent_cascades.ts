import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * On PostgreSQL, listening's two busiest tables no longer check their foreign keys on every row: a batch of a
 * thousand mentions ran five thousand checks (workspace, source and author of each mention, topic and mention of each
 * link), as long as the inserts themselves. What the keys did is done otherwise:
 * - deletes cascade from the parents, once per statement rather than once per row: deleting a workspace, an author
 *   or a mention deletes its mentions or links, deleting a topic its links, deleting a source leaves its mentions
 *   without one (`set null`, as before);
 * - the writer makes sure of the parents once per batch, in its own statement: it holds the workspace (which every
 *   batch reads for its time zone), the topics and the source it writes for, so that none can be deleted before it
 *   commits, and drops the links of a topic deleted already; it upserts the authors in the same statement.
 * SQLite keeps its keys: it checks them in the process, cheaply, and dropping one would rebuild the table.
 *
 * Rows that listening updates over and over, authors seen again and the first mentions of groups counting their
 * copies, keep room on their page for their next version: PostgreSQL then writes it beside the old one without
 * touching the indexes (none covers what changes), where a full page sent it elsewhere with an entry in each index.
 */
const ROOM = [['inbox_authors', 80], ['listening_mentions', 90]] as const;

const KEYS = [
  ['listening_mentions', 'listening_mentions_workspace_id_fkey', 'workspace_id', 'workspaces', 'cascade'],
  ['listening_mentions', 'listening_mentions_source_id_fkey', 'source_id', 'listening_sources', 'set null'],
  ['listening_mentions', 'listening_mentions_author_id_fkey', 'author_id', 'inbox_authors', 'cascade'],
  ['listening_mention_topics', 'listening_mention_topics_topic_id_fkey', 'topic_id', 'listening_topics', 'cascade'],
  ['listening_mention_topics', 'listening_mention_topics_mention_id_fkey', 'mention_id', 'listening_mentions', 'cascade'],
] as const;

/** Per parent table: what its deleted rows (`gone`) take with them. */
const CASCADES = [
  ['workspaces', 'delete from listening_mentions m using gone where m.workspace_id = gone.id'],
  ['inbox_authors', 'delete from listening_mentions m using gone where m.author_id = gone.id'],
  // Not when the source goes with its workspace, whose mentions go too.
  ['listening_sources', 'update listening_mentions m set source_id = null from gone join workspaces w on w.id = gone.workspace_id where m.source_id = gone.id'],
  ['listening_topics', 'delete from listening_mention_topics l using gone where l.topic_id = gone.id'],
  ['listening_mentions', 'delete from listening_mention_topics l using gone where l.mention_id = gone.id'],
] as const;

const fn = (parent: string) => `ruche_${parent}_deleted_listening`;

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const [parent, statement] of CASCADES) {
    // The tables of the schema the app runs in, whatever the search path of the session that deletes.
    await sql.raw(`create or replace function ${fn(parent)}() returns trigger language plpgsql set search_path from current as $$
      begin
        ${statement};
        return null;
      end $$`).execute(db);
    await sql.raw(`create trigger ${fn(parent)} after delete on ${parent} referencing old table as gone
      for each statement execute function ${fn(parent)}()`).execute(db);
  }
  for (const [table, name] of KEYS) await sql.raw(`alter table ${table} drop constraint ${name}`).execute(db);
  // Pages written from now on; those written before keep theirs until rewritten.
  for (const [table, percent] of ROOM) await sql.raw(`alter table ${table} set (fillfactor = ${percent})`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const [table] of ROOM) await sql.raw(`alter table ${table} reset (fillfactor)`).execute(db);
  for (const [parent] of CASCADES) {
    await sql.raw(`drop trigger if exists ${fn(parent)} on ${parent}`).execute(db);
    await sql.raw(`drop function if exists ${fn(parent)}()`).execute(db);
  }
  for (const [table, name, column, parent, action] of KEYS) {
    await sql.raw(`alter table ${table} add constraint ${name} foreign key (${column}) references ${parent} (id) on delete ${action}`).execute(db);
  }
}
