import type { Kysely } from 'kysely';

/**
 * An item set aside is kept once per account however often it is read again (a poll re-reads its last page, a
 * stream and a poll may both bring it): its key is the network's id, or for an item without one, its reason.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inbox_set_aside').addColumn('item_key', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.createIndex('inbox_set_aside_once').on('inbox_set_aside').columns(['account_id', 'item_key']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('inbox_set_aside_once').execute();
  await db.schema.alterTable('inbox_set_aside').dropColumn('item_key').execute();
}
