import type { Kysely } from 'kysely';

// One row per workspace once its moderation rules exist: the conservative defaults are created on first use, and
// a workspace that later deletes every rule is not given them back.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('moderation_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('rules_created_at', 'bigint', (c) => c.notNull())
    .addColumn('highlight_notified_week', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('moderation_settings').execute();
}
