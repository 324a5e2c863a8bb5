import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../http/errors.js';
import { inspectImage, loadSharp } from '../media/images.js';
import { readMediaFile, writeMediaFile } from '../media/storage.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { getWorkspace } from './service.js';
import type { Workspace } from './presenters.js';

/** Largest side of a stored logo: the switcher shows it at 40 px, a retina screen at twice that and more. */
const LOGO_SIDE = 512;
const logoKey = (workspaceId: string) => `${workspaceId}/logo.webp`;

interface Meta {
  actorId: string;
  ip: string | null;
}

/**
 * Stores an uploaded image as the workspace's logo. Checked like any media (the type read from the bytes),
 * then re-encoded small, which also drops what the camera wrote in it (place, device).
 */
export async function saveLogo(ctx: AppContext, workspaceId: string, bytes: Uint8Array, meta: Meta): Promise<Workspace> {
  const info = bytes.byteLength ? await inspectImage(bytes) : null;
  if (!info) throw new AppError('unsupported_media', 415, 'This file is not a JPEG, PNG, WebP or GIF image.');
  const sharp = await loadSharp();
  const logo = await sharp(bytes)
    .rotate()
    .resize({ width: LOGO_SIDE, height: LOGO_SIDE, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 90 })
    .toBuffer();
  const key = logoKey(workspaceId);
  await writeMediaFile(ctx.config.dataDir, key, new Uint8Array(logo));
  const now = ctx.clock.now();
  await ctx.store.db.transaction().execute(async (trx) => {
    await trx.updateTable('workspaces').set({ logo_key: key, logo_updated_at: now }).where('id', '=', workspaceId).execute();
    await recordAudit(
      trx,
      { action: AuditAction.workspaceLogoChanged, workspaceId, actorId: meta.actorId, target: { type: 'workspace', id: workspaceId }, data: { width: info.width, height: info.height }, ip: meta.ip },
      now,
    );
  });
  return getWorkspace(ctx.store.db, workspaceId);
}

export async function removeLogo(ctx: AppContext, workspaceId: string, meta: Meta): Promise<Workspace> {
  const now = ctx.clock.now();
  await ctx.store.db.transaction().execute(async (trx) => {
    const w = await getWorkspace(trx, workspaceId);
    if (!w.logo_key) return;
    await trx.updateTable('workspaces').set({ logo_key: null, logo_updated_at: now }).where('id', '=', workspaceId).execute();
    await recordAudit(trx, { action: AuditAction.workspaceLogoRemoved, workspaceId, actorId: meta.actorId, target: { type: 'workspace', id: workspaceId }, ip: meta.ip }, now);
  });
  return getWorkspace(ctx.store.db, workspaceId);
}

export async function readLogo(ctx: AppContext, workspaceId: string): Promise<Uint8Array> {
  const w = await getWorkspace(ctx.store.db, workspaceId);
  if (!w.logo_key) throw notFound('logo');
  return readMediaFile(ctx.config.dataDir, w.logo_key);
}
