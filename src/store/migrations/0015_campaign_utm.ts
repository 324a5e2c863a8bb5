import type { Kysely } from 'kysely';

// UTM tags per campaign: on or off, and the three values (an empty source means the network, an empty campaign its slug).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('campaigns').addColumn('utm_enabled', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('campaigns').addColumn('utm_source', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('campaigns').addColumn('utm_medium', 'text', (c) => c.notNull().defaultTo('social')).execute();
  await db.schema.alterTable('campaigns').addColumn('utm_campaign', 'text', (c) => c.notNull().defaultTo('')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['utm_campaign', 'utm_medium', 'utm_source', 'utm_enabled']) {
    await db.schema.alterTable('campaigns').dropColumn(column).execute();
  }
}
