import type { Kysely } from 'kysely';

/**
 * The inbound path and what the team does with it: authors and items (the inbox's replies, mentions, quotes and
 * messages; listening's posts later), each source's cursor, replies sent from the inbox, saved replies, moderation
 * (rules, log, review queue, labels, retrained models) and complaints routed to departments as tickets.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('inbox_authors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('avatar_url', 'text')
    .addColumn('followers', 'integer')
    .addColumn('account_created_at', 'bigint')
    .addColumn('lists', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('advocate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('item_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('removed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('blocked_at', 'bigint')
    .addColumn('muted_at', 'bigint')
    .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('inbox_authors_unique', ['workspace_id', 'network', 'external_id'])
    .execute();

  await db.schema
    .createTable('inbox_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.references('social_accounts.id').onDelete('set null'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('external_cid', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('inbox_authors.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('parent_external_id', 'text')
    .addColumn('parent_cid', 'text')
    .addColumn('root_external_id', 'text')
    .addColumn('root_cid', 'text')
    .addColumn('thread_key', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text')
    .addColumn('context', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('sentiment', 'text', (c) => c.notNull())
    .addColumn('sentiment_score', 'real', (c) => c.notNull())
    .addColumn('toxicity', 'real', (c) => c.notNull())
    .addColumn('toxicity_category', 'text')
    .addColumn('complaint', 'integer', (c) => c.notNull())
    .addColumn('complaint_score', 'real', (c) => c.notNull())
    .addColumn('has_link', 'integer', (c) => c.notNull())
    .addColumn('risk', 'real', (c) => c.notNull())
    .addColumn('analysis', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text')
    .addColumn('labels', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('moderation', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('first_reply_at', 'bigint')
    .addColumn('status_changed_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('inbox_items_unique', ['workspace_id', 'network', 'external_id'])
    .execute();
  await db.schema.createIndex('inbox_items_newest').on('inbox_items').columns(['workspace_id', 'created_at']).execute();
  await db.schema.createIndex('inbox_items_risk').on('inbox_items').columns(['workspace_id', 'risk']).execute();
  await db.schema.createIndex('inbox_items_status').on('inbox_items').columns(['workspace_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('inbox_items_thread').on('inbox_items').columns(['workspace_id', 'thread_key']).execute();
  await db.schema.createIndex('inbox_items_author').on('inbox_items').columns(['author_id', 'created_at']).execute();

  await db.schema
    .createTable('inbox_item_labels')
    .addColumn('item_id', 'text', (c) => c.notNull().references('inbox_items.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inbox_item_labels_pk', ['item_id', 'label'])
    .execute();
  await db.schema.createIndex('inbox_item_labels_by_label').on('inbox_item_labels').columns(['workspace_id', 'label']).execute();

  await db.schema
    .createTable('inbox_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('inbox_items.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbox_notes_item').on('inbox_notes').columns(['item_id', 'created_at']).execute();

  await db.schema
    .createTable('inbox_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('inbox_items.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('external_url', 'text')
    .addColumn('error_kind', 'text')
    .addColumn('error_message', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .execute();
  await db.schema.createIndex('inbox_replies_item').on('inbox_replies').columns(['item_id', 'created_at']).execute();

  await db.schema
    .createTable('saved_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('inbox_sources')
    .addColumn('account_id', 'text', (c) => c.notNull().references('social_accounts.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('cursor', 'text')
    .addColumn('backfill_since', 'bigint')
    .addColumn('backfill_done_at', 'bigint')
    .addColumn('backfill_progress', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('live', 'text')
    .addColumn('last_polled_at', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('inbox_sources_pk', ['account_id', 'source'])
    .execute();

  await db.schema
    .createTable('inbox_counters')
    .addColumn('account_id', 'text', (c) => c.notNull().references('social_accounts.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('likes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reposts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('follows', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('inbox_counters_pk', ['account_id', 'day'])
    .execute();
  // Counters are counted once: the network's id of each like, repost or follow already counted.
  await db.schema
    .createTable('inbox_counted')
    .addColumn('account_id', 'text', (c) => c.notNull().references('social_accounts.id').onDelete('cascade'))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('inbox_counted_pk', ['account_id', 'external_id'])
    .execute();

  await db.schema
    .createTable('moderation_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('actions', 'text', (c) => c.notNull())
    .addColumn('stop', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('moderation_rules_order').on('moderation_rules').columns(['workspace_id', 'position']).execute();

  await db.schema
    .createTable('moderation_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('item_id', 'text')
    .addColumn('author_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('rule_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('undoes', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('moderation_log_newest').on('moderation_log').columns(['workspace_id', 'created_at']).execute();
  await db.schema.createIndex('moderation_log_item').on('moderation_log').columns(['item_id']).execute();

  await db.schema
    .createTable('moderation_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('inbox_items.id').onDelete('cascade'))
    .addColumn('rule_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('risk', 'real', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('moderation_reviews_queue').on('moderation_reviews').columns(['workspace_id', 'status', 'risk']).execute();

  await db.schema
    .createTable('moderation_labels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('item_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('moderation_labels_ws').on('moderation_labels').columns(['workspace_id', 'created_at']).execute();

  await db.schema
    .createTable('workspace_models')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('weights', 'text', (c) => c.notNull())
    .addColumn('examples', 'integer', (c) => c.notNull())
    .addColumn('trained_by', 'text')
    .addColumn('trained_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('workspace_models_pk', ['workspace_id', 'name'])
    .execute();

  await db.schema
    .createTable('departments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('key', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('response_hours', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('inbox_items.id').onDelete('cascade'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('owner_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('reply_token_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('answered_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .addColumn('overdue_notified_at', 'bigint')
    .execute();
  await db.schema.createIndex('tickets_open').on('tickets').columns(['workspace_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('tickets_item').on('tickets').columns(['item_id']).execute();

  await db.schema
    .createTable('ticket_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('from_email', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_messages_ticket').on('ticket_messages').columns(['ticket_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'ticket_messages', 'tickets', 'departments', 'workspace_models', 'moderation_labels', 'moderation_reviews',
    'moderation_log', 'moderation_rules', 'inbox_counted', 'inbox_counters', 'inbox_sources', 'saved_replies',
    'inbox_replies', 'inbox_notes', 'inbox_item_labels', 'inbox_items', 'inbox_authors',
  ]) await db.schema.dropTable(t).execute();
}
