import type { Kysely } from 'kysely';

/**
 * Items the inbound path set aside (a network's answer it could not read, a row the store refused), kept with
 * their reason so that the sources page can say how many were lost and why, after the process that saw them has
 * gone. The network's text is never kept: only its id and the reason.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('inbox_set_aside')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('social_accounts.id').onDelete('cascade'))
    // 'notifications', 'messages' (a poll's page) or 'stream' (a live stream's items).
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbox_set_aside_account').on('inbox_set_aside').columns(['workspace_id', 'account_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('inbox_set_aside').execute();
}
