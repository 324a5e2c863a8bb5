import { sql, type Kysely } from 'kysely';

/**
 * Who administers the instance itself (its developer apps on the networks), and the instance's own settings
 * (the verify token Meta's webhook subscription checks). The person who installed Ruche administers it: on an
 * existing install, the earliest account created, which is the owner set up on the first visit.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('instance_admins')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('instance_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // The accounts table is created after these migrations on a new install: then the owner set up is added instead.
  // On PostgreSQL only the current schema counts (another schema of the same database may have its own accounts).
  let schema: string | null = null;
  try {
    schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s ?? null;
  } catch {
    schema = null; // SQLite has no schemas (and its failed statement leaves the migration's transaction usable)
  }
  const hasUsers = (await db.introspection.getTables()).some((t) => t.name === 'user' && (schema === null || t.schema === schema));
  const first = hasUsers ? await db.selectFrom('user').select('id').orderBy('createdAt').orderBy('id').limit(1).executeTakeFirst() : undefined;
  if (first) await db.insertInto('instance_admins').values({ user_id: first.id, added_at: Date.now() }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('instance_settings').execute();
  await db.schema.dropTable('instance_admins').execute();
}
