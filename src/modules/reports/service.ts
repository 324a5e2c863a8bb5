import crypto from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { z } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import type { Database } from '../../store/schema.js';
import type { ReportTable } from '../../store/analytics-schema.js';
import { badRequest, notFound } from '../../http/errors.js';
import { REPORT_SECTIONS, type ReportSectionId } from '../analytics/types.js';
import { deleteMediaFile } from '../media/storage.js';
import type { JobProgress } from '../../jobs/index.js';
import { reportSections, reportWorkspaceIds } from './gather.js';
import { periodFromDays } from './periods.js';
import { localDay, zoneOf } from '../analytics/time.js';
import { periodName } from './format.js';
import { reportStrings } from './i18n/index.js';
import { REPORT_GENERATE } from './job-names.js';
import type { ReportInput, ReportView } from './schema.js';

export type ReportRow = Selectable<ReportTable>;
export type ReportFormat = 'pdf' | 'xlsx' | 'csv';

/** A custom period stops here: past a year a report is a different document. */
const MAX_CUSTOM_DAYS = 366;
const DEFAULT_COLOR = '#8a5300';

const parseList = (text: string): string[] => {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

/** The generation job of a report: one per report, so a second enqueue (a retried request) finds the first. */
export const generateKey = (reportId: string) => `report-generate:${reportId}`;

/** Where a report's files live in the data folder, beside the workspace's media. */
export const fileKey = (workspaceId: string, reportId: string, format: ReportFormat) => `${workspaceId}/reports/${reportId}.${format}`;

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** A file name any system accepts: the title in plain ASCII letters and digits, then the period's first day in the zone. */
export function downloadName(r: Pick<ReportRow, 'title' | 'period_start'>, format: ReportFormat, timezone: string): string {
  const base = r.title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'report';
  return `${base}-${localDay(Number(r.period_start), zoneOf(timezone))}.${format}`;
}

/** Content-Disposition for a download: the ASCII name, and the same name encoded for those who read filename*. */
export function attachmentHeader(name: string): string {
  return `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function progressOf(p: JobProgress | null): { step: string; done: number; total: number } | null {
  if (!p) return null;
  return { step: p.message ?? '', done: p.done, total: p.total };
}

interface JobState {
  status: string;
  progress: JobProgress | null;
  lastError: string | null;
  id: string;
}

/**
 * The report as the API shows it. While it is made, its job tells the progress; a job the runner gave up on
 * (a crash, a timeout) leaves the report failed with the job's last error, even if the report's row never heard.
 */
export function reportView(r: ReportRow, job: JobState | null, timezone: string): z.infer<typeof ReportView> {
  let status = r.status;
  let error = r.error;
  if ((status === 'queued' || status === 'running') && job && (job.status === 'failed' || job.status === 'cancelled')) {
    status = 'failed';
    error = error ?? readableError(job.lastError ?? 'The generation stopped.');
  }
  const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
  const ready = status === 'ready';
  return {
    id: r.id, title: r.title, status, progress: status === 'queued' || status === 'running' ? progressOf(job?.progress ?? null) : null,
    error, period: r.period, periodStart: iso(Number(r.period_start))!, periodEnd: iso(Number(r.period_end))!, locale: r.locale,
    sections: reportSections(r.sections), workspaceIds: reportWorkspaceIds(r), templateId: r.template_id, pages: r.pages === null ? null : Number(r.pages),
    brandColor: r.brand_color, recipients: parseList(r.recipients),
    files: {
      pdf: ready && r.pdf_key ? downloadName(r, 'pdf', timezone) : null,
      xlsx: ready && r.xlsx_key ? downloadName(r, 'xlsx', timezone) : null,
      csv: ready && r.csv_key ? downloadName(r, 'csv', timezone) : null,
    },
    createdAt: iso(Number(r.created_at))!, finishedAt: iso(r.finished_at), jobId: job?.id ?? null,
  };
}

/** An error as a person reads it: one line, not too long. */
export function readableError(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 297)}…` : line || 'Unknown error.';
}

/** The generation jobs of these reports, by report id. */
export async function jobsOf(db: Kysely<Database>, reportIds: string[]): Promise<Map<string, JobState>> {
  const out = new Map<string, JobState>();
  if (reportIds.length === 0) return out;
  const rows = await db.selectFrom('jobs').select(['id', 'status', 'progress', 'last_error', 'idempotency_key'])
    .where('idempotency_key', 'in', reportIds.map(generateKey)).execute();
  for (const j of rows) {
    let progress: JobProgress | null = null;
    try {
      progress = j.progress ? (JSON.parse(j.progress) as JobProgress) : null;
    } catch {
      progress = null;
    }
    out.set(j.idempotency_key!.slice('report-generate:'.length), { id: j.id, status: j.status, progress, lastError: j.last_error });
  }
  return out;
}

export async function viewsOf(db: Kysely<Database>, rows: ReportRow[]) {
  const jobs = await jobsOf(db, rows.map((r) => r.id));
  const ws = rows.length > 0 ? await db.selectFrom('workspaces').select('timezone').where('id', '=', rows[0].workspace_id).executeTakeFirst() : null;
  return rows.map((r) => reportView(r, jobs.get(r.id) ?? null, ws?.timezone ?? 'UTC'));
}

export async function findReport(db: Kysely<Database>, workspaceId: string, reportId: string): Promise<ReportRow> {
  const row = await db.selectFrom('reports').selectAll().where('id', '=', reportId).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) throw notFound('report');
  return row;
}

export interface NewReport {
  workspaceId: string;
  templateId: string | null;
  title: string;
  locale: 'en' | 'fr';
  period: 'month' | 'quarter' | 'custom';
  start: number;
  end: number;
  /** Every workspace covered, this one first; empty for this workspace alone. */
  workspaceIds: string[];
  sections: ReportSectionId[];
  texts: Record<string, string>;
  brandColor: string;
  recipients: string[];
  createdBy: string | null;
}

/** A report's default title: "Social media report — March 2026", in its language. */
export function defaultTitle(locale: 'en' | 'fr', period: string, start: number, end: number, timezone: string): string {
  const t = reportStrings(locale);
  return `${t.reportTitle} — ${periodName(t, locale, period, start, end, timezone)}`;
}

/** Stores a queued report and its generation job, together: a report never waits for a job that does not exist. */
export async function queueReport(ctx: AppContext, input: NewReport, trx?: Transaction<Database>): Promise<ReportRow> {
  const now = ctx.clock.now();
  const row: ReportRow = {
    id: crypto.randomUUID(), workspace_id: input.workspaceId, template_id: input.templateId, title: input.title, locale: input.locale,
    period: input.period, period_start: input.start, period_end: input.end, workspace_ids: JSON.stringify(input.workspaceIds),
    sections: JSON.stringify(input.sections), texts: JSON.stringify(input.texts), brand_color: input.brandColor, status: 'queued', error: null,
    pdf_key: null, xlsx_key: null, csv_key: null, pages: null, recipients: JSON.stringify(input.recipients), created_by: input.createdBy,
    created_at: now, finished_at: null,
  };
  const write = async (t: Transaction<Database>) => {
    await t.insertInto('reports').values(row).execute();
    await ctx.jobs.queue.enqueue(REPORT_GENERATE, { reportId: row.id }, { transaction: t, workspaceId: input.workspaceId, idempotencyKey: generateKey(row.id) });
  };
  if (trx) await write(trx);
  else await ctx.store.db.transaction().execute(write);
  return row;
}

/**
 * What a request asks for, completed from its template and checked: the days make a period in the workspace's
 * zone, the end after the start, and a custom period at most a year.
 */
export async function reportFromRequest(
  ctx: AppContext,
  ws: { id: string; timezone: string; locale: string },
  body: ReportInput,
  workspaceIds: string[],
  createdBy: string,
): Promise<NewReport> {
  const { db } = ctx.store;
  const template = body.templateId
    ? await db.selectFrom('report_templates').selectAll().where('id', '=', body.templateId).where('workspace_id', '=', ws.id).executeTakeFirst()
    : null;
  if (body.templateId && !template) throw notFound('report template');
  if (body.to < body.from) throw badRequest('period_invalid', 'The period ends before it starts: "to" must be on or after "from".');
  const { start, end } = periodFromDays(body.from, body.to, ws.timezone);
  if (!Number.isFinite(start) || !Number.isFinite(end)) throw badRequest('period_invalid', 'The period’s days are not real dates.');
  if (end - start > MAX_CUSTOM_DAYS * 86_400_000 + 3_600_000) throw badRequest('period_too_long', `A report covers at most ${MAX_CUSTOM_DAYS} days.`);
  const locale = body.locale ?? (template?.locale === 'fr' || template?.locale === 'en' ? template.locale : ws.locale === 'fr' ? 'fr' : 'en');
  const sections = body.sections ?? (template ? reportSections(template.sections) : [...REPORT_SECTIONS]);
  const texts = Object.fromEntries(Object.entries(body.texts ?? (template ? parseTexts(template.texts) : {})).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as Record<string, string>;
  return {
    workspaceId: ws.id, templateId: template?.id ?? null,
    title: body.title ?? template?.name ?? defaultTitle(locale, body.period, start, end, ws.timezone),
    locale, period: body.period, start, end, workspaceIds, sections: sections.length > 0 ? sections : [...REPORT_SECTIONS], texts,
    brandColor: body.brandColor ?? template?.brand_color ?? DEFAULT_COLOR, recipients: [...new Set(body.recipients ?? [])], createdBy,
  };
}

export function parseTexts(text: string): Record<string, string> {
  try {
    const v = JSON.parse(text) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'string')) as Record<string, string>;
  } catch {
    return {};
  }
}

/** Removes a report, its share links and its files. */
export async function deleteReport(ctx: AppContext, r: ReportRow): Promise<void> {
  await ctx.store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('report_shares').where('report_id', '=', r.id).execute();
    await trx.deleteFrom('reports').where('id', '=', r.id).execute();
    // A generation still waiting has nothing left to make.
    await trx.updateTable('jobs').set({ status: 'cancelled', finished_at: ctx.clock.now(), updated_at: ctx.clock.now() })
      .where('idempotency_key', '=', generateKey(r.id)).where('status', '=', 'queued').execute();
  });
  for (const format of ['pdf', 'xlsx', 'csv'] as const) await deleteMediaFile(ctx.config.dataDir, fileKey(r.workspace_id, r.id, format));
}
