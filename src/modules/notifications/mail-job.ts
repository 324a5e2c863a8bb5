import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob } from '../../jobs/index.js';
import { NOTIFICATION_EMAIL } from './job-names.js';
import { isNotificationKind, linkFor } from './kinds.js';
import { notificationMail, type MailLocale } from './mail-text.js';
import { parseParams } from './presenters.js';

/**
 * Sends one notification by e-mail, from the worker once the change that made it has committed. Someone who
 * left the workspace meanwhile gets nothing; a retry after a sent mail does not send it again.
 */
export function notificationEmailJob(ctx: AppContext) {
  return defineJob({
    type: NOTIFICATION_EMAIL,
    version: 1,
    schema: z.object({ notificationId: z.string().min(1) }),
    maxAttempts: 6,
    async run({ notificationId }) {
      const { db } = ctx.store;
      const row = await db
        .selectFrom('notifications as n')
        .innerJoin('memberships as m', (j) => j.onRef('m.workspace_id', '=', 'n.workspace_id').onRef('m.user_id', '=', 'n.user_id'))
        .innerJoin('workspaces as w', 'w.id', 'n.workspace_id')
        .innerJoin('user as u', 'u.id', 'n.user_id')
        .leftJoin('notification_settings as s', 's.user_id', 'n.user_id')
        .select(['n.kind', 'n.params', 'n.object_type', 'n.object_id', 'n.workspace_id', 'n.emailed_at', 'n.email', 'w.name', 'w.locale', 'u.email as to', 's.locale as user_locale'])
        .where('n.id', '=', notificationId)
        .executeTakeFirst();
      if (!row) return { skipped: 'not_a_member' };
      if (row.emailed_at !== null || Number(row.email) !== 1) return { skipped: 'sent' };
      if (!ctx.mailer.enabled) return { skipped: 'no_mail' };
      if (!isNotificationKind(row.kind)) return { skipped: 'unknown_kind' };
      const base = ctx.config.publicUrl.replace(/\/+$/, '');
      await ctx.mailer.send(
        notificationMail({
          to: row.to,
          kind: row.kind,
          params: parseParams(row.params),
          locale: mailLocale(row.user_locale, row.locale),
          workspaceName: row.name,
          link: base + linkFor({ type: row.object_type, id: row.object_id }, row.workspace_id),
          settingsLink: `${base}/account/notifications`,
        }),
      );
      await db.updateTable('notifications').set({ emailed_at: ctx.clock.now() }).where('id', '=', notificationId).execute();
      return { sent: true };
    },
  });
}

/** The person's own language when known, else the workspace's, else English. */
export function mailLocale(userLocale: string | null, workspaceLocale: string | null): MailLocale {
  for (const l of [userLocale, workspaceLocale]) if (l === 'fr' || l === 'en') return l;
  return 'en';
}
