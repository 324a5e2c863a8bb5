import crypto from 'node:crypto';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { itemsOf, jsonBody, jsonOk, noContent } from '../../http/json.js';
import { AppError, notFound } from '../../http/errors.js';
import type { MediaTable } from '../../store/schema.js';
import type { MediaView } from '../../shared/api.js';
import { ACCEPTED_IMAGES, inspectImage } from './images.js';
import { mediaKey, readMediaFile, writeMediaFile } from './storage.js';

const MediaSchema = z
  .object({ id: z.string(), fileName: z.string(), mime: z.string(), bytes: z.number(), width: z.number().nullable(), height: z.number().nullable(), alt: z.string(), url: z.string() })
  .openapi('Media');
const MediaParams = WorkspaceParams.extend({ mediaId: z.string().min(1).max(64) });
const path = '/api/v1/workspaces/{workspaceId}/media';

const upload = workspaceRoute('posts.write', {
  method: 'post', path, tags: ['Media'],
  summary: 'Upload an image (the body is the file); its type is read from the bytes',
  request: {
    params: WorkspaceParams,
    query: z.object({ fileName: z.string().max(200).default('image'), alt: z.string().max(2000).default('') }),
    body: { content: Object.fromEntries(ACCEPTED_IMAGES.map((t) => [t, { schema: z.string().openapi({ format: 'binary' }) }])), required: true },
  },
  responses: { 201: jsonOk(MediaSchema, 'Stored'), 413: { description: 'Over 20 MB' }, 415: { description: 'Not an image we take' } },
});
const list = workspaceRoute('posts.read', { method: 'get', path, tags: ['Media'], request: { params: WorkspaceParams }, responses: { 200: jsonOk(itemsOf(MediaSchema)) } });
const file = workspaceRoute('posts.read', {
  method: 'get', path: `${path}/{mediaId}/file`, tags: ['Media'], request: { params: MediaParams },
  responses: { 200: { description: 'The image' } },
});
const update = workspaceRoute('posts.write', {
  method: 'patch', path: `${path}/{mediaId}`, tags: ['Media'], summary: 'Describe the image (alt text) for people who cannot see it',
  request: { params: MediaParams, ...jsonBody(z.strictObject({ alt: z.string().max(2000) })) }, responses: { 200: jsonOk(MediaSchema) },
});
const remove = workspaceRoute('posts.write', { method: 'delete', path: `${path}/{mediaId}`, tags: ['Media'], request: { params: MediaParams }, responses: { 204: noContent } });

export const presentMedia = (m: MediaTable): MediaView => ({
  id: m.id, fileName: m.file_name, mime: m.mime, bytes: Number(m.bytes), width: m.width, height: m.height, alt: m.alt,
  url: `/api/v1/workspaces/${m.workspace_id}/media/${m.id}/file`,
});

export function registerMediaRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(upload, async (c) => {
    const { ctx, member, actor } = c.var;
    const { fileName, alt } = c.req.valid('query');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const info = bytes.byteLength ? await inspectImage(bytes) : null;
    if (!info) throw new AppError('unsupported_media', 415, 'This file is not a JPEG, PNG, WebP or GIF image.');
    const id = crypto.randomUUID();
    const row: MediaTable = {
      id, workspace_id: member.workspaceId, file_name: fileName.replace(/[\r\n]/g, ' '), mime: info.mime, bytes: bytes.byteLength,
      width: info.width, height: info.height, alt, storage_key: mediaKey(member.workspaceId, id, info.ext),
      created_by: actor.userId, created_at: ctx.clock.now(),
    };
    await writeMediaFile(ctx.config.dataDir, row.storage_key, bytes);
    await ctx.store.db.insertInto('media').values(row).execute();
    return c.json(presentMedia(row), 201);
  });
  app.openapi(list, async (c) => {
    const rows = await c.var.ctx.store.db.selectFrom('media').selectAll().where('workspace_id', '=', c.var.member.workspaceId).orderBy('created_at', 'desc').limit(500).execute();
    return c.json({ items: rows.map(presentMedia) }, 200);
  });
  app.openapi(file, async (c) => {
    const m = await find(c.var, c.req.valid('param').mediaId);
    const bytes = await readMediaFile(c.var.ctx.config.dataDir, m.storage_key);
    // The type was read from the bytes at upload; nosniff keeps the browser from guessing another.
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': m.mime, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, max-age=3600' });
  });
  app.openapi(update, async (c) => {
    const m = await find(c.var, c.req.valid('param').mediaId);
    const { alt } = c.req.valid('json');
    await c.var.ctx.store.db.updateTable('media').set({ alt }).where('id', '=', m.id).execute();
    return c.json(presentMedia({ ...m, alt }), 200);
  });
  app.openapi(remove, async (c) => {
    const m = await find(c.var, c.req.valid('param').mediaId);
    await c.var.ctx.store.db.deleteFrom('media').where('id', '=', m.id).execute();
    return c.body(null, 204);
  });
}

async function find(v: HttpEnv['Variables'], mediaId: string): Promise<MediaTable> {
  const m = await v.ctx.store.db.selectFrom('media').selectAll().where('id', '=', mediaId).where('workspace_id', '=', v.member.workspaceId).executeTakeFirst();
  if (!m) throw notFound('media');
  return m;
}
