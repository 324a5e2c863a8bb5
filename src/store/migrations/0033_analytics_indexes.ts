import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Dashboards read every row of a period, so each of their reads gets an index that holds all it needs, walked in
 * order without a visit to the table (a visit per row was most of their time at 20,000 posts, 50,000 mentions,
 * 150,000 topic minutes a year per workspace):
 * - a period's posts: the counts, the network, account, campaign and followers that figures and breakdowns sum;
 * - a period's mentions: their sentiment and network (listening volume and sentiment by day);
 * - topic minutes: their total (share of voice);
 * - the daily rollup: its sums and followers, per account and day (daily series and follower counts), whose rows
 *   are written a day at a time across all accounts and so lie far apart in the table;
 * - the inbox's newest-first index also holds what its figures read (moderation, first reply, reception).
 * Each replaces the index it extends (the rollup's keeps its primary key), so that writes keep one index to update.
 *
 * On PostgreSQL the tables dashboards read are never scanned by parallel workers: a dashboard is some twenty small
 * queries and many readers run at once, so starting workers cost each query far more than it saved (a month's
 * label breakdown took 65 to 130 ms with one worker, under 2 ms without, with 20 readers on 2 CPUs).
 */
const SERIAL = ['analytics_posts', 'analytics_post_snapshots', 'analytics_account_days', 'listening_mentions', 'listening_topic_minutes'];
const POSTS = ['workspace_id', 'published_at', 'account_id', 'network', 'campaign_id', 'likes', 'reposts', 'replies', 'quotes', 'views', 'followers_at_publish'];
const INBOX = ['workspace_id', 'created_at', 'id', 'status', 'language', 'sentiment', 'kind', 'network', 'account_id', 'toxicity_category', 'complaint', 'assignee_id', 'labels'];
const INBOX_FIGURES = ['moderation', 'first_reply_at', 'received_at'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('analytics_posts_workspace_figures').on('analytics_posts').columns(POSTS).execute();
  await db.schema.dropIndex('analytics_posts_workspace_published').ifExists().execute();
  await db.schema.createIndex('listening_mentions_figures').on('listening_mentions').columns(['workspace_id', 'created_at', 'sentiment', 'network']).execute();
  await db.schema.dropIndex('listening_mentions_newest').ifExists().execute();
  await db.schema.createIndex('listening_topic_minutes_totals').on('listening_topic_minutes').columns(['topic_id', 'minute', 'total']).execute();
  await db.schema.createIndex('analytics_account_days_figures').on('analytics_account_days')
    .columns(['account_id', 'day', 'followers', 'likes', 'reposts', 'replies', 'quotes', 'views', 'published']).execute();
  await db.schema.createIndex('inbox_items_by_time_figures').on('inbox_items').columns([...INBOX, ...INBOX_FIGURES]).execute();
  await db.schema.dropIndex('inbox_items_by_time').ifExists().execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const t of SERIAL) await sql`alter table ${sql.table(t)} set (parallel_workers = 0)`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const t of SERIAL) await sql`alter table ${sql.table(t)} reset (parallel_workers)`.execute(db);
  }
  await db.schema.createIndex('inbox_items_by_time').on('inbox_items').columns(INBOX).execute();
  await db.schema.dropIndex('inbox_items_by_time_figures').execute();
  await db.schema.dropIndex('analytics_account_days_figures').execute();
  await db.schema.dropIndex('listening_topic_minutes_totals').execute();
  await db.schema.createIndex('listening_mentions_newest').on('listening_mentions').columns(['workspace_id', 'created_at']).execute();
  await db.schema.dropIndex('listening_mentions_figures').execute();
  await db.schema.createIndex('analytics_posts_workspace_published').on('analytics_posts').columns(['workspace_id', 'published_at']).execute();
  await db.schema.dropIndex('analytics_posts_workspace_figures').execute();
}
