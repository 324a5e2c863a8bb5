import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Pool } from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import type { Config } from '../config/config.js';
import { ownerOnlyFile } from '../config/secrets.js';
import { pg } from './pg.js';
import { changesSchema, rowStatement, type RowStatement } from './sqlite-rows.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** PostgreSQL only: the pool, for LISTEN/NOTIFY connections. */
  pool?: Pool;
  /** PostgreSQL only: the schema every connection uses. */
  schema?: string;
  /** SQLite only: the database's file, which other threads may open to read. */
  file?: string;
  destroy(): Promise<void>;
}

// int8 columns (millisecond timestamps, counters) come back as strings by default; they fit in a double.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (v: string) => Number(v);
    return pg().types.getTypeParser(oid, format as 'text');
  },
};

export function openStore(database: Config['database']): Store {
  if (database.kind === 'sqlite') return openSqlite(database.file);
  return openPostgres(database.url, database.schema);
}

function openSqlite(file: string): Store {
  if (file !== ':memory:') ownerOnly(file);
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged write survives a power cut, not just a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Statement journals (an insert that fires triggers, such as the inbox's search index) stay in memory, not in temp files.
  sqlite.pragma('temp_store = MEMORY');
  // A large inbox's indexes do not fit the default 2 MB page cache: the pages every list reads stay in memory
  // rather than being read again from the file. The cache grows only as pages are read.
  sqlite.pragma('cache_size = -65536');
  // The planner picks between the inbox's indexes from statistics: kept up to date at open and hourly, each table
  // analysed only when it changed enough, on a bounded sample so that a large database does not stall.
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma('optimize = 0x10002');
  const optimizing = setInterval(() => sqlite.open && sqlite.pragma('optimize'), 3_600_000);
  optimizing.unref();
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    file: file === ':memory:' ? undefined : file,
    destroy: () => {
      clearInterval(optimizing);
      return db.destroy();
    },
  };
}

/**
 * A connection of another thread to the same SQLite file, for reading only: WAL lets it read while the main
 * thread writes, each read seeing the last committed state. It keeps prepared statements as the main one does.
 */
export function openSqliteReader(file: string): Kysely<Database> {
  const sqlite = new SQLite(file, { fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('query_only = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

/**
 * The database holds password hashes and sealed network tokens: its folder and files are the owner's only.
 * SQLite gives the -wal and -shm files the database file's mode, so creating that file first is enough;
 * files left readable by an older install are tightened.
 */
function ownerOnly(file: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) ownerOnlyFile(f);
}

/**
 * Kysely prepares every query anew; the same few hundred statements run again and again (claims, publishing),
 * so prepared statements are kept and reused, most recent first. Their rows are made by `rowStatement`. A change
 * of schema (migrations) empties the cache, so that no statement keeps an old list of columns.
 */
function withStatementCache(sqlite: SQLite.Database, size = 500): SQLite.Database {
  const cache = new Map<string, RowStatement>();
  const prepare = sqlite.prepare.bind(sqlite);
  const exec = sqlite.exec.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop === 'exec') {
        return (source: string) => {
          cache.clear();
          return exec(source);
        };
      }
      if (prop !== 'prepare') {
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (source: string) => {
        if (changesSchema(source)) {
          cache.clear();
          return rowStatement(prepare(source));
        }
        let stmt = cache.get(source);
        if (stmt) {
          cache.delete(source);
        } else {
          stmt = rowStatement(prepare(source));
          if (cache.size >= size) cache.delete(cache.keys().next().value!);
        }
        cache.set(source, stmt);
        return stmt;
      };
    },
  });
}

function openPostgres(url: string, schema?: string): Store {
  const pool = new (pg().Pool)({
    connectionString: url,
    max: 10,
    types: pgTypes,
    options: schema ? `-c search_path=${schema}` : undefined,
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    pool,
    schema,
    destroy: () => db.destroy(),
  };
}
