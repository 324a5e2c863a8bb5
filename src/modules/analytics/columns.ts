import { sql, type RawBuilder } from 'kysely';
import type { Reader } from './scope.js';

/**
 * The rows of a query of many short rows (a day each, over a year and the year before), read on PostgreSQL as one
 * row holding a JSON array per column: the server writes each column's name once rather than once a row, and the
 * process parses a third of the text. Each array takes the rows in the same order, as one pass aggregates them all.
 * Elsewhere (SQLite) the rows as they come.
 */
export async function rowsByColumns(r: Pick<Reader, 'db' | 'dialect'>, query: RawBuilder<unknown>, names: readonly string[]): Promise<Array<Record<string, unknown>>> {
  if (r.dialect !== 'postgres') return (await sql<Record<string, unknown>>`${query}`.execute(r.db)).rows;
  const { rows } = await sql<Record<string, unknown[] | null>>`select ${sql.join(names.map((n) => sql`json_agg(c.${sql.ref(n)}) as ${sql.ref(n)}`))}
    from (${query}) c`.execute(r.db);
  const columns = rows[0];
  const count = columns?.[names[0]!]?.length ?? 0;
  const out: Array<Record<string, unknown>> = new Array(count);
  for (let i = 0; i < count; i++) {
    const row: Record<string, unknown> = {};
    for (const name of names) row[name] = columns![name]![i];
    out[i] = row;
  }
  return out;
}
