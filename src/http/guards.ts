import { createMiddleware } from 'hono/factory';
import type { Permission } from '../shared/permissions.js';
import { can, isRole } from '../shared/permissions.js';
import { AppError, forbidden, notFound, unauthenticated } from './errors.js';
import type { Actor, HttpEnv } from './types.js';
import { createSessionMemo, type SessionMemo } from './session-memo.js';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { compiledOnce } from '../store/compiled-once.js';
import { stampColumn } from '../store/data-stamp.js';
import { allowedOrigins } from './allowed-origins.js';
import type { Dialect } from '../store/database.js';

/** Resolves the session cookie into an actor, or answers 401. */
export const requireUser = createMiddleware<HttpEnv>(async (c, next) => {
  const actor = await currentActor(c.get('ctx'), c.req.raw.headers);
  if (!actor) throw unauthenticated();
  c.set('actor', actor);
  await next();
});

const memos = new WeakMap<HttpEnv['Variables']['ctx'], SessionMemo>();

export async function currentActor(ctx: HttpEnv['Variables']['ctx'], headers: Headers): Promise<Actor | null> {
  let memo = memos.get(ctx);
  if (!memo) memos.set(ctx, (memo = createSessionMemo(ctx)));
  const known = await memo.lookup(headers);
  if (known) return known;
  const found = await ctx.auth.api.getSession({ headers });
  if (!found) return null;
  memo.remember(headers, found.session);
  return {
    userId: found.user.id,
    name: found.user.name,
    email: found.user.email,
    sessionId: found.session.id,
    expiresAt: new Date(found.session.expiresAt),
  };
}

// The data stamp is read with the membership (before any of the request's data, as it must be): the inbox's
// remembered pages and counts need it, and on PostgreSQL a read of its own is a round trip.
const membershipOf = (dialect: Dialect) =>
  compiledOnce((db: Kysely<Database>, workspaceId: string, userId: string) =>
    db.selectFrom('memberships').select(['id', 'role', stampColumn(dialect).as('stamp')]).where('workspace_id', '=', workspaceId).where('user_id', '=', userId));
const memberships = { sqlite: membershipOf('sqlite'), postgres: membershipOf('postgres') };

/**
 * Loads the actor's membership of the workspace in the path. Someone who is not a member gets 404,
 * the same answer as for a workspace that does not exist, so ids cannot be probed.
 */
export const requireMember = createMiddleware<HttpEnv>(async (c, next) => {
  const workspaceId = c.req.param('workspaceId');
  const actor = c.get('actor');
  if (!workspaceId) throw notFound('workspace');
  const { store } = c.get('ctx');
  const [row] = await memberships[store.dialect](store.db, workspaceId, actor.userId);
  if (!row || !isRole(row.role)) throw notFound('workspace');
  c.set('member', { membershipId: row.id, workspaceId, role: row.role, stamp: String(row.stamp) });
  await next();
});

export function requirePermission(permission: Permission) {
  return createMiddleware<HttpEnv>(async (c, next) => {
    if (!can(c.get('member').role, permission)) throw forbidden();
    await next();
  });
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const WEBHOOKS_PREFIX = '/api/v1/webhooks/';

/**
 * CSRF guard for cookie-authenticated writes: the web app sends a custom header, which a cross-site
 * form or a no-CORS fetch cannot. A browser's Origin must be PUBLIC_URL's, scheme included: the Host
 * header proves nothing (a rebound DNS name sends its own), and "null" comes from sandboxed or opaque pages.
 * Without PUBLIC_URL, the other loopback names of the same port are the same server (allowed-origins.ts).
 */
export const csrfGuard = createMiddleware<HttpEnv>(async (c, next) => {
  // Networks' webhooks come from their servers with no cookie, each signed by its sender and checked by its route.
  if (UNSAFE.has(c.req.method) && !c.req.path.startsWith(WEBHOOKS_PREFIX)) {
    if (c.req.header('x-ruche-csrf') !== '1') {
      throw new AppError('csrf_failed', 403, 'Missing X-Ruche-CSRF header.');
    }
    const origin = c.req.header('origin');
    const { publicUrl, publicUrlDerived } = c.get('ctx').config;
    const expected = new URL(publicUrl).origin;
    if (origin !== undefined && !allowedOrigins(publicUrl, publicUrlDerived).has(origin)) {
      throw new AppError(
        'csrf_failed',
        403,
        `Cross-site request refused: this page is not served from ${expected}. If that is not the address you use, set PUBLIC_URL to it.`,
        // The address this Ruche answers at, for the web app to name: a page opened at 127.0.0.1 instead of localhost.
        { expected },
      );
    }
  }
  await next();
});
