import type SQLite from 'better-sqlite3';

/**
 * A prepared statement whose rows are read as arrays and turned into objects by a function made for its columns.
 * better-sqlite3 builds each row object one property at a time, which past a few dozen columns costs more than
 * the query itself (an inbox page of 51 rows by 46 columns: 0.75 ms as objects, 0.44 ms this way). An object
 * literal with every column gets V8's fast shape at once.
 */
export interface RowStatement {
  readonly reader: boolean;
  all(parameters: readonly unknown[]): unknown[];
  run(parameters: readonly unknown[]): SQLite.RunResult;
  iterate(parameters: readonly unknown[]): IterableIterator<unknown>;
}

type RowOf = (values: unknown[]) => Record<string, unknown>;

/** A row factory for these column names; a later duplicate name wins, as in better-sqlite3's own objects. */
function rowFactory(names: string[]): RowOf {
  // The names are written as JSON string literals, so no column name (an alias from anywhere) can break out.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('v', `return {${names.map((n, i) => `${JSON.stringify(n)}: v[${i}]`).join(', ')}};`) as RowOf;
}

export function rowStatement(stmt: SQLite.Statement): RowStatement {
  if (!stmt.reader) {
    return { reader: false, all: (p) => stmt.all(p), run: (p) => stmt.run(p), iterate: (p) => stmt.iterate(p) };
  }
  let width = -1;
  let make: RowOf = () => ({});
  const shape = () => {
    const names = stmt.columns().map((c) => c.name);
    width = names.length;
    make = rowFactory(names);
  };
  shape();
  stmt.raw(true);
  // SQLite re-prepares a statement whose tables changed under it (the cache drops statements on a schema change,
  // so this is a second guard): a row of another width means other columns.
  const row = (values: unknown[]) => {
    if (values.length !== width) shape();
    return make(values);
  };
  return {
    reader: true,
    all: (p) => (stmt.all(p) as unknown[][]).map(row),
    run: (p) => stmt.run(p),
    *iterate(p) {
      for (const v of stmt.iterate(p) as IterableIterator<unknown[]>) yield row(v);
    },
  };
}

/** Statements that change the schema: prepared statements' column lists may be stale after them. */
export const changesSchema = (source: string) => /^\s*(create|alter|drop)\b/i.test(source);
