import { CompiledQuery, sql, type RawBuilder } from 'kysely';
import type { Store } from './database.js';

/**
 * A stamp of what the database has committed: two reads that find the same stamp before they run see the same
 * data, whoever wrote meanwhile (this process, a worker, another server). An answer computed after reading a
 * stamp can be given again while the stamp holds.
 *
 * SQLite: the changes made through this connection (total_changes) and the count of commits by any other
 * connection that this one has seen (data_version). PostgreSQL: the current snapshot (xmin:xmax:running xids),
 * which moves whenever a writing transaction starts or ends anywhere in the cluster.
 *
 * The stamp is read before the data: a write landing between the two leaves an answer that is newer than its
 * stamp, and that stamp never comes back, so the answer is never given again.
 */
// Read on every remembered answer: written as SQL once rather than built each time.
const SQLITE_STAMP = CompiledQuery.raw('select total_changes() as c, (select data_version from pragma_data_version) as v') as CompiledQuery<{ c: number; v: number }>;
const POSTGRES_STAMP = CompiledQuery.raw('select pg_current_snapshot()::text as s') as CompiledQuery<{ s: string }>;

export async function dataStamp(store: Store): Promise<string> {
  if (store.dialect === 'sqlite') {
    const { rows } = await store.db.executeQuery(SQLITE_STAMP);
    return `${rows[0]!.c}:${rows[0]!.v}`;
  }
  const { rows } = await store.db.executeQuery(POSTGRES_STAMP);
  return rows[0]!.s;
}

/**
 * The stamp as a column of another query, for a read every request makes anyway (its membership): on PostgreSQL
 * one round trip less for every remembered answer. The same text dataStamp gives.
 */
export function stampColumn(dialect: Store['dialect']): RawBuilder<string> {
  return dialect === 'sqlite'
    ? sql<string>`total_changes() || ':' || (select data_version from pragma_data_version)`
    : sql<string>`pg_current_snapshot()::text`;
}
