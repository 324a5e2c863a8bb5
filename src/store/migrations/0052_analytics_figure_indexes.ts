import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Indexes a dashboard's figures are read from alone, without the rows behind them:
 * - the moderation actions of a period, counted from the log's (workspace, time) range with their outcome, what
 *   they undo and the item they acted on (for an account's or a network's dashboard);
 * - the daily post rollup by label before day, so that a label's series (and every post's row, label '') is one
 *   range of the rows it sums rather than every label's rows of each day.
 */
const MEASURES = ['posts', 'likes', 'reposts', 'replies', 'quotes', 'views', 'viewed', 'engagement', 'engagement_viewed', 'rated', 'rate_sum'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('moderation_log_figures').on('moderation_log').columns(['workspace_id', 'created_at', 'outcome', 'undoes', 'item_id']).execute();
  await db.schema.createIndex('analytics_post_days_label').on('analytics_post_days')
    .columns(['workspace_id', 'label', 'day', 'account_id', 'network', 'campaign_id', ...MEASURES]).execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`analyze moderation_log, analytics_post_days`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('analytics_post_days_label').execute();
  await db.schema.dropIndex('moderation_log_figures').execute();
}
