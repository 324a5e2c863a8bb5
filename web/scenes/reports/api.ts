/** The reports API's typed client: templates, generated reports with their files, and read-only share links. */
import { request } from '../../api/client.js';
import type { ReportSectionId } from '../../../src/modules/analytics/types.js';

export { REPORT_SECTIONS, FREE_TEXT_SECTIONS } from '../../../src/modules/analytics/types.js';
export type { ReportSectionId };

export type ReportStatus = 'queued' | 'running' | 'ready' | 'failed';
export type ReportPeriod = 'month' | 'quarter' | 'custom';
export type ReportFormat = 'pdf' | 'xlsx' | 'csv';
export type ReportTexts = Partial<Record<'summary' | 'analysis' | 'recommendations', string>>;

export interface Report {
  id: string;
  templateId: string | null;
  title: string;
  locale: string;
  period: ReportPeriod;
  periodStart: string;
  periodEnd: string;
  workspaceIds: string[];
  sections: ReportSectionId[];
  texts: ReportTexts;
  brandColor: string;
  status: ReportStatus;
  /** 0..1 while it is generated, when the job tells. */
  progress?: number | null;
  error: string | null;
  pages: number | null;
  recipients: string[];
  createdAt: string;
  finishedAt: string | null;
}

export interface ReportInput {
  title: string;
  locale: string;
  period: ReportPeriod;
  periodStart: string;
  periodEnd: string;
  sections: ReportSectionId[];
  texts: ReportTexts;
  brandColor: string;
  workspaceIds: string[];
  recipients: string[];
  templateId?: string | null;
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
  scheduleEnabled: boolean;
  scheduleRecipients: string[];
  nextRunAt: string | null;
  createdAt: string;
}

export type TemplateInput = Omit<ReportTemplate, 'id' | 'nextRunAt' | 'createdAt'>;

export interface ReportShare {
  id: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  /** Only in the answer that creates it: the token is kept hashed. */
  url?: string;
  token?: string;
}

export interface SharedReport {
  title: string;
  workspaceName: string;
  brandColor: string;
  logoUrl: string | null;
  periodStart: string;
  periodEnd: string;
  locale: string;
  pages: number | null;
  expiresAt: string;
  /** The workspace's zone, which the period's days are counted in. */
  timezone?: string;
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
      request<ReportShare>('POST', `${base(wid)}/${enc(id)}/shares`, {
        expiresInDays,
      }),
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

/** A share link's address from its token, on this server. */
export function shareUrl(share: ReportShare): string | null {
  if (share.url) return share.url;
  return share.token ? `${location.origin}/shared/reports/${enc(share.token)}` : null;
}
