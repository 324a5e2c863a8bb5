import { z } from '@hono/zod-openapi';
import { FREE_TEXT_SECTIONS, REPORT_SECTIONS } from '../analytics/types.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A day as YYYY-MM-DD.');
const Locale = z.enum(['en', 'fr']);
const Sections = z.array(z.enum(REPORT_SECTIONS)).min(1).max(REPORT_SECTIONS.length)
  .refine((s) => new Set(s).size === s.length, 'Each section once.');
const Texts = z.object(Object.fromEntries(FREE_TEXT_SECTIONS.map((s) => [s, z.string().max(20_000).optional()])) as Record<'summary' | 'analysis' | 'recommendations', z.ZodOptional<z.ZodString>>).strict();
const WorkspaceIds = z.array(z.string().min(1).max(64)).max(30).openapi({ description: 'Workspaces an agency report covers (each one the member reads); empty: this workspace alone.' });
const BrandColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour as #rrggbb.');
const Recipients = z.array(z.string().email().max(254)).max(30);

export const ReportParams = z.object({ workspaceId: z.string().min(1).max(64), reportId: z.string().min(1).max(64) });
export const TemplateParams = z.object({ workspaceId: z.string().min(1).max(64), templateId: z.string().min(1).max(64) });
export const FileParams = ReportParams.extend({ format: z.enum(['pdf', 'xlsx', 'csv']) });
export const ShareParams = ReportParams.extend({ shareId: z.string().min(1).max(64) });
export const TokenParams = z.object({ token: z.string().min(16).max(128) });

const Schedule = z.object({ enabled: z.boolean(), recipients: Recipients });

const templateFields = {
  name: z.string().trim().min(1).max(120),
  period: z.enum(['month', 'quarter']),
  locale: Locale,
  sections: Sections,
  texts: Texts.default({}),
  workspaceIds: WorkspaceIds.default([]),
  brandColor: BrandColor,
  schedule: Schedule.default({ enabled: false, recipients: [] }),
};
export const TemplateBody = z.object(templateFields).strict().openapi('ReportTemplateInput');
export const TemplatePatch = z.object({
  name: templateFields.name, period: templateFields.period, locale: Locale, sections: Sections, texts: Texts, workspaceIds: WorkspaceIds,
  brandColor: BrandColor, schedule: Schedule,
}).partial().strict().openapi('ReportTemplatePatch');
export type TemplateFields = z.infer<typeof TemplateBody>;

export const TemplateView = z.object({
  id: z.string(), name: z.string(), period: z.enum(['month', 'quarter']), locale: Locale, sections: z.array(z.enum(REPORT_SECTIONS)),
  texts: z.record(z.string(), z.string()), workspaceIds: z.array(z.string()), brandColor: z.string(),
  schedule: z.object({ enabled: z.boolean(), recipients: z.array(z.string()) }), nextRunAt: z.string().nullable(), createdAt: z.string(),
}).openapi('ReportTemplate');

export const ReportBody = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  templateId: z.string().min(1).max(64).optional(),
  period: z.enum(['month', 'quarter', 'custom']),
  from: Day.openapi({ description: 'First day of the period, in the workspace’s time zone.' }),
  to: Day.openapi({ description: 'Last day of the period (included).' }),
  locale: Locale.optional(),
  sections: Sections.optional(),
  texts: Texts.optional(),
  workspaceIds: WorkspaceIds.optional(),
  brandColor: BrandColor.optional(),
  recipients: Recipients.optional(),
}).strict().openapi('ReportInput');
export type ReportInput = z.infer<typeof ReportBody>;

export const ReportView = z.object({
  id: z.string(), title: z.string(), status: z.enum(['queued', 'running', 'ready', 'failed']),
  progress: z.object({ step: z.string(), done: z.number(), total: z.number() }).nullable(),
  error: z.string().nullable(), period: z.enum(['month', 'quarter', 'custom']), periodStart: z.string(), periodEnd: z.string(),
  locale: z.string(), sections: z.array(z.string()), workspaceIds: z.array(z.string()), templateId: z.string().nullable(), pages: z.number().nullable(),
  brandColor: z.string(), recipients: z.array(z.string()),
  files: z.object({ pdf: z.string().nullable(), xlsx: z.string().nullable(), csv: z.string().nullable() }),
  createdAt: z.string(), finishedAt: z.string().nullable(), jobId: z.string().nullable(),
}).openapi('Report');

export const ShareBody = z.object({ expiresInDays: z.number().int().min(1).max(90) }).strict();
export const ShareCreated = z.object({ id: z.string(), url: z.string(), expiresAt: z.string() }).openapi('ReportShareLink');
export const ShareView = z.object({
  id: z.string(), createdAt: z.string(), expiresAt: z.string(), revokedAt: z.string().nullable(), active: z.boolean(),
}).openapi('ReportShare');
export const SharedReportView = z.object({
  title: z.string(), workspaceName: z.string(), period: z.string(), periodStart: z.string(), periodEnd: z.string(),
  timezone: z.string(), locale: z.string(), brandColor: z.string(),
  pages: z.number().nullable(), createdAt: z.string(), expiresAt: z.string(),
}).openapi('SharedReport');
