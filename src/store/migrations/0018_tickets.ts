import type { Kysely } from 'kysely';

/**
 * Tickets: a built-in department exists once per workspace, a department gets one ticket per item, a reply
 * token leads to one ticket; and a ticket message says whether it is the department's answer or an internal note.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('departments_key').unique().on('departments').columns(['workspace_id', 'key']).execute();
  await db.schema.createIndex('tickets_item_department').unique().on('tickets').columns(['item_id', 'department_id']).execute();
  await db.schema.createIndex('tickets_reply_token').unique().on('tickets').column('reply_token_hash').execute();
  await db.schema.alterTable('ticket_messages').addColumn('answer', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ticket_messages').dropColumn('answer').execute();
  await db.schema.dropIndex('tickets_reply_token').execute();
  await db.schema.dropIndex('tickets_item_department').execute();
  await db.schema.dropIndex('departments_key').execute();
}
