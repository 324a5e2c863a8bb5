import crypto from 'node:crypto';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import type { HttpEnv } from '../../http/types.js';
import { publicRoute } from '../../http/route.js';
import { errorBody } from '../../http/error-handler.js';
import { loadSecretKey } from '../../config/secrets.js';
import { readMediaFile } from './storage.js';

/**
 * Addresses on Ruche from which a network fetches a post's file itself (Instagram's and Pinterest's APIs take
 * media by URL, not by upload). Each names one file and an expiry, signed with a key derived from the instance's
 * secret: nothing else is reachable through them, and they stop working after the expiry.
 */
export const PUBLIC_URL_TTL_MS = 60 * 60_000;
const PATH = '/api/v1/public-media';

const keys = new WeakMap<AppContext, Buffer>();
function signingKey(ctx: AppContext): Buffer {
  let key = keys.get(ctx);
  if (!key) {
    // A key of its own, so that a signature here can never stand for anything the main secret protects elsewhere.
    key = crypto.createHmac('sha256', loadSecretKey(ctx.config.dataDir, ctx.config.secretKey)).update('ruche/public-media/v1').digest();
    keys.set(ctx, key);
  }
  return key;
}

const sign = (ctx: AppContext, mediaId: string, expires: number) =>
  crypto.createHmac('sha256', signingKey(ctx)).update(`${mediaId}.${expires}`).digest('base64url');

/** The file's public address, valid for an hour from now (by the context's clock). */
export function publicMediaUrl(ctx: AppContext, mediaId: string, ttlMs = PUBLIC_URL_TTL_MS): string {
  const expires = Math.floor((ctx.clock.now() + ttlMs) / 1000);
  return `${ctx.config.publicUrl}${PATH}/${encodeURIComponent(mediaId)}?expires=${expires}&signature=${sign(ctx, mediaId, expires)}`;
}

/** True when the signature is ours for this file and time, and that time has not passed. */
export function verifyPublicMedia(ctx: AppContext, mediaId: string, expires: number, signature: string): boolean {
  if (!Number.isSafeInteger(expires) || expires * 1000 <= ctx.clock.now()) return false;
  const expected = Buffer.from(sign(ctx, mediaId, expires));
  const given = Buffer.from(signature);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

const route = publicRoute({
  method: 'get',
  path: `${PATH}/{mediaId}`,
  tags: ['Media'],
  summary: 'One post file for a network to fetch, through a signed address that expires within the hour (404 once expired or when the signature is wrong)',
  request: {
    params: z.object({ mediaId: z.string().min(1).max(64) }),
    query: z.object({ expires: z.coerce.number().int(), signature: z.string().max(100) }),
  },
  responses: { 200: { description: 'The file, with its type' }, 404: { description: 'Expired, wrong signature, or no such file' } },
});

export function registerPublicMediaRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(route, async (c) => {
    const { ctx } = c.var;
    const { mediaId } = c.req.valid('param');
    const { expires, signature } = c.req.valid('query');
    // The same answer for every refusal: a caller learns nothing about which files exist.
    const gone = () => c.json(errorBody('not_found', 'No such file, or its address has expired.'), 404);
    if (!verifyPublicMedia(ctx, mediaId, expires, signature)) return gone();
    const m = await ctx.store.db.selectFrom('media').select(['storage_key', 'mime', 'bytes']).where('id', '=', mediaId).executeTakeFirst();
    if (!m) return gone();
    const bytes = await readMediaFile(ctx.config.dataDir, m.storage_key);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': m.mime,
      'Content-Length': String(bytes.byteLength),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
  });
}
