import type { Kysely } from 'kysely';

// Workspace settings: a logo (a file in the data folder) and the first day of the calendar's week.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workspaces').addColumn('logo_key', 'text').execute();
  await db.schema.alterTable('workspaces').addColumn('logo_updated_at', 'bigint').execute();
  await db.schema
    .alterTable('workspaces')
    .addColumn('week_start', 'text', (c) => c.notNull().defaultTo('monday'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workspaces').dropColumn('week_start').execute();
  await db.schema.alterTable('workspaces').dropColumn('logo_updated_at').execute();
  await db.schema.alterTable('workspaces').dropColumn('logo_key').execute();
}
