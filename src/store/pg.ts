import { createRequire } from 'node:module';
import type pgModule from 'pg';

let loaded: typeof pgModule | null = null;

/**
 * The PostgreSQL client library, loaded by the first PostgreSQL store: a server on the embedded SQLite database
 * never reads it. pg is CommonJS, so it loads synchronously, where stores are opened.
 */
export function pg(): typeof pgModule {
  return (loaded ??= createRequire(import.meta.url)('pg') as typeof pgModule);
}

/** pg if a PostgreSQL store loaded it, else null (no error can then come from it). */
export const pgIfLoaded = (): typeof pgModule | null => loaded;
