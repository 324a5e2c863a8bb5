import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { ReportShareTable } from '../../store/analytics-schema.js';
import { notFound } from '../../http/errors.js';

export type ShareRow = Selectable<ReportShareTable>;

const DAY_MS = 86_400_000;

/** Only the hash is stored: the link is shown once, and a copy of the database opens no report. */
export const hashShareToken = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

export const shareActive = (s: Pick<ShareRow, 'revoked_at' | 'expires_at'>, now: number) => s.revoked_at === null && Number(s.expires_at) > now;

export function shareView(s: ShareRow, now: number) {
  const iso = (ms: number) => new Date(Number(ms)).toISOString();
  return { id: s.id, createdAt: iso(s.created_at), expiresAt: iso(s.expires_at), revokedAt: s.revoked_at === null ? null : iso(s.revoked_at), active: shareActive(s, now) };
}

export const shareUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/+$/, '')}/shared/reports/${token}`;

export async function createShare(db: Kysely<Database>, report: { id: string; workspace_id: string }, days: number, userId: string, now: number) {
  const token = crypto.randomBytes(32).toString('base64url');
  const row: ShareRow = {
    id: crypto.randomUUID(), report_id: report.id, workspace_id: report.workspace_id, token_hash: hashShareToken(token), created_by: userId,
    created_at: now, expires_at: now + days * DAY_MS, revoked_at: null,
  };
  await db.insertInto('report_shares').values(row).execute();
  return { row, token };
}

export async function listShares(db: Kysely<Database>, reportId: string): Promise<ShareRow[]> {
  return db.selectFrom('report_shares').selectAll().where('report_id', '=', reportId).orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function revokeShare(db: Kysely<Database>, reportId: string, shareId: string, now: number): Promise<void> {
  const found = await db.selectFrom('report_shares').select(['id', 'revoked_at']).where('id', '=', shareId).where('report_id', '=', reportId).executeTakeFirst();
  if (!found) throw notFound('share link');
  if (found.revoked_at === null) await db.updateTable('report_shares').set({ revoked_at: now }).where('id', '=', shareId).execute();
}

/**
 * The ready report a link opens, with its workspace's name and zone. An unknown, revoked or expired link, or one
 * whose report is not ready, answers the same 404: a link says nothing about what it once opened.
 */
export async function sharedReport(db: Kysely<Database>, token: string, now: number) {
  const row = await db.selectFrom('report_shares as s')
    .innerJoin('reports as r', 'r.id', 's.report_id')
    .innerJoin('workspaces as w', 'w.id', 'r.workspace_id')
    .select(['s.created_at as share_created_at', 's.expires_at', 's.revoked_at', 'r.id', 'r.workspace_id', 'r.title', 'r.period', 'r.period_start',
      'r.period_end', 'r.locale', 'r.brand_color', 'r.pages', 'r.status', 'r.pdf_key', 'r.created_at', 'w.name as workspace_name', 'w.timezone'])
    .where('s.token_hash', '=', hashShareToken(token))
    .executeTakeFirst();
  if (!row || !shareActive(row, now) || row.status !== 'ready' || !row.pdf_key) throw notFound('shared report');
  return row;
}
