import { CompiledQuery, PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

const texts = new Map<string, string>();
const MAX_TEXTS = 1000;

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A multi-row INSERT whose text is written once per table, columns, row count and ending, then kept. Kysely would
 * build and compile a node for each value (3,700 for a page of 100 items: about a millisecond) into the same text
 * every time; SQLite's statement cache then finds the text it prepared before. Values are bound parameters, as
 * Kysely binds them. `ending` is what follows the values (ON CONFLICT, RETURNING), written with quoted names.
 */
export async function bulkInsert<R>(
  db: Kysely<Database>, table: string, columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>, ending: string,
): Promise<R[]> {
  if (rows.length === 0) return [];
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const key = `${postgres ? 'pg' : 'sqlite'}\n${table}\n${columns.join(',')}\n${rows.length}\n${ending}`;
  let text = texts.get(key);
  if (!text) {
    let n = 0;
    const tuple = () => `(${columns.map(() => (postgres ? `$${++n}` : '?')).join(', ')})`;
    text = `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) values ${rows.map(tuple).join(', ')} ${ending}`;
    if (texts.size >= MAX_TEXTS) texts.clear();
    texts.set(key, text);
  }
  const params: unknown[] = [];
  for (const row of rows) {
    if (row.length !== columns.length) throw new Error(`bulkInsert into ${table}: a row has ${row.length} values for ${columns.length} columns`);
    for (const v of row) params.push(v);
  }
  return (await db.executeQuery<R>(CompiledQuery.raw(text, params))).rows;
}

const ESCAPED = /[\\"]/;
const ESCAPED_ALL = /[\\"]/g;

/**
 * A column of rows as PostgreSQL's array literal, the text pg would make of the array (quoted elements, backslash and
 * double quote escaped, NULL for null), built with one join: pg's own builds it by appending, which for a column of a
 * thousand texts allocated several times the text it sends.
 */
function arrayLiteral(rows: ReadonlyArray<readonly unknown[]>, column: number): string {
  return pgArrayLiteral(rows.length, (i) => rows[i]![column]);
}

/** As arrayLiteral, for `length` values given one by one. */
export function pgArrayLiteral(length: number, value: (i: number) => unknown): string {
  const parts = new Array<string>(length);
  for (let i = 0; i < length; i++) {
    const v = value(i);
    if (v === null || v === undefined) parts[i] = 'NULL';
    // A finite number needs neither quotes nor escapes (an element is read by the array's type either way), and
    // most of a batch's columns are numbers.
    else if (typeof v === 'number' && Number.isFinite(v)) parts[i] = String(v);
    else {
      const text = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
      parts[i] = ESCAPED.test(text) ? `"${text.replace(ESCAPED_ALL, '\\$&')}"` : `"${text}"`;
    }
  }
  return `{${parts.join(',')}}`;
}

export type PgType = 'text' | 'bigint' | 'integer' | 'real';

/**
 * As bulkInsert, but on PostgreSQL the rows travel as one array per column (`insert … select * from unnest(…)`):
 * one bound parameter per column instead of one per value, so that a batch of a thousand rows is parsed and bound
 * in a fraction of the time. SQLite, which binds values in the process, takes the plain multi-row form.
 */
export async function bulkInsertColumns<R>(
  db: Kysely<Database>, table: string, columns: readonly string[], types: readonly PgType[], rows: ReadonlyArray<readonly unknown[]>, ending: string,
): Promise<R[]> {
  if (rows.length === 0) return [];
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    const out: R[] = [];
    // SQLite allows 32,766 bound values per statement.
    const per = Math.max(1, Math.floor(30_000 / columns.length));
    for (let i = 0; i < rows.length; i += per) out.push(...(await bulkInsert<R>(db, table, columns, rows.slice(i, i + per), ending)));
    return out;
  }
  if (types.length !== columns.length) throw new Error(`bulkInsertColumns into ${table}: ${types.length} types for ${columns.length} columns`);
  const arrays = columns.map((_, c) => arrayLiteral(rows, c));
  const text = `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) select * from unnest(${types.map((t, i) => `$${i + 1}::${t === 'real' ? 'float8' : t}[]`).join(', ')}) ${ending}`;
  return (await db.executeQuery<R>(CompiledQuery.raw(text, arrays))).rows;
}
