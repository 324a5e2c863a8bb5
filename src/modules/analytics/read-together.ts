import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, type CompiledQuery, type DatabaseConnection, type Driver, type OperationNode, type QueryResult } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { Reader } from './scope.js';

interface Waiting {
  query: CompiledQuery;
  resolve: (r: QueryResult<unknown>) => void;
  reject: (e: unknown) => void;
}

/**
 * A connection that sends the queries asked of it together: those asked before the event loop turns (a dashboard's
 * figures ask most of theirs at once) go as one statement, each query a subquery whose rows come back as a JSON
 * array. One round trip and one statement to parse instead of a dozen.
 */
class TogetherConnection implements DatabaseConnection {
  #waiting: Waiting[] = [];
  #scheduled = false;

  constructor(private readonly conn: Kysely<Database>) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return new Promise<QueryResult<R>>((resolve, reject) => {
      this.#waiting.push({ query, resolve: resolve as Waiting['resolve'], reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => void this.#send());
      }
    });
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('queries read together are not streamed');
  }

  async #send() {
    const batch = this.#waiting;
    this.#waiting = [];
    this.#scheduled = false;
    try {
      if (batch.length === 1) {
        batch[0]!.resolve(await this.conn.executeQuery(batch[0]!.query));
        return;
      }
      const node = (q: CompiledQuery) => ({ toOperationNode: (): OperationNode => q.query });
      const { rows } = await sql<Record<string, unknown[]>>`select ${sql.join(batch.map((w, i) =>
        sql`(select coalesce(json_agg(t), '[]') from (${node(w.query)}) t) as ${sql.ref(`r${i}`)}`))}`.execute(this.conn);
      batch.forEach((w, i) => w.resolve({ rows: rows[0]![`r${i}`]! }));
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }
}

class TogetherDriver implements Driver {
  constructor(private readonly connection: TogetherConnection) {}
  async init() {}
  async acquireConnection() { return this.connection; }
  async beginTransaction() { throw new Error('queries read together run in a transaction already'); }
  async commitTransaction() {}
  async rollbackTransaction() {}
  async releaseConnection() {}
  async destroy() {}
}

/**
 * Figures read on PostgreSQL in one read-only transaction on one connection: all of them from the same snapshot,
 * without parallel workers (a dashboard's queries are small: starting workers costs more than they save, and they
 * take cores from the other readers; PostgreSQL plans them for the union of days and months whatever the tables
 * say) nor JIT compilation (a statement of a dozen queries together adds up their costs, and may pass its threshold
 * where none of them would: compiling takes longer than these small sums), and the queries asked together sent as
 * one statement. Elsewhere (SQLite) the reader as it is.
 */
export async function readTogether<T>(r: Reader, work: (r: Reader) => Promise<T>): Promise<T> {
  if (r.dialect !== 'postgres' || r.db.isTransaction) return work(r);
  return r.db.connection().execute(async (conn) => {
    // No parameters: sent as a simple query, both statements in one round trip.
    await sql`begin transaction isolation level repeatable read, read only; set local max_parallel_workers_per_gather = 0; set local jit = off`.execute(conn);
    const db = new Kysely<Database>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new TogetherDriver(new TogetherConnection(conn)),
        createIntrospector: (k) => new PostgresIntrospector(k),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
    });
    try {
      const out = await work({ ...r, db });
      await sql`commit`.execute(conn);
      return out;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw err;
    }
  });
}
