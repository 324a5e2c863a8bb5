import type { Kysely } from 'kysely';

/**
 * The installer's developer apps on the commercial networks (one per network, for the whole instance; the secret
 * sealed), the connections waiting for the user to pick what to connect (the token sealed, minutes long), and on
 * each account when its token stops working and when its people were last warned of it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('network_apps')
    .addColumn('network', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_secret', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('oauth_pending')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('social_accounts').addColumn('token_expires_at', 'bigint').execute();
  await db.schema.alterTable('social_accounts').addColumn('expiry_warned_at', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('social_accounts').dropColumn('expiry_warned_at').execute();
  await db.schema.alterTable('social_accounts').dropColumn('token_expires_at').execute();
  await db.schema.dropTable('oauth_pending').execute();
  await db.schema.dropTable('network_apps').execute();
}
