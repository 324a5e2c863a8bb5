import type { Kysely } from 'kysely';

/**
 * Changes a network's webhook already delivered, by a stable key each, kept until they expire: Meta retries a
 * delivery it thinks failed and may send the same change again, which must not make a second inbox item.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_deliveries_expiry').on('webhook_deliveries').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_deliveries').execute();
}
