import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob, type JobContext } from '../../jobs/index.js';
import { writeMediaFile } from '../media/storage.js';
import { gatherReport } from './gather.js';
import { renderOffThread } from './render-thread.js';
import { REPORT_GENERATE, REPORT_SEND } from './job-names.js';
import { fileKey, readableError } from './service.js';

const MAX_ATTEMPTS = 3;

/** The steps a report goes through, as its progress tells them: done counts the steps finished. */
export const STEPS = ['gather', 'charts', 'pdf', 'spreadsheets'] as const;
const step = (job: JobContext, name: (typeof STEPS)[number] | 'done') =>
  job.progress(name === 'done' ? STEPS.length : STEPS.indexOf(name), STEPS.length, name);

/** Each recipient's mail is a job of its own, keyed by report and address: queued twice, sent once. */
export const sendKey = (reportId: string, to: string) => `report-send:${reportId}:${to.toLowerCase()}`;

/**
 * Makes a report: gathers its figures, draws the PDF, writes the XLSX and CSV, stores the three files (the same
 * names each time, so a retry overwrites what an interrupted run left), marks the report ready, then queues its
 * mails. A failure on the last attempt leaves the report failed with the reason, in one readable line.
 */
export function reportGenerateJob(ctx: AppContext) {
  return defineJob({
    type: REPORT_GENERATE,
    version: 1,
    schema: z.object({ reportId: z.string().min(1) }),
    maxAttempts: MAX_ATTEMPTS,
    timeoutMs: 10 * 60_000,
    async run({ reportId }, job) {
      const { db } = ctx.store;
      const report = await db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirst();
      if (!report) return { skipped: 'deleted' };
      if (report.status === 'ready') return { skipped: 'ready' };
      await db.updateTable('reports').set({ status: 'running', error: null }).where('id', '=', reportId).execute();
      try {
        await step(job, 'gather');
        const data = await gatherReport(ctx, report);
        if (data.workspaces.length === 0) throw Object.assign(new Error('None of the report’s workspaces exists any more.'), { retryable: false });
        const { pdf, xlsx, csv } = await renderOffThread(data, (s) => step(job, s), job.signal, (err) =>
          ctx.log.warn({ event: 'reports.renderer_failed', reportId, err }, 'report renderer thread unavailable; the report is made on the main thread'));
        const keys = { pdf: fileKey(report.workspace_id, reportId, 'pdf'), xlsx: fileKey(report.workspace_id, reportId, 'xlsx'), csv: fileKey(report.workspace_id, reportId, 'csv') };
        await writeMediaFile(ctx.config.dataDir, keys.pdf, pdf.bytes);
        await writeMediaFile(ctx.config.dataDir, keys.xlsx, xlsx);
        await writeMediaFile(ctx.config.dataDir, keys.csv, csv);
        const recipients = JSON.parse(report.recipients) as string[];
        await db.transaction().execute(async (trx) => {
          const done = await trx.updateTable('reports')
            .set({ status: 'ready', error: null, pdf_key: keys.pdf, xlsx_key: keys.xlsx, csv_key: keys.csv, pages: pdf.pages, finished_at: ctx.clock.now() })
            .where('id', '=', reportId).executeTakeFirst();
          // Deleted while it was made: nothing to send.
          if (Number(done.numUpdatedRows) === 0 || !ctx.mailer.enabled) return;
          await ctx.jobs.queue.enqueueMany(recipients.map((to) => ({
            type: REPORT_SEND, payload: { reportId, to }, workspaceId: report.workspace_id, idempotencyKey: sendKey(reportId, to),
          })), { transaction: trx });
        });
        await step(job, 'done');
        return { pages: pdf.pages, bytes: pdf.bytes.length, recipients: recipients.length };
      } catch (err) {
        const final = job.attempt >= MAX_ATTEMPTS || (err as { retryable?: boolean }).retryable === false;
        await db.updateTable('reports')
          .set(final ? { status: 'failed', error: readableError((err as Error).message ?? String(err)), finished_at: ctx.clock.now() } : { status: 'queued' })
          .where('id', '=', reportId).execute();
        throw err;
      }
    },
  });
}
