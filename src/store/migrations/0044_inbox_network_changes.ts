import type { Kysely } from 'kysely';

/**
 * What the author did to an item on the network after Ruche stored it: removed it (`removed_at`) or edited its
 * text (`edited_at`), as Meta's Page webhooks tell. Kept apart from `moderation`, which says what the team did.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inbox_items').addColumn('removed_at', 'bigint').execute();
  await db.schema.alterTable('inbox_items').addColumn('edited_at', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inbox_items').dropColumn('edited_at').execute();
  await db.schema.alterTable('inbox_items').dropColumn('removed_at').execute();
}
