import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob } from '../../jobs/index.js';
import { NOTIFICATIONS_PURGE } from './job-names.js';

const DAY = 86400_000;
export const KEEP_READ_MS = 90 * DAY;
export const KEEP_ANY_MS = 365 * DAY;
// Rows kept only to send an e-mail: the job has long run or given up by then.
const KEEP_MAIL_ONLY_MS = 7 * DAY;

/**
 * Keeps the table small: old read notifications, very old ones, those of people who left the workspace, and
 * those about posts deleted since.
 */
export function notificationsPurgeJob(ctx: AppContext) {
  return defineJob({
    type: NOTIFICATIONS_PURGE,
    version: 1,
    schema: z.object({}),
    maxAttempts: 3,
    async run() {
      const now = ctx.clock.now();
      const { db } = ctx.store;
      const old = await db
        .deleteFrom('notifications')
        .where((eb) =>
          eb.or([
            eb('read_at', '<', now - KEEP_READ_MS),
            eb('created_at', '<', now - KEEP_ANY_MS),
            eb.and([eb('in_app', '=', 0), eb('created_at', '<', now - KEEP_MAIL_ONLY_MS)]),
          ]),
        )
        .executeTakeFirst();
      const left = await db
        .deleteFrom('notifications')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('memberships')
                .select('memberships.id')
                .whereRef('memberships.workspace_id', '=', 'notifications.workspace_id')
                .whereRef('memberships.user_id', '=', 'notifications.user_id'),
            ),
          ),
        )
        .executeTakeFirst();
      const gone = await db
        .deleteFrom('notifications')
        .where('object_type', '=', 'post')
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('posts').select('posts.id').whereRef('posts.id', '=', 'notifications.object_id'))),
        )
        .executeTakeFirst();
      return { old: Number(old.numDeletedRows), leftWorkspace: Number(left.numDeletedRows), postDeleted: Number(gone.numDeletedRows) };
    },
  });
}
