import type { Kysely } from 'kysely';

// What a workspace lets its clients see: drafts in progress, internal comments (both off unless chosen). Comments
// written before this were readable by every member, the client included: they stay so.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('clients_see_drafts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('workspaces')
    .addColumn('clients_see_internal_comments', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('post_events')
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('post_events').dropColumn('internal').execute();
  await db.schema.alterTable('workspaces').dropColumn('clients_see_internal_comments').execute();
  await db.schema.alterTable('workspaces').dropColumn('clients_see_drafts').execute();
}
