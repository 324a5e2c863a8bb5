import crypto from 'node:crypto';
import type { Context } from 'hono';
import type { StatusCode } from 'hono/utils/http-status';
import { createMiddleware } from 'hono/factory';
import type { Kysely } from 'kysely';
import type { Database, IdempotencyKeyTable } from '../store/schema.js';
import { AppError, badRequest, conflict } from './errors.js';
import type { HttpEnv } from './types.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
export const KEEP_IDEMPOTENCY_MS = 24 * 3600_000;
// A request still marked running after this died with its process: its key may be used again.
const RUNNING_MS = 5 * 60_000;
const KEY = /^[\x21-\x7e]{1,255}$/;

type Claim = { kind: 'claimed' } | { kind: 'replay'; row: IdempotencyKeyTable } | { kind: 'mismatch' } | { kind: 'running' };

/**
 * Writes sent with an Idempotency-Key run once per signed-in user and key: a retry of the same request
 * gets the first answer again, marked as replayed; the same key on another request, or while the first
 * is still running, is refused. Only successes are kept: after a refusal nothing was written, and the
 * corrected request may reuse its key.
 */
export const idempotent = createMiddleware<HttpEnv>(async (c, next) => {
  const key = c.req.header(IDEMPOTENCY_HEADER);
  if (key === undefined) return next();
  if (!KEY.test(key)) {
    throw badRequest('invalid_idempotency_key', 'Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID.');
  }
  const { ctx, actor } = c.var;
  const db = ctx.store.db;
  const url = new URL(c.req.url);
  const fingerprint = crypto
    .createHash('sha256')
    .update(`${c.req.method} ${url.pathname}${url.search}\n`)
    .update(new Uint8Array(await c.req.arrayBuffer()))
    .digest('base64url');
  const startedAt = ctx.clock.now();
  const claim = await claimKey(db, { user_id: actor.userId, key, fingerprint }, startedAt);
  if (claim.kind === 'replay') return replay(c, claim.row);
  if (claim.kind === 'running') {
    throw conflict('idempotency_key_in_use', 'A request with this Idempotency-Key is still running: retry once it has finished.');
  }
  if (claim.kind === 'mismatch') {
    throw new AppError('idempotency_key_reused', 422, 'This Idempotency-Key was already used for another request: use a new key for a new request.');
  }

  const mine = db
    .deleteFrom('idempotency_keys')
    .where('user_id', '=', actor.userId)
    .where('key', '=', key)
    .where('status', '=', 'running')
    .where('created_at', '=', startedAt);
  try {
    await next();
  } catch (err) {
    await mine.execute();
    throw err;
  }
  const res = c.res;
  if (res.status < 200 || res.status >= 300) {
    await mine.execute();
    return;
  }
  try {
    await db
      .updateTable('idempotency_keys')
      .set({
        status: 'done',
        response_status: res.status,
        response_type: res.headers.get('content-type'),
        response_body: res.body ? await res.clone().text() : null,
      })
      .where('user_id', '=', actor.userId)
      .where('key', '=', key)
      .where('created_at', '=', startedAt)
      .execute();
  } catch (err) {
    // The write itself succeeded: its answer still goes out, only a retry would not find it.
    c.var.log.error({ err }, 'could not keep the answer to an idempotent request');
    await mine.execute().catch(() => {});
  }
});

async function claimKey(
  db: Kysely<Database>,
  req: { user_id: string; key: string; fingerprint: string },
  now: number,
): Promise<Claim> {
  // A few turns at most: each one either claims the key, reads who holds it, or clears a stale holder.
  for (let turn = 0; turn < 3; turn++) {
    const inserted = await db
      .insertInto('idempotency_keys')
      .values({ ...req, status: 'running', response_status: null, response_type: null, response_body: null, created_at: now, expires_at: now + KEEP_IDEMPOTENCY_MS })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { kind: 'claimed' };
    const row = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('user_id', '=', req.user_id)
      .where('key', '=', req.key)
      .executeTakeFirst();
    if (!row) continue;
    const createdAt = Number(row.created_at);
    if (Number(row.expires_at) <= now || (row.status === 'running' && createdAt + RUNNING_MS <= now)) {
      await db
        .deleteFrom('idempotency_keys')
        .where('user_id', '=', req.user_id)
        .where('key', '=', req.key)
        .where('created_at', '=', createdAt)
        .execute();
      continue;
    }
    if (row.status === 'running') return { kind: 'running' };
    return row.fingerprint === req.fingerprint ? { kind: 'replay', row } : { kind: 'mismatch' };
  }
  return { kind: 'running' };
}

function replay(c: Context<HttpEnv>, row: IdempotencyKeyTable) {
  const headers: Record<string, string> = { [REPLAYED_HEADER]: 'true' };
  if (row.response_type) headers['Content-Type'] = row.response_type;
  return c.newResponse(row.response_body, Number(row.response_status) as StatusCode, headers);
}
