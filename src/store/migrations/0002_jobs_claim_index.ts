import { sql, type Kysely } from 'kysely';

// Claiming reads queued jobs by priority then due time; this index lets it stop after the batch it takes.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index jobs_claim on jobs (status, priority desc, run_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index jobs_claim`.execute(db);
}
