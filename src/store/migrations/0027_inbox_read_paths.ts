import { sql, type Kysely } from 'kysely';

/**
 * The inbox's reads at a million items, in two indexes instead of ten. The list is read newest or riskiest first,
 * under any mix of filters: each order gets one index holding the workspace, the order's key and every filter
 * column, so that a filtered page walks index entries in order and reads the table only for the 50 rows it
 * shows (the narrow single-filter indexes it replaces made the database sort, or read rows only to drop them).
 * The newest-first index also holds the labels, so the counts beside the list are read from it alone. Fewer
 * indexes also make each stored item cheaper to write.
 *
 * Label rows carry their item's date, so that "items labelled vip", the one filter held in another table, is
 * read newest first from that table's index rather than gathered and sorted.
 */
const DROPPED: Array<[string, string[]]> = [
  ['inbox_items_newest', ['workspace_id', 'created_at']],
  ['inbox_items_risk', ['workspace_id', 'risk']],
  ['inbox_items_status', ['workspace_id', 'status', 'created_at']],
  ['inbox_items_newest_key', ['workspace_id', 'created_at', 'id']],
  ['inbox_items_risk_key', ['workspace_id', 'risk', 'created_at', 'id']],
  ['inbox_items_by_kind', ['workspace_id', 'kind', 'created_at']],
  ['inbox_items_by_language', ['workspace_id', 'language', 'created_at']],
  ['inbox_items_by_complaint', ['workspace_id', 'complaint', 'created_at']],
  ['inbox_items_by_assignee', ['workspace_id', 'assignee_id', 'created_at']],
  [
    'inbox_items_facets',
    ['workspace_id', 'created_at', 'account_id', 'status', 'network', 'kind', 'sentiment', 'toxicity_category', 'complaint', 'language', 'assignee_id', 'labels'],
  ],
];

const FILTERS = ['status', 'language', 'sentiment', 'kind', 'network', 'account_id', 'toxicity_category', 'complaint', 'assignee_id'];

export async function up(db: Kysely<any>): Promise<void> {
  const index = (name: string, columns: string[]) => db.schema.createIndex(name).on('inbox_items').columns(columns).execute();
  await index('inbox_items_by_time', ['workspace_id', 'created_at', 'id', ...FILTERS, 'labels']);
  await index('inbox_items_by_risk', ['workspace_id', 'risk', 'created_at', 'id', ...FILTERS]);
  for (const [name] of DROPPED) await db.schema.dropIndex(name).ifExists().execute();

  await db.schema.alterTable('inbox_item_labels').addColumn('item_created_at', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update inbox_item_labels set item_created_at = (select i.created_at from inbox_items i where i.id = inbox_item_labels.item_id)`.execute(db);
  await db.schema.createIndex('inbox_item_labels_by_time').on('inbox_item_labels').columns(['workspace_id', 'label', 'item_created_at', 'item_id']).execute();
  await db.schema.dropIndex('inbox_item_labels_by_label').ifExists().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('inbox_item_labels_by_label').on('inbox_item_labels').columns(['workspace_id', 'label']).execute();
  await db.schema.dropIndex('inbox_item_labels_by_time').execute();
  await db.schema.alterTable('inbox_item_labels').dropColumn('item_created_at').execute();
  for (const [name, columns] of DROPPED) await db.schema.createIndex(name).on('inbox_items').columns(columns).execute();
  await db.schema.dropIndex('inbox_items_by_time').execute();
  await db.schema.dropIndex('inbox_items_by_risk').execute();
}
