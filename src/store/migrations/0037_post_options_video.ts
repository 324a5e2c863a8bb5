import type { Kysely } from 'kysely';

/**
 * Each post's per-network settings (Instagram format, first comment, YouTube title and privacy, Pinterest board
 * and link) as JSON keyed by network, edited and versioned with the post; and a video's length in the library.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('posts').addColumn('network_options', 'text', (c) => c.notNull().defaultTo('{}')).execute();
  await db.schema.alterTable('media').addColumn('duration_sec', 'real').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('media').dropColumn('duration_sec').execute();
  await db.schema.alterTable('posts').dropColumn('network_options').execute();
}
