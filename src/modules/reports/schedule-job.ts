import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob } from '../../jobs/index.js';
import { reportSections } from './gather.js';
import { periodName } from './format.js';
import { reportStrings } from './i18n/index.js';
import { REPORTS_SCHEDULE_DUE } from './job-names.js';
import { lastCompletedPeriod, nextRunAt } from './periods.js';
import { parseTexts, queueReport } from './service.js';
import { readableAmong } from './access.js';
import { templateRecipients, templateWorkspaceIds } from './templates.js';

/** Templates handled per run; more wait for the next run, a few minutes later. */
const BATCH = 50;

/**
 * Scheduled reports: each template whose next run has come gets a report of the month or quarter just ended (in
 * its workspace's zone), sent to its recipients once made. The report is created in the same transaction that
 * moves the template's next run, and only by the run that moved it: a task run twice, or two schedulers at once,
 * make one report.
 */
export function reportsScheduleDueJob(ctx: AppContext) {
  return defineJob({
    type: REPORTS_SCHEDULE_DUE,
    version: 1,
    schema: z.object({}).passthrough(),
    maxAttempts: 3,
    async run() {
      const { db } = ctx.store;
      const now = ctx.clock.now();
      const due = await db.selectFrom('report_templates as t').innerJoin('workspaces as w', 'w.id', 't.workspace_id')
        .selectAll('t').select(['w.timezone', 'w.name as workspace_name'])
        .where('t.schedule_enabled', '=', 1).where('t.next_run_at', '<=', now)
        .orderBy('t.next_run_at').limit(BATCH).execute();
      let made = 0;
      for (const tpl of due) {
        const period = lastCompletedPeriod(tpl.period, now, tpl.timezone);
        const locale = tpl.locale === 'fr' ? 'fr' : 'en';
        // The agency workspaces its author still reads; the template's own workspace always.
        const asked = templateWorkspaceIds(tpl).filter((id) => id !== tpl.workspace_id);
        const readable = tpl.created_by ? await readableAmong(db, tpl.created_by, asked) : new Set<string>();
        const others = asked.filter((id) => readable.has(id));
        const created = await db.transaction().execute(async (trx) => {
          const moved = await trx.updateTable('report_templates').set({ next_run_at: nextRunAt(tpl.period, now, tpl.timezone), updated_at: now })
            .where('id', '=', tpl.id).where('schedule_enabled', '=', 1).where('next_run_at', '=', Number(tpl.next_run_at)).executeTakeFirst();
          if (Number(moved.numUpdatedRows) === 0) return false;
          await queueReport(ctx, {
            workspaceId: tpl.workspace_id, templateId: tpl.id, locale, period: tpl.period, start: period.start, end: period.end,
            title: `${tpl.name} — ${periodName(reportStrings(locale), locale, tpl.period, period.start, period.end, tpl.timezone)}`,
            workspaceIds: others.length > 0 ? [tpl.workspace_id, ...others] : [], sections: reportSections(tpl.sections), texts: parseTexts(tpl.texts),
            brandColor: tpl.brand_color, recipients: templateRecipients(tpl), createdBy: tpl.created_by,
          }, trx);
          return true;
        });
        if (created) made++;
      }
      return { due: due.length, made };
    },
  });
}

/** Often enough that a report of the month arrives on the 1st within minutes of its hour. */
export const reportsScheduleTask = { name: 'reports-schedule', everyMs: 10 * 60_000, type: REPORTS_SCHEDULE_DUE, payload: {} };
