import type { Kysely } from 'kysely';

/**
 * Where an account's live stream stopped (the Bluesky firehose's sequence number), kept apart from the poll's
 * cursor: after a restart the stream resumes from it instead of from the live events, so what was written while
 * Ruche was down arrives by the stream too, not only with the next poll.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inbox_sources').addColumn('stream_cursor', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inbox_sources').dropColumn('stream_cursor').execute();
}
