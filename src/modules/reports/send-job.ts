import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob } from '../../jobs/index.js';
import { readMediaFile } from '../media/storage.js';
import { fill, reportStrings } from './i18n/index.js';
import { periodName } from './format.js';
import { REPORT_SEND } from './job-names.js';
import { downloadName } from './service.js';

/** A finished report to one recipient, its PDF attached, the words in the report's language. */
export function reportSendJob(ctx: AppContext) {
  return defineJob({
    type: REPORT_SEND,
    version: 1,
    schema: z.object({ reportId: z.string().min(1), to: z.string().email() }),
    maxAttempts: 6,
    async run({ reportId, to }) {
      const row = await ctx.store.db.selectFrom('reports as r').innerJoin('workspaces as w', 'w.id', 'r.workspace_id')
        .select(['r.title', 'r.locale', 'r.period', 'r.period_start', 'r.period_end', 'r.status', 'r.pdf_key', 'w.name', 'w.timezone'])
        .where('r.id', '=', reportId).executeTakeFirst();
      if (!row || row.status !== 'ready' || !row.pdf_key) return { skipped: 'not_ready' };
      if (!ctx.mailer.enabled) return { skipped: 'no_mail' };
      const locale = row.locale === 'fr' ? 'fr' : 'en';
      const t = reportStrings(locale);
      const period = periodName(t, locale, row.period, Number(row.period_start), Number(row.period_end), row.timezone);
      const values = { title: row.title, period, workspace: row.name };
      await ctx.mailer.send({
        to,
        subject: fill(t.mail.subject, values).replace(/[\r\n]+/g, ' '),
        text: fill(t.mail.body, values),
        attachments: [{ filename: downloadName(row, 'pdf', row.timezone), content: Buffer.from(await readMediaFile(ctx.config.dataDir, row.pdf_key)), contentType: 'application/pdf' }],
      });
      return { sent: true };
    },
  });
}
