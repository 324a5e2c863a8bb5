import type { Kysely } from 'kysely';

/** The inbound path finds the post of ours an item answers by the network's id of that post. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('post_targets_external').on('post_targets').column('external_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('post_targets_external').execute();
}
