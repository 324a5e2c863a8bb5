import type { KyselyPlugin } from 'kysely';

/**
 * Counts the queries a database built and then ran, each time it ran them (compiled for the call, or once for
 * many calls), to tell whether an answer was read again or given from memory. Queries written as SQL once
 * (CompiledQuery.raw, such as the data stamp) pass beside it.
 */
export function queryCounter() {
  const built = new WeakSet<object>();
  const counter = {
    count: 0,
    plugin: {
      transformQuery: (args) => {
        built.add(args.queryId);
        return args.node;
      },
      transformResult: async (args) => {
        if (built.has(args.queryId)) counter.count++;
        return args.result;
      },
    } satisfies KyselyPlugin,
  };
  return counter;
}
