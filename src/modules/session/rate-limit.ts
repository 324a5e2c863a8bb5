import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { rateLimited } from '../../http/errors.js';

export interface Limit {
  key: string;
  max: number;
  windowMs: number;
}

/**
 * Fixed-window counters in the database, so every API process of a cluster shares them.
 * `hit` counts an attempt and throws 429 once the window is full.
 */
export async function hit(db: Kysely<Database>, limit: Limit, now = Date.now()): Promise<void> {
  const windowStart = now - (now % limit.windowMs);
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

export async function clear(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}
