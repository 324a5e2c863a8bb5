/** The reports API's typed client: templates, generated reports with their files, and read-only share links. */
import { request } from '../../api/client.js';
import type { ReportSectionId } from '../../../src/modules/analytics/types.js';

export { REPORT_SECTIONS, FREE_TEXT_SECTIONS } from '../../../src/modules/analytics/types.js';
export type { ReportSectionId };

export type ReportStatus = 'queued' | 'running' | 'ready' | 'failed';
export type ReportPeriod = 'month' | 'quarter' | 'custom';
export type ReportFormat = 'pdf' | 'xlsx' | 'csv';
export type ReportTexts = Partial<Record<'summary' | 'analysis' | 'recommendations', string>>;

/** Where a report's generation stands: the step it is at, and how many of its steps are done. */
export interface ReportProgress {
  step: 'gather' | 'charts' | 'pdf' | 'spreadsheets' | 'done' | string;
  done: number;
  total: number;
}

export interface Report {
  id: string;
  templateId: string | null;
  title: string;
  locale: string;
  period: ReportPeriod;
  /** The period as instants: its start, and its end (excluded). */
  periodStart: string;
  periodEnd: string;
  workspaceIds: string[];
  sections: ReportSectionId[];
  brandColor: string;
  status: ReportStatus;
  /** While it is generated; null before the job starts and once it is over. */
  progress: ReportProgress | null;
  error: string | null;
  pages: number | null;
  recipients: string[];
  /** Each file's download name once the report is ready. */
  files: Record<ReportFormat, string | null>;
  createdAt: string;
  finishedAt: string | null;
  jobId: string | null;
}

export interface ReportInput {
  title?: string;
  locale?: string;
  period: ReportPeriod;
  /** The period's first and last days (both included), as YYYY-MM-DD in the workspace's zone. */
  from: string;
  to: string;
  sections?: ReportSectionId[];
  texts?: ReportTexts;
  brandColor?: string;
  /** The workspaces an agency report covers; empty for this workspace alone. */
  workspaceIds?: string[];
  recipients?: string[];
  templateId?: string;
}

export interface ReportSchedule {
  enabled: boolean;
  recipients: string[];
}

export interface ReportTemplate {
  id: string;
  name: string;
  period: 'month' | 'quarter';
  locale: string;
  sections: ReportSectionId[];
  texts: ReportTexts;
  workspaceIds: string[];
  brandColor: string;
  schedule: ReportSchedule;
  nextRunAt: string | null;
  createdAt: string;
}

export type TemplateInput = Omit<ReportTemplate, 'id' | 'nextRunAt' | 'createdAt'>;

export interface ReportShare {
  id: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  active: boolean;
}

/** Only in the answer that creates a link: its address holds the token, which is kept hashed. */
export interface ReportShareCreated {
  id: string;
  url: string;
  expiresAt: string;
}

export interface SharedReport {
  title: string;
  workspaceName: string;
  period: ReportPeriod;
  periodStart: string;
  periodEnd: string;
  /** The workspace's zone, which the period's days are counted in. */
  timezone: string;
  locale: string;
  brandColor: string;
  pages: number | null;
  createdAt: string;
  expiresAt: string;
}

const enc = encodeURIComponent;
const base = (wid: string) => `/workspaces/${enc(wid)}/reports`;

export const reportsApi = {
  list: (wid: string) => request<{ items: Report[] }>('GET', base(wid)),
  get: (wid: string, id: string) => request<Report>('GET', `${base(wid)}/${enc(id)}`),
  create: (wid: string, input: ReportInput) => request<Report>('POST', base(wid), input),
  remove: (wid: string, id: string) => request<void>('DELETE', `${base(wid)}/${enc(id)}`),
  fileUrl: (wid: string, id: string, format: ReportFormat) => `/api/v1${base(wid)}/${enc(id)}/files/${format}`,
  shares: {
    list: (wid: string, id: string) => request<{ items: ReportShare[] }>('GET', `${base(wid)}/${enc(id)}/shares`),
    create: (wid: string, id: string, expiresInDays: number) =>
      request<ReportShareCreated>('POST', `${base(wid)}/${enc(id)}/shares`, { expiresInDays }),
    revoke: (wid: string, id: string, shareId: string) =>
      request<void>('DELETE', `${base(wid)}/${enc(id)}/shares/${enc(shareId)}`),
  },
  templates: {
    list: (wid: string) => request<{ items: ReportTemplate[] }>('GET', `${base(wid)}/templates`),
    get: (wid: string, id: string) => request<ReportTemplate>('GET', `${base(wid)}/templates/${enc(id)}`),
    create: (wid: string, input: TemplateInput) => request<ReportTemplate>('POST', `${base(wid)}/templates`, input),
    update: (wid: string, id: string, input: Partial<TemplateInput>) =>
      request<ReportTemplate>('PATCH', `${base(wid)}/templates/${enc(id)}`, input),
    remove: (wid: string, id: string) => request<void>('DELETE', `${base(wid)}/templates/${enc(id)}`),
  },
  shared: {
    get: (token: string) => request<SharedReport>('GET', `/shared-reports/${enc(token)}`),
    pdfUrl: (token: string) => `/api/v1/shared-reports/${enc(token)}/pdf`,
  },
};
