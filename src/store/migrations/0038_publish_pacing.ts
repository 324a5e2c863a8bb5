import type { Kysely } from 'kysely';

/**
 * Each network's write budget, kept in the database so that every worker sees the same: what was sent for an
 * account and when (the sliding windows count these), and an account a network told to wait (a 429 and its reset).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('publish_sends')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addColumn('posts', 'integer', (c) => c.notNull())
    .addColumn('media', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('publish_sends_account').on('publish_sends').columns(['account_id', 'sent_at']).execute();
  await db.schema.createIndex('publish_sends_network').on('publish_sends').columns(['network', 'sent_at']).execute();
  await db.schema
    .createTable('publish_holds')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('until', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('publish_holds').execute();
  await db.schema.dropTable('publish_sends').execute();
}
