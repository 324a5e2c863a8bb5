import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/**
 * A query whose SQL is built and compiled once per database, then run with each call's values: the reads every
 * request makes (its session, its membership) otherwise rebuild and compile the same statement every time,
 * which costs more than running it. The query is compiled with marks in place of the arguments, and each mark's
 * parameter is then given the call's value.
 */
export function compiledOnce<D, A extends readonly unknown[], O>(build: (db: Kysely<D>, ...args: A) => Compilable<O>) {
  const known = new WeakMap<Kysely<D>, { query: CompiledQuery<O>; slots: Array<number | null> }>();
  return async (db: Kysely<D>, ...args: A): Promise<O[]> => {
    let compiled = known.get(db);
    if (!compiled) {
      const marks = args.map((_, i) => `\u0000compiled-once argument ${i}\u0000`);
      const query = build(db, ...(marks as unknown as A)).compile();
      const slots = query.parameters.map((p) => (typeof p === 'string' && marks.includes(p) ? marks.indexOf(p) : null));
      // An argument written into the SQL itself (a literal, an identifier) cannot be given afresh on each call.
      if (marks.some((_, i) => !slots.includes(i))) throw new Error('compiledOnce: every argument must be a query parameter');
      known.set(db, (compiled = { query, slots }));
    }
    const { query, slots } = compiled;
    const parameters = query.parameters.map((p, j) => (slots[j] === null ? p : args[slots[j]!]));
    return (await db.executeQuery<O>({ ...query, parameters })).rows;
  };
}
