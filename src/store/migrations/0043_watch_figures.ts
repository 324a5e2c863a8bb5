import type { Kysely } from 'kysely';

/**
 * Viewing figures some networks measure apart from their counts (YouTube Analytics: minutes watched, average view,
 * shares, subscribers gained), per post and per account reading. Null means the network does not give the figure;
 * when it has it but it could not be read (a permission not granted, a quota used up, not out yet), `watch_missing`
 * holds why in the network's words and `watch_missing_why` the kind of reason. One column a statement: SQLite adds
 * columns one at a time.
 */
const POST_COLUMNS = [
  ['watch_minutes', 'bigint'], ['average_view_seconds', 'integer'], ['shares', 'integer'], ['followers_gained', 'integer'],
  ['watch_missing', 'text'], ['watch_missing_why', 'text'],
] as const;
const ACCOUNT_COLUMNS = [['watch_minutes', 'bigint'], ['followers_gained', 'integer'], ['watch_missing', 'text'], ['watch_missing_why', 'text']] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, type] of POST_COLUMNS) await db.schema.alterTable('analytics_posts').addColumn(name, type).execute();
  for (const [name, type] of ACCOUNT_COLUMNS) await db.schema.alterTable('analytics_account_snapshots').addColumn(name, type).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of ACCOUNT_COLUMNS) await db.schema.alterTable('analytics_account_snapshots').dropColumn(name).execute();
  for (const [name] of POST_COLUMNS) await db.schema.alterTable('analytics_posts').dropColumn(name).execute();
}
