import type { Kysely } from 'kysely';

/**
 * The editorial charter: every version a workspace saved (the newest is current), and on each post what the
 * charter asked of it when its text was last checked (the terms that need a legal review, with their reasons).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('charter_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('charter', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('charter_versions_workspace_version', ['workspace_id', 'version'])
    .execute();
  await db.schema.alterTable('posts').addColumn('charter_review', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('posts').dropColumn('charter_review').execute();
  await db.schema.dropTable('charter_versions').execute();
}
