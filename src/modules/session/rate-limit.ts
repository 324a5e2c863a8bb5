import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { rateLimited } from '../../http/errors.js';

export interface Limit {
  key: string;
  max: number;
  windowMs: number;
}

const windowOf = (limit: Limit, now: number) => now - (now % limit.windowMs);

/**
 * Fixed-window counters in the database, so every API process of a cluster shares them.
 * `hit` counts an attempt and throws 429 once the window is full.
 */
export async function hit(db: Kysely<Database>, limit: Limit, now = Date.now()): Promise<void> {
  const windowStart = windowOf(limit, now);
  await db
    .insertInto('rate_limits')
    .values({ key: limit.key, count: 1, window_start: windowStart })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb
          .case()
          .when('rate_limits.window_start', '=', windowStart)
          .then(eb('rate_limits.count', '+', 1))
          .else(1)
          .end(),
        window_start: windowStart,
      })),
    )
    .execute();
  const row = await db.selectFrom('rate_limits').select('count').where('key', '=', limit.key).executeTakeFirst();
  if (row && row.count > limit.max) {
    throw rateLimited(Math.ceil((windowStart + limit.windowMs - now) / 1000));
  }
}

/**
 * Gives back an attempt counted by `hit` at `now`, for attempts that turned out not to count (a right
 * password). Counting first and refunding after keeps concurrent attempts from slipping past the limit.
 */
export async function refund(db: Kysely<Database>, limit: Limit, now: number): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set((eb) => ({ count: eb('count', '-', 1) }))
    .where('key', '=', limit.key)
    .where('window_start', '=', windowOf(limit, now))
    .where('count', '>', 0)
    .execute();
}
