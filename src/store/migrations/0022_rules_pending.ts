import { sql, type Kysely } from 'kysely';

/**
 * Items stored whose moderation rules have not run yet. Set when the inbound pipeline stores an item, cleared once
 * the rules ran on it; a recurring sweep runs the rules on items still marked a while after they arrived, so a
 * process that dies between the page's commit and the rules loses no rule run. The partial index holds only the
 * few marked items.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inbox_items').addColumn('rules_pending', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`create index inbox_items_rules_pending on inbox_items (received_at) where rules_pending = 1`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('inbox_items_rules_pending').execute();
  await db.schema.alterTable('inbox_items').dropColumn('rules_pending').execute();
}
