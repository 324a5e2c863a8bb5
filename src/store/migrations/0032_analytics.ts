import type { Kysely } from 'kysely';

/**
 * Analytics: every post of every connected account (published through Ruche or not) with its latest counts and
 * when to read them again; snapshots of those counts over time (growth curves); snapshots of each account's
 * followers; a daily rollup per account, kept up to date as snapshots arrive, that dashboards read instead of the
 * raw snapshots; objectives per period; report templates, generated reports and their share links.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('analytics_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('social_accounts.id').onDelete('cascade'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('image_url', 'text')
    .addColumn('post_id', 'text')
    .addColumn('campaign_id', 'text')
    .addColumn('labels', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('likes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reposts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('replies', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('quotes', 'integer')
    .addColumn('views', 'integer')
    .addColumn('engagement', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('followers_at_publish', 'integer')
    .addColumn('collected_at', 'bigint')
    .addColumn('next_collect_at', 'bigint', (c) => c.notNull())
    .addColumn('collect_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('gone', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('analytics_posts_external', ['account_id', 'external_id'])
    .execute();
  await db.schema.createIndex('analytics_posts_workspace_published').on('analytics_posts').columns(['workspace_id', 'published_at']).execute();
  await db.schema.createIndex('analytics_posts_account_published').on('analytics_posts').columns(['account_id', 'published_at']).execute();
  await db.schema.createIndex('analytics_posts_due').on('analytics_posts').columns(['gone', 'next_collect_at']).execute();
  await db.schema.createIndex('analytics_posts_campaign').on('analytics_posts').columns(['campaign_id', 'published_at']).execute();
  await db.schema.createIndex('analytics_posts_post').on('analytics_posts').column('post_id').execute();

  await db.schema
    .createTable('analytics_post_snapshots')
    .addColumn('post_id', 'text', (c) => c.notNull().references('analytics_posts.id').onDelete('cascade'))
    .addColumn('taken_at', 'bigint', (c) => c.notNull())
    .addColumn('likes', 'integer', (c) => c.notNull())
    .addColumn('reposts', 'integer', (c) => c.notNull())
    .addColumn('replies', 'integer', (c) => c.notNull())
    .addColumn('quotes', 'integer')
    .addColumn('views', 'integer')
    .addPrimaryKeyConstraint('analytics_post_snapshots_pk', ['post_id', 'taken_at'])
    .execute();

  await db.schema
    .createTable('analytics_account_snapshots')
    .addColumn('account_id', 'text', (c) => c.notNull().references('social_accounts.id').onDelete('cascade'))
    .addColumn('taken_at', 'bigint', (c) => c.notNull())
    .addColumn('followers', 'integer', (c) => c.notNull())
    .addColumn('following', 'integer')
    .addColumn('posts', 'integer')
    .addPrimaryKeyConstraint('analytics_account_snapshots_pk', ['account_id', 'taken_at'])
    .execute();

  // One row per account and local day (the workspace's time zone): the last follower counts of the day, and the
  // engagement the account's posts gained that day (deltas between snapshots), so a period is a sum of days.
  await db.schema
    .createTable('analytics_account_days')
    .addColumn('account_id', 'text', (c) => c.notNull().references('social_accounts.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('followers', 'integer')
    .addColumn('following', 'integer')
    .addColumn('posts', 'integer')
    .addColumn('likes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reposts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('replies', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('quotes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('analytics_account_days_pk', ['account_id', 'day'])
    .execute();
  await db.schema.createIndex('analytics_account_days_workspace').on('analytics_account_days').columns(['workspace_id', 'day']).execute();

  await db.schema
    .createTable('analytics_objectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('network', 'text')
    .addColumn('account_id', 'text')
    .addColumn('topic_id', 'text')
    .addColumn('comparison', 'text', (c) => c.notNull())
    .addColumn('target', 'real', (c) => c.notNull())
    .addColumn('relative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('period_start', 'bigint', (c) => c.notNull())
    .addColumn('period_end', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('warned_at', 'bigint')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .execute();
  await db.schema.createIndex('analytics_objectives_workspace').on('analytics_objectives').columns(['workspace_id', 'period_end']).execute();

  await db.schema
    .createTable('report_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('texts', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('workspace_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('brand_color', 'text', (c) => c.notNull())
    .addColumn('schedule_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('schedule_recipients', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('next_run_at', 'bigint')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_templates_due').on('report_templates').columns(['schedule_enabled', 'next_run_at']).execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('template_id', 'text', (c) => c.references('report_templates.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_start', 'bigint', (c) => c.notNull())
    .addColumn('period_end', 'bigint', (c) => c.notNull())
    .addColumn('workspace_ids', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('texts', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('brand_color', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
    .addColumn('error', 'text')
    .addColumn('pdf_key', 'text')
    .addColumn('xlsx_key', 'text')
    .addColumn('csv_key', 'text')
    .addColumn('pages', 'integer')
    .addColumn('recipients', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .execute();
  await db.schema.createIndex('reports_workspace').on('reports').columns(['workspace_id', 'created_at']).execute();

  await db.schema
    .createTable('report_shares')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('report_shares_report').on('report_shares').column('report_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['report_shares', 'reports', 'report_templates', 'analytics_objectives', 'analytics_account_days', 'analytics_account_snapshots', 'analytics_post_snapshots', 'analytics_posts']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
