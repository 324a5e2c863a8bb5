import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The index a period's posts are read through (migration 0033) also holds their labels, so that what a label's
 * dashboard reads from the posts (its best times at the ends of their 90 days, its posts per other label, the
 * parts of days at a period's ends) comes from the index alone, not from each post's row with its text.
 */
const POSTS = ['workspace_id', 'published_at', 'account_id', 'network', 'campaign_id', 'likes', 'reposts', 'replies', 'quotes', 'views', 'followers_at_publish'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('analytics_posts_workspace_labels').on('analytics_posts').columns([...POSTS, 'labels']).execute();
  await db.schema.dropIndex('analytics_posts_workspace_figures').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`analyze analytics_posts`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('analytics_posts_workspace_figures').on('analytics_posts').columns(POSTS).execute();
  await db.schema.dropIndex('analytics_posts_workspace_labels').execute();
}
