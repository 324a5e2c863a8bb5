import type { KyselyPlugin } from 'kysely';

/**
 * Counts the queries built through a database, to tell whether an answer was read again or given from memory.
 * Queries written as SQL once (CompiledQuery.raw) pass beside it.
 */
export function queryCounter() {
  const counter = {
    count: 0,
    plugin: {
      transformQuery: (args) => {
        counter.count++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    } satisfies KyselyPlugin,
  };
  return counter;
}
