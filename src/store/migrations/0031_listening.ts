import type { Kysely } from 'kysely';

/**
 * Listening: topics (boolean queries with the radar's settings and memory), the sources that feed them (feeds,
 * network streams, hashtag timelines, each with its cursor and health), the mentions they yield (authors shared
 * with the inbox), which topics each mention matched, per-minute counts per topic for charts and the radar,
 * the radar's alerts, and crisis rooms with their log.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('listening_topics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('sensitivity', 'text', (c) => c.notNull().defaultTo('medium'))
    .addColumn('cooldown_minutes', 'integer', (c) => c.notNull().defaultTo(360))
    .addColumn('min_mentions', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('alerts_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('radar_state', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .execute();
  await db.schema.createIndex('listening_topics_workspace').on('listening_topics').columns(['workspace_id', 'archived_at']).execute();

  await db.schema
    .createTable('listening_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('health', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('last_error', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('cursor', 'text')
    .addColumn('poll_interval_ms', 'integer')
    .addColumn('next_poll_at', 'bigint')
    .addColumn('last_polled_at', 'bigint')
    .addColumn('last_ok_at', 'bigint')
    .addColumn('mention_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('listening_sources_unique', ['workspace_id', 'kind', 'url', 'tag'])
    .execute();
  await db.schema.createIndex('listening_sources_due').on('listening_sources').columns(['status', 'next_poll_at']).execute();

  await db.schema
    .createTable('listening_mentions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source_id', 'text', (c) => c.references('listening_sources.id').onDelete('set null'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('uri', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('author_id', 'text', (c) => c.notNull().references('inbox_authors.id').onDelete('cascade'))
    .addColumn('title', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('sentiment', 'text', (c) => c.notNull())
    .addColumn('sentiment_score', 'real', (c) => c.notNull())
    .addColumn('toxicity', 'real', (c) => c.notNull())
    .addColumn('complaint', 'integer', (c) => c.notNull())
    .addColumn('reach', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('engagement', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('terms', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('cluster_id', 'text')
    .addColumn('copies', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('inbox_item_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('listening_mentions_uri', ['workspace_id', 'uri'])
    .execute();
  await db.schema.createIndex('listening_mentions_newest').on('listening_mentions').columns(['workspace_id', 'created_at']).execute();

  await db.schema
    .createTable('listening_mention_topics')
    .addColumn('topic_id', 'text', (c) => c.notNull().references('listening_topics.id').onDelete('cascade'))
    .addColumn('mention_id', 'text', (c) => c.notNull().references('listening_mentions.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('sentiment', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('listening_mention_topics_pk', ['topic_id', 'mention_id'])
    .execute();
  await db.schema.createIndex('listening_mention_topics_newest').on('listening_mention_topics').columns(['topic_id', 'created_at', 'mention_id']).execute();
  await db.schema.createIndex('listening_mention_topics_mention').on('listening_mention_topics').column('mention_id').execute();

  await db.schema
    .createTable('listening_topic_minutes')
    .addColumn('topic_id', 'text', (c) => c.notNull().references('listening_topics.id').onDelete('cascade'))
    .addColumn('minute', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('negative', 'integer', (c) => c.notNull())
    .addColumn('positive', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('listening_topic_minutes_pk', ['topic_id', 'minute'])
    .execute();

  await db.schema
    .createTable('listening_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('topic_id', 'text', (c) => c.notNull().references('listening_topics.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('observed', 'real', (c) => c.notNull())
    .addColumn('expected', 'real', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('window_end', 'bigint', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('crisis_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('listening_alerts_newest').on('listening_alerts').columns(['workspace_id', 'created_at']).execute();

  await db.schema
    .createTable('listening_crises')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('alert_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('paused_publishing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('holding_statement', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'bigint')
    .execute();
  await db.schema.createIndex('listening_crises_workspace').on('listening_crises').columns(['workspace_id', 'opened_at']).execute();

  await db.schema
    .createTable('listening_crisis_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('crisis_id', 'text', (c) => c.notNull().references('listening_crises.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('listening_crisis_log_crisis').on('listening_crisis_log').columns(['crisis_id', 'at']).execute();

  await db.schema
    .createTable('listening_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('webhook_url', 'text')
    .addColumn('webhook_secret', 'text')
    .addColumn('email_alerts', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['listening_settings', 'listening_crisis_log', 'listening_crises', 'listening_alerts', 'listening_topic_minutes', 'listening_mention_topics', 'listening_mentions', 'listening_sources', 'listening_topics']) {
    await db.schema.dropTable(table).execute();
  }
}
