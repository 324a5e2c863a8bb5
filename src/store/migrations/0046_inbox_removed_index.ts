import { sql, type Kysely } from 'kysely';

/**
 * The items their authors removed on the network, by workspace and date: a handful among many. The inbox's counts
 * read every other facet from the newest-first index alone, and these from here, rather than each item's row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('inbox_items_removed')
    .on('inbox_items')
    .columns(['workspace_id', 'created_at'])
    .where(sql.ref('removed_at'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('inbox_items_removed').execute();
}
