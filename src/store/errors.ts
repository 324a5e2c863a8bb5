import { pgIfLoaded } from './pg.js';

/**
 * PostgreSQL's data exceptions (SQLSTATE class 22: a NUL in text, a number out of range, text where a
 * number belongs): the value sent was wrong, not the server. SQLite stores such values as they come.
 */
export function isRejectedValue(err: unknown): boolean {
  const pg = pgIfLoaded();
  return !!pg && err instanceof pg.DatabaseError && typeof err.code === 'string' && err.code.startsWith('22');
}
