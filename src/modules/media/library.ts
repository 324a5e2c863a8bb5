import crypto from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { MediaTable } from '../../store/schema.js';
import type { RoleName } from '../../shared/permissions.js';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.js';
import { mayChangePost } from '../publishing/edit-policy.js';
import { inspectImage, MAX_UPLOAD_BYTES } from './images.js';
import { inspectVideo, MAX_VIDEO_BYTES } from './video.js';
import { deleteMediaFile, mediaKey, writeMediaFile } from './storage.js';

interface Uploader {
  workspaceId: string;
  userId: string;
}

/** Stores an upload once its bytes are known to be an image or a video we take, within the size limits. */
export async function storeMedia(ctx: AppContext, by: Uploader, bytes: Uint8Array, fileName: string, alt: string): Promise<MediaTable> {
  const image = bytes.byteLength ? await inspectImage(bytes) : null;
  const video = image || !bytes.byteLength ? null : await inspectVideo(bytes);
  const info = image ?? video;
  if (!info) throw new AppError('unsupported_media', 415, 'This file is not a JPEG, PNG, WebP or GIF image, nor an MP4, MOV or WebM video.');
  if (image && bytes.byteLength > MAX_UPLOAD_BYTES) throw new AppError('payload_too_large', 413, `Images are taken up to ${MAX_UPLOAD_BYTES / 1_048_576} MB.`);
  if (video && bytes.byteLength > MAX_VIDEO_BYTES) throw new AppError('payload_too_large', 413, `Videos are taken up to ${MAX_VIDEO_BYTES / 1_048_576} MB.`);
  const id = crypto.randomUUID();
  const row: MediaTable = {
    id, workspace_id: by.workspaceId, file_name: fileName.replace(/[\r\n]/g, ' '), mime: info.mime, bytes: bytes.byteLength,
    width: info.width, height: info.height, alt, storage_key: mediaKey(by.workspaceId, id, info.ext),
    created_by: by.userId, created_at: ctx.clock.now(), duration_sec: video?.durationSec ?? null,
  };
  await writeMediaFile(ctx.config.dataDir, row.storage_key, bytes);
  await ctx.store.db.insertInto('media').values(row).execute();
  return row;
}

export async function findMedia(ctx: AppContext, workspaceId: string, mediaId: string): Promise<MediaTable> {
  const m = await ctx.store.db.selectFrom('media').selectAll().where('id', '=', mediaId).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!m) throw notFound('media');
  return m;
}

/** The alt text goes out with the image, so it is part of every post that uses it. */
export async function describeMedia(ctx: AppContext, workspaceId: string, role: RoleName, mediaId: string, alt: string): Promise<MediaTable> {
  const m = await findMedia(ctx, workspaceId, mediaId);
  const uses = await postsUsing(ctx, mediaId);
  if (uses.some((p) => !mayChangePost(role, p.status))) {
    throw forbidden('This image is in a post that is approved or scheduled: only members who may publish can change its description.');
  }
  await ctx.store.db.updateTable('media').set({ alt }).where('id', '=', m.id).execute();
  return { ...m, alt };
}

/**
 * Deletes an image and its file. An image still needed by a post that has not gone out (or may be retried) is
 * kept: deleting it would silently change that post. One that went out only with published posts can go; the
 * networks keep their own copy.
 */
export async function deleteMedia(ctx: AppContext, workspaceId: string, mediaId: string): Promise<void> {
  const m = await ctx.store.db.transaction().execute(async (trx) => {
    // On PostgreSQL a post taking this image meanwhile either committed first (and is counted below) or waits here.
    let q = trx.selectFrom('media').selectAll().where('id', '=', mediaId).where('workspace_id', '=', workspaceId);
    if (ctx.store.dialect === 'postgres') q = q.forUpdate();
    const m = await q.executeTakeFirst();
    if (!m) throw notFound('media');
    const pending = (await postsUsing(ctx, mediaId, trx)).filter((p) => p.status !== 'published');
    if (pending.length > 0) {
      const n = pending.length;
      throw conflict('media_in_use', `This image is in ${n} post${n > 1 ? 's' : ''} that ${n > 1 ? 'have' : 'has'} not gone out. Remove it from ${n > 1 ? 'them' : 'it'} first.`);
    }
    await trx.deleteFrom('media').where('id', '=', m.id).execute();
    return m;
  });
  try {
    await deleteMediaFile(ctx.config.dataDir, m.storage_key);
  } catch (err) {
    // The row is gone, so nothing refers to the file any more: a leftover costs disk space, not correctness.
    ctx.log.warn({ mediaId: m.id, storageKey: m.storage_key, reason: (err as Error).message }, 'media file not deleted');
  }
}

async function postsUsing(ctx: AppContext, mediaId: string, db = ctx.store.db) {
  return db
    .selectFrom('post_media')
    .innerJoin('posts', 'posts.id', 'post_media.post_id')
    .select(['posts.id', 'posts.status'])
    .where('post_media.media_id', '=', mediaId)
    .execute();
}
