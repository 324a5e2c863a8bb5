import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { itemsOf, jsonBody, jsonOk, noContent } from '../../http/json.js';
import type { MediaTable } from '../../store/schema.js';
import type { MediaView } from '../../shared/api.js';
import { ACCEPTED_IMAGES, MAX_IMAGE_PIXELS } from './images.js';
import { readMediaFile } from './storage.js';
import { ACCEPTED_VIDEOS, MAX_VIDEO_BYTES } from './video.js';
import { deleteMedia, describeMedia, findMedia, storeMedia } from './library.js';

const MediaSchema = z
  .object({ id: z.string(), fileName: z.string(), mime: z.string(), bytes: z.number(), width: z.number().nullable(), height: z.number().nullable(), alt: z.string(), url: z.string(), durationSec: z.number().nullable().optional() })
  .openapi('Media');
const MediaParams = WorkspaceParams.extend({ mediaId: z.string().min(1).max(64) });
const path = '/api/v1/workspaces/{workspaceId}/media';
const megapixels = MAX_IMAGE_PIXELS / 1_000_000;

const upload = workspaceRoute('posts.write', {
  method: 'post', path, tags: ['Media'],
  summary: `Upload an image (up to 20 MB and ${megapixels} megapixels) or an MP4, MOV or WebM video (up to ${MAX_VIDEO_BYTES / 1_048_576} MB, MEDIA_MAX_VIDEO_MB); the body is the file, and its type, size and length are read from the bytes`,
  request: {
    params: WorkspaceParams,
    query: z.object({ fileName: z.string().max(200).default('image'), alt: z.string().max(2000).default('') }),
    body: { content: Object.fromEntries([...ACCEPTED_IMAGES, ...ACCEPTED_VIDEOS].map((t) => [t, { schema: z.string().openapi({ format: 'binary' }) }])), required: true },
  },
  responses: {
    201: jsonOk(MediaSchema, 'Stored'),
    413: { description: 'Over 20 MB' },
    415: { description: 'Not an image or video we take' },
    422: { description: `image_too_large: over ${megapixels} megapixels (width × height), refused before decoding` },
  },
});
const list = workspaceRoute('posts.read', {
  method: 'get', path, tags: ['Media'], summary: 'The workspace’s images, newest first; `q` finds words in their file name or alt text',
  request: { params: WorkspaceParams, query: z.object({ q: z.string().trim().max(200).optional() }) },
  responses: { 200: jsonOk(itemsOf(MediaSchema)) },
});
const file = workspaceRoute('posts.read', {
  method: 'get', path: `${path}/{mediaId}/file`, tags: ['Media'], request: { params: MediaParams },
  responses: { 200: { description: 'The image' } },
});
const update = workspaceRoute('posts.write', {
  method: 'patch', path: `${path}/{mediaId}`, tags: ['Media'],
  summary: 'Describe the image (alt text) for people who cannot see it; in an approved or scheduled post this needs posts.publish',
  request: { params: MediaParams, ...jsonBody(z.strictObject({ alt: z.string().max(2000) })) }, responses: { 200: jsonOk(MediaSchema) },
});
const remove = workspaceRoute('posts.write', {
  method: 'delete', path: `${path}/{mediaId}`, tags: ['Media'],
  summary: 'Delete an image and its file; one still used by a post that has not gone out is kept',
  request: { params: MediaParams },
  responses: { 204: noContent, 409: { description: 'media_in_use: a post that has not gone out uses it' } },
});

export const presentMedia = (m: MediaTable): MediaView => ({
  id: m.id, fileName: m.file_name, mime: m.mime, bytes: Number(m.bytes), width: m.width, height: m.height, alt: m.alt,
  url: `/api/v1/workspaces/${m.workspace_id}/media/${m.id}/file`, durationSec: m.duration_sec ?? null,
});

export function registerMediaRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(upload, async (c) => {
    const { ctx, member, actor } = c.var;
    const { fileName, alt } = c.req.valid('query');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const row = await storeMedia(ctx, { workspaceId: member.workspaceId, userId: actor.userId }, bytes, fileName, alt);
    return c.json(presentMedia(row), 201);
  });
  app.openapi(list, async (c) => {
    const { q } = c.req.valid('query');
    let query = c.var.ctx.store.db.selectFrom('media').selectAll().where('workspace_id', '=', c.var.member.workspaceId);
    if (q) {
      // lower() on both sides: LIKE ignores case on SQLite but not on PostgreSQL.
      const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      query = query.where((eb) => eb.or([
        eb(sql<string>`lower(file_name)`, 'like', sql<string>`${pattern} escape '\\'`),
        eb(sql<string>`lower(alt)`, 'like', sql<string>`${pattern} escape '\\'`),
      ]));
    }
    const rows = await query.orderBy('created_at', 'desc').limit(500).execute();
    return c.json({ items: rows.map(presentMedia) }, 200);
  });
  app.openapi(file, async (c) => {
    const m = await findMedia(c.var.ctx, c.var.member.workspaceId, c.req.valid('param').mediaId);
    const bytes = await readMediaFile(c.var.ctx.config.dataDir, m.storage_key);
    // The type was read from the bytes at upload; nosniff keeps the browser from guessing another.
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': m.mime, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, max-age=3600' });
  });
  app.openapi(update, async (c) => {
    const { ctx, member } = c.var;
    const m = await describeMedia(ctx, member.workspaceId, member.role, c.req.valid('param').mediaId, c.req.valid('json').alt);
    return c.json(presentMedia(m), 200);
  });
  app.openapi(remove, async (c) => {
    await deleteMedia(c.var.ctx, c.var.member.workspaceId, c.req.valid('param').mediaId);
    return c.body(null, 204);
  });
}
