import { z } from 'zod';
import { defineJob } from '../../jobs/index.js';
import type { Store } from '../../store/database.js';
import type { Clock } from '../../shared/clock.js';

export const HOUSEKEEPING_PURGE = 'housekeeping.purge';
const KEEP_FINISHED_JOBS_MS = 30 * 86400_000;
/**
 * Likes, reposts and follows already counted are remembered so that a page read again is not counted twice; no
 * walk of a network's notifications reaches back this far into what it already read.
 */
export const KEEP_COUNTED_EVENTS_MS = 30 * 86400_000;

/**
 * Drops expired sessions, stale rate-limit windows, old finished jobs, idempotency keys past their day and inbox
 * events counted long ago, so tables stay small.
 */
export function purgeJob(store: Store, clock: Clock) {
  return defineJob({
    type: HOUSEKEEPING_PURGE,
    version: 1,
    schema: z.object({}),
    maxAttempts: 3,
    async run() {
      const now = clock.now();
      // The auth library keeps times as ISO text on SQLite and as timestamps on PostgreSQL.
      const cutoff = store.dialect === 'sqlite' ? new Date(now).toISOString() : new Date(now);
      const sessions = await store.db.deleteFrom('session').where('expiresAt', '<', cutoff).executeTakeFirst();
      await store.db.deleteFrom('rate_limits').where('window_start', '<', now - 86400_000).execute();
      const jobs = await store.db
        .deleteFrom('jobs')
        .where('status', 'in', ['succeeded', 'cancelled'])
        .where('finished_at', '<', now - KEEP_FINISHED_JOBS_MS)
        .executeTakeFirst();
      const keys = await store.db.deleteFrom('idempotency_keys').where('expires_at', '<=', now).executeTakeFirst();
      const counted = await store.db.deleteFrom('inbox_counted').where('created_at', '<', now - KEEP_COUNTED_EVENTS_MS).executeTakeFirst();
      return { sessions: Number(sessions.numDeletedRows), jobs: Number(jobs.numDeletedRows), idempotencyKeys: Number(keys.numDeletedRows), countedEvents: Number(counted.numDeletedRows) };
    },
  });
}
