import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { zoneOf } from '../../modules/analytics/time.js';
import { addPostPairs, POST_FIGURE_COLUMNS, type PostPairRow } from '../../modules/analytics/rollups/post-days.js';
import { insertAll } from '../../modules/analytics/rollups/rebuild.js';

/**
 * A label's posts per local day split by the labels they carry (each pair of a post's labels, a label with itself
 * included), per account and campaign, with the daily post rollup's sums: a label's dashboard reads its breakdown
 * by label from one range of these rows instead of every one of the label's posts and their JSON labels. Kept up
 * to date by the writes that keep the daily post rollup, rebuilt with it when the time zone changes; filled here
 * from the posts already stored.
 */
const MEASURES = ['posts', 'likes', 'reposts', 'replies', 'quotes', 'views', 'viewed', 'engagement', 'engagement_viewed', 'rated'];

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  let table = MEASURES.reduce((t, c) => t.addColumn(c, 'bigint', (col) => col.notNull().defaultTo(0)), db.schema.createTable('analytics_post_label_pairs')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('social_accounts.id').onDelete('cascade'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('other', 'text', (c) => c.notNull()))
    .addColumn('rate_sum', 'double precision', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('analytics_post_label_pairs_pk', ['workspace_id', 'label', 'day', 'account_id', 'campaign_id', 'other']);
  // A label's days lie together in the key's order.
  if (!postgres) table = table.modifyEnd(sql`without rowid`);
  await table.execute();

  const store = db as Kysely<Database>;
  for (const w of await store.selectFrom('workspaces').select(['id', 'timezone']).execute()) {
    const zone = zoneOf(w.timezone);
    const pairs = new Map<string, PostPairRow>();
    for (let after = ''; ;) {
      const page = await store.selectFrom('analytics_posts').select(['id', ...POST_FIGURE_COLUMNS]).where('workspace_id', '=', w.id)
        .where('id', '>', after).orderBy('id').limit(5000).execute();
      for (const p of page) addPostPairs(pairs, { ...p, published_at: Number(p.published_at) }, zone, 1);
      if (page.length < 5000) break;
      after = page[page.length - 1]!.id;
    }
    await insertAll(store, 'analytics_post_label_pairs', [...pairs.values()]);
  }
  if (postgres) {
    // A dashboard is some twenty small queries, many at once: no parallel workers (as migration 0033 says).
    await sql`alter table analytics_post_label_pairs set (parallel_workers = 0)`.execute(db);
    await sql`analyze analytics_post_label_pairs`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('analytics_post_label_pairs').execute();
}
