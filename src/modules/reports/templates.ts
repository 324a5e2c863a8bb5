import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { z } from '@hono/zod-openapi';
import type { Database } from '../../store/schema.js';
import type { ReportTemplateTable } from '../../store/analytics-schema.js';
import { notFound } from '../../http/errors.js';
import { reportSections } from './gather.js';
import { nextRunAt } from './periods.js';
import { parseTexts } from './service.js';
import type { TemplateFields, TemplatePatch, TemplateView } from './schema.js';

export type TemplateRow = Selectable<ReportTemplateTable>;

const list = (text: string): string[] => {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

export const templateWorkspaceIds = (t: Pick<TemplateRow, 'workspace_ids'>) => list(t.workspace_ids);
export const templateRecipients = (t: Pick<TemplateRow, 'schedule_recipients'>) => list(t.schedule_recipients);

export function templateView(t: TemplateRow): z.infer<typeof TemplateView> {
  return {
    id: t.id, name: t.name, period: t.period, locale: t.locale === 'fr' ? 'fr' : 'en', sections: reportSections(t.sections), texts: parseTexts(t.texts),
    workspaceIds: templateWorkspaceIds(t), brandColor: t.brand_color,
    schedule: { enabled: Number(t.schedule_enabled) === 1, recipients: templateRecipients(t) },
    nextRunAt: t.next_run_at === null ? null : new Date(Number(t.next_run_at)).toISOString(), createdAt: new Date(Number(t.created_at)).toISOString(),
  };
}

export async function listTemplates(db: Kysely<Database>, workspaceId: string): Promise<TemplateRow[]> {
  return db.selectFrom('report_templates').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').orderBy('id').execute();
}

export async function findTemplate(db: Kysely<Database>, workspaceId: string, id: string): Promise<TemplateRow> {
  const row = await db.selectFrom('report_templates').selectAll().where('id', '=', id).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) throw notFound('report template');
  return row;
}

/** The next scheduled run, when the schedule is on: the 1st of the coming month or quarter, workspace time. */
const nextRun = (enabled: boolean, period: 'month' | 'quarter', now: number, timezone: string) => (enabled ? nextRunAt(period, now, timezone) : null);

const nonEmptyTexts = (texts: Record<string, string | undefined>) =>
  JSON.stringify(Object.fromEntries(Object.entries(texts).filter(([, v]) => typeof v === 'string' && v.trim() !== '')));

export async function createTemplate(
  db: Kysely<Database>, ws: { id: string; timezone: string }, fields: TemplateFields, workspaceIds: string[], userId: string, now: number,
): Promise<TemplateRow> {
  const row: TemplateRow = {
    id: crypto.randomUUID(), workspace_id: ws.id, name: fields.name, period: fields.period, locale: fields.locale,
    sections: JSON.stringify(fields.sections), texts: nonEmptyTexts(fields.texts), workspace_ids: JSON.stringify(workspaceIds),
    brand_color: fields.brandColor, schedule_enabled: fields.schedule.enabled ? 1 : 0,
    schedule_recipients: JSON.stringify([...new Set(fields.schedule.recipients)]),
    next_run_at: nextRun(fields.schedule.enabled, fields.period, now, ws.timezone), created_by: userId, created_at: now, updated_at: now,
  };
  await db.insertInto('report_templates').values(row).execute();
  return row;
}

/**
 * Changes a template. The next run is set afresh when the schedule or the period changes; left alone otherwise, so
 * that saving a text does not move a delivery that is due.
 */
export async function updateTemplate(
  db: Kysely<Database>, ws: { id: string; timezone: string }, current: TemplateRow, patch: z.infer<typeof TemplatePatch>,
  workspaceIds: string[] | undefined, userId: string, now: number,
): Promise<TemplateRow> {
  const period = patch.period ?? current.period;
  const enabled = patch.schedule ? patch.schedule.enabled : Number(current.schedule_enabled) === 1;
  const rescheduled = patch.period !== undefined || patch.schedule !== undefined;
  const next = rescheduled
    ? (enabled && Number(current.schedule_enabled) === 1 && period === current.period && current.next_run_at !== null
      ? Number(current.next_run_at)
      : nextRun(enabled, period, now, ws.timezone))
    : current.next_run_at;
  const set: Partial<TemplateRow> = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.period !== undefined ? { period: patch.period } : {}),
    ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
    ...(patch.sections !== undefined ? { sections: JSON.stringify(patch.sections) } : {}),
    ...(patch.texts !== undefined ? { texts: nonEmptyTexts(patch.texts) } : {}),
    // Whoever sets the agency workspaces answers for them: scheduled runs check them against that person.
    ...(workspaceIds !== undefined ? { workspace_ids: JSON.stringify(workspaceIds), created_by: userId } : {}),
    ...(patch.brandColor !== undefined ? { brand_color: patch.brandColor } : {}),
    ...(patch.schedule !== undefined ? { schedule_enabled: enabled ? 1 : 0, schedule_recipients: JSON.stringify([...new Set(patch.schedule.recipients)]) } : {}),
    next_run_at: next, updated_at: now,
  };
  await db.updateTable('report_templates').set(set).where('id', '=', current.id).execute();
  return { ...current, ...set };
}

export async function deleteTemplate(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable('reports').set({ template_id: null }).where('template_id', '=', id).execute();
  await db.deleteFrom('report_templates').where('id', '=', id).execute();
}
