import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { zoneOf } from '../../modules/analytics/time.js';
import { addPostSlot, POST_FIGURE_COLUMNS, type PostSlotRow } from '../../modules/analytics/rollups/post-days.js';
import { insertAll } from '../../modules/analytics/rollups/rebuild.js';

/**
 * Posts by the local month and the slot of the week (weekday and hour on the workspace's clock) they went out at,
 * per network and label, with their engagement: best times sum the whole months of their 90 days from here, and only
 * the parts of months at either end from the posts. Kept up to date by the writes that keep the daily post rollup,
 * rebuilt with it when the time zone changes; filled here from the posts already stored.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  let table = db.schema.createTable('analytics_post_slots')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('slot', 'integer', (c) => c.notNull())
    .addColumn('posts', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('engagement', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('analytics_post_slots_pk', ['workspace_id', 'label', 'month', 'network', 'slot']);
  if (!postgres) table = table.modifyEnd(sql`without rowid`);
  await table.execute();

  const store = db as Kysely<Database>;
  for (const w of await store.selectFrom('workspaces').select(['id', 'timezone']).execute()) {
    const zone = zoneOf(w.timezone);
    const slots = new Map<string, PostSlotRow>();
    for (let after = ''; ;) {
      const page = await store.selectFrom('analytics_posts').select(['id', ...POST_FIGURE_COLUMNS]).where('workspace_id', '=', w.id)
        .where('id', '>', after).orderBy('id').limit(5000).execute();
      for (const p of page) addPostSlot(slots, { ...p, published_at: Number(p.published_at) }, zone, 1);
      if (page.length < 5000) break;
      after = page[page.length - 1]!.id;
    }
    await insertAll(store, 'analytics_post_slots', [...slots.values()]);
  }
  if (postgres) {
    // A dashboard is some twenty small queries, many at once: no parallel workers (as migration 0033 says).
    await sql`alter table analytics_post_slots set (parallel_workers = 0)`.execute(db);
    await sql`analyze analytics_post_slots`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('analytics_post_slots').execute();
}
