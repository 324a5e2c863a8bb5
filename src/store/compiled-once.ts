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

interface Shape<O> {
  query: CompiledQuery<O>;
  /** For each parameter, the name of the value it takes on each call, or null for a value fixed by the shape. */
  slots: Array<string | null>;
}

/**
 * Queries whose SQL depends on a few choices (which filters are given, the order, whether a page goes on from a
 * cursor) and whose values change with every call: each shape is built and compiled once per database, and run
 * with the call's values. `shape` must name everything that changes the SQL, values included when they do (a
 * status that adds a condition); every other value is named in `values` and `build` must give it to the query
 * as a parameter, unchanged. A shape whose values do not all come out as parameters is built afresh each time.
 */
export function compiledShapes<D>() {
  const known = new WeakMap<Kysely<D>, Map<string, Shape<unknown> | null>>();
  return <O>(db: Kysely<D>, shape: string, values: Record<string, unknown>, build: (values: Record<string, unknown>) => Compilable<O>): CompiledQuery<O> => {
    let shapes = known.get(db);
    if (!shapes) known.set(db, (shapes = new Map()));
    let found = shapes.get(shape) as Shape<O> | null | undefined;
    if (found === undefined) {
      const names = Object.keys(values);
      const marks = new Map(names.map((n) => [`\u0000compiled-shape ${n}\u0000`, n]));
      const query = build(Object.fromEntries([...marks].map(([mark, n]) => [n, mark]))).compile();
      const slots = query.parameters.map((p) => (typeof p === 'string' ? (marks.get(p) ?? null) : null));
      // A value changed on its way (a flag turned into 1 or 0) or written into the SQL cannot be given afresh.
      const whole = names.every((n) => slots.includes(n)) && !query.sql.includes('\u0000');
      found = whole ? { query, slots } : null;
      shapes.set(shape, found);
    }
    if (!found) return build(values).compile();
    const { query, slots } = found;
    return { ...query, parameters: query.parameters.map((p, j) => (slots[j] === null ? p : values[slots[j]!])) };
  };
}
