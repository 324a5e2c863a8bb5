import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { rebuildRollups } from '../../modules/analytics/rollups/rebuild.js';

/**
 * Daily rollups that dashboards sum instead of the raw rows, one row per local day of the workspace's time zone:
 * posts by the day they went out (per account, campaign and label, with their latest counts; and the same per
 * month, for long periods), the accounts' days (followers and what their posts gained) per network, inbox items by
 * the day they arrived (per account and network, with the waits for a first reply, whose median is a figure),
 * listening mentions by the day they were published (per network) and per topic. The code that writes the raw
 * rows keeps them up to date in the same transaction; a change of time zone rebuilds them. Each is filled here
 * from the rows already stored. The same writes move on the workspace's analytics version, which says whether a
 * dashboard kept in memory still holds.
 *
 * On SQLite they are WITHOUT ROWID tables, so that a period's rows lie together in their primary key's order.
 * Dashboards walk the posts of a period by engagement for the top and flop posts: an index in that order.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const clustered = <T extends string, C extends string>(t: CreateTableBuilder<T, C>) => (postgres ? t : t.modifyEnd(sql`without rowid`));
  const counts = <T extends string, C extends string>(t: CreateTableBuilder<T, C>, columns: string[]) =>
    columns.reduce((b, c) => b.addColumn(c, 'bigint', (col) => col.notNull().defaultTo(0)), t as CreateTableBuilder<T, any>);

  for (const [table, time] of [['analytics_post_days', 'day'], ['analytics_post_months', 'month']] as const) {
    await clustered(counts(db.schema.createTable(table)
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn(time, 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull().references('social_accounts.id').onDelete('cascade'))
      .addColumn('network', 'text', (c) => c.notNull())
      .addColumn('campaign_id', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull()), ['posts', 'likes', 'reposts', 'replies', 'quotes', 'views', 'viewed', 'engagement', 'engagement_viewed', 'rated'])
      .addColumn('rate_sum', 'double precision', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint(`${table}_pk`, ['workspace_id', time, 'account_id', 'campaign_id', 'label'])).execute();
  }

  await clustered(counts(db.schema.createTable('analytics_workspace_days')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('network', 'text', (c) => c.notNull()), ['likes', 'reposts', 'replies', 'quotes', 'views', 'published', 'followers', 'read'])
    .addPrimaryKeyConstraint('analytics_workspace_days_pk', ['workspace_id', 'day', 'network'])).execute();

  await clustered(counts(db.schema.createTable('analytics_inbox_days')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('social_accounts.id').onDelete('cascade'))
    .addColumn('network', 'text', (c) => c.notNull()), ['volume', 'asked', 'answered', 'replied', 'complaints', 'negative'])
    .addColumn('waits', 'text', (c) => c.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('analytics_inbox_days_pk', ['workspace_id', 'day', 'account_id', 'network'])).execute();

  await clustered(counts(db.schema.createTable('analytics_mention_days')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('network', 'text', (c) => c.notNull()), ['volume', 'positive', 'negative'])
    .addPrimaryKeyConstraint('analytics_mention_days_pk', ['workspace_id', 'day', 'network'])).execute();

  await clustered(counts(db.schema.createTable('analytics_topic_days')
    .addColumn('topic_id', 'text', (c) => c.notNull().references('listening_topics.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull()), ['total', 'positive', 'negative'])
    .addPrimaryKeyConstraint('analytics_topic_days_pk', ['topic_id', 'day'])).execute();

  await db.schema.createTable('analytics_versions')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema.createIndex('analytics_posts_workspace_engagement').on('analytics_posts').columns(['workspace_id', 'engagement', 'published_at', 'id']).execute();

  for (const w of await db.selectFrom('workspaces').select(['id', 'timezone']).execute()) {
    // The posts' slots of the week and label pairs come with their tables, in migrations 0047 and 0053.
    await rebuildRollups(db as Kysely<Database>, w.id, w.timezone, { slots: false, pairs: false, moderation: false });
  }
  if (postgres) {
    for (const t of ['analytics_post_days', 'analytics_post_months', 'analytics_workspace_days', 'analytics_inbox_days', 'analytics_mention_days', 'analytics_topic_days']) {
      // A dashboard is some twenty small queries, many at once: no parallel workers (as migration 0033 says).
      await sql`alter table ${sql.table(t)} set (parallel_workers = 0)`.execute(db);
      await sql`analyze ${sql.table(t)}`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('analytics_posts_workspace_engagement').execute();
  await db.schema.dropTable('analytics_versions').execute();
  for (const t of ['analytics_topic_days', 'analytics_mention_days', 'analytics_inbox_days', 'analytics_workspace_days', 'analytics_post_months', 'analytics_post_days']) await db.schema.dropTable(t).execute();
}
