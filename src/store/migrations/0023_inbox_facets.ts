import type { Kysely } from 'kysely';

/**
 * Inbox reads that the single-filter indexes of 0019 left to table lookups. The counts read the newest 5,000
 * matching items' facet columns: an index holding all of them answers from the index alone, in order, instead of
 * 5,000 lookups into the table. The median time to first reply reads received_at beside first_reply_at. "Mine,
 * waiting" (an assignee and a status) is the triage view people keep open: without both in one index it walks
 * the whole workspace newest first to find the few that match.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const index = (name: string, columns: string[]) => db.schema.createIndex(name).on('inbox_items').columns(columns).execute();
  await index('inbox_items_facets', [
    'workspace_id', 'created_at', 'account_id', 'status', 'network', 'kind', 'sentiment', 'toxicity_category', 'complaint', 'language',
    'assignee_id', 'labels',
  ]);
  await index('inbox_items_first_reply_wait', ['workspace_id', 'first_reply_at', 'received_at']);
  await index('inbox_items_assignee_status', ['workspace_id', 'assignee_id', 'status', 'created_at', 'id']);
  await db.schema.dropIndex('inbox_items_first_reply').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('inbox_items_first_reply').on('inbox_items').columns(['workspace_id', 'first_reply_at']).execute();
  for (const i of ['inbox_items_facets', 'inbox_items_first_reply_wait', 'inbox_items_assignee_status']) await db.schema.dropIndex(i).execute();
}
