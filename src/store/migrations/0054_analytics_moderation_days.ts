import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { zoneOf } from '../../modules/analytics/time.js';
import { moderationDaysFromRaw } from '../../modules/analytics/rollups/moderation-days.js';
import { insertAll } from '../../modules/analytics/rollups/rebuild.js';

/**
 * The moderation actions done per local day, account and network of the item acted on: a dashboard counts the
 * actions of its whole days from here, and only those of the parts of days at its ends from the log. Kept up to
 * date by the writes that append to the log, rebuilt with the other rollups when the time zone changes; filled
 * here from the log already stored.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  let table = db.schema.createTable('analytics_moderation_days')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('actions', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('analytics_moderation_days_pk', ['workspace_id', 'day', 'account_id', 'network']);
  if (!postgres) table = table.modifyEnd(sql`without rowid`);
  await table.execute();

  const store = db as Kysely<Database>;
  for (const w of await store.selectFrom('workspaces').select(['id', 'timezone']).execute()) {
    await insertAll(store, 'analytics_moderation_days', await moderationDaysFromRaw(store, w.id, zoneOf(w.timezone)));
  }
  if (postgres) {
    // A dashboard is some twenty small queries, many at once: no parallel workers (as migration 0033 says).
    await sql`alter table analytics_moderation_days set (parallel_workers = 0)`.execute(db);
    await sql`analyze analytics_moderation_days`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('analytics_moderation_days').execute();
}
