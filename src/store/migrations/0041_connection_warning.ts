import type { Kysely } from 'kysely';

/**
 * A warning left by connecting an account (Meta refusing a Page's webhooks), apart from `status_message`: the next
 * successful call clears that one, while this one stands until the cause is resolved.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('social_accounts').addColumn('connection_warning', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('social_accounts').dropColumn('connection_warning').execute();
}
