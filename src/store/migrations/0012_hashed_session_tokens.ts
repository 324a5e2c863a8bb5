import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Session tokens are now stored hashed: the rows written before hold raw tokens that no cookie can match
 * any more, and that would sign someone in from a copy of the data. They go; their users sign in again.
 * On a new install the auth library has not created its tables yet, so there is nothing to do.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const found = postgres
    ? await sql<{ present: boolean }>`select to_regclass('"session"') is not null as present`.execute(db)
    : await sql<{ present: number }>`select count(*) as present from sqlite_master where type = 'table' and name = 'session'`.execute(db);
  if (!found.rows[0]?.present) return;
  await sql`delete from ${sql.table('session')}`.execute(db);
}

export async function down(): Promise<void> {}
