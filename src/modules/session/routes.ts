import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { publicRoute, userRoute } from '../../http/route.js';
import { jsonBody, jsonOk, noContent } from '../../http/json.js';
import { AppError, unauthenticated } from '../../http/errors.js';
import { currentActor } from '../../http/guards.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { PasswordChange, SessionSchema, SignIn } from './schema.js';
import { presentSession } from './presenters.js';
import { requestHeaders, withAuthCookies } from './auth-calls.js';
import { guardPasswordCheck, tooManyAttempts } from './password-check.js';

const signIn = publicRoute({
  method: 'post',
  path: '/api/v1/session',
  tags: ['Session'],
  summary: 'Sign in with e-mail and password',
  request: jsonBody(SignIn),
  responses: { 200: jsonOk(SessionSchema), 401: { description: 'Wrong e-mail or password' }, 429: tooManyAttempts },
});

const get = publicRoute({
  method: 'get',
  path: '/api/v1/session',
  tags: ['Session'],
  summary: 'The signed-in user and their workspaces',
  responses: { 200: jsonOk(SessionSchema), 401: { description: 'Not signed in' } },
});

const current = publicRoute({
  method: 'get',
  path: '/api/v1/session/current',
  tags: ['Session'],
  summary: 'The signed-in user and their workspaces, or null when signed out',
  description:
    'A probe for clients that do not know yet whether they are signed in: 200 either way, so that a signed-out ' +
    'visitor is not an error. GET /api/v1/session answers 401 instead.',
  responses: { 200: jsonOk(z.object({ session: SessionSchema.nullable() }).openapi('CurrentSession')) },
});

const signOut = userRoute({
  method: 'delete',
  path: '/api/v1/session',
  tags: ['Session'],
  responses: { 204: noContent },
});

const changePassword = userRoute({
  method: 'post',
  path: '/api/v1/session/password',
  tags: ['Session'],
  summary: 'Change password; every other session is signed out',
  request: jsonBody(PasswordChange),
  responses: { 204: noContent, 401: { description: 'Wrong current password' }, 429: tooManyAttempts },
});

export function registerSessionRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(signIn, async (c) => {
    const { ctx, ip } = c.var;
    const { email, password } = c.req.valid('json');
    const res = await guardPasswordCheck(ctx, { email, ip, via: 'sign_in' }, () =>
      withAuthCookies(c, () =>
        ctx.auth.api.signInEmail({ body: { email, password }, headers: requestHeaders(c), returnHeaders: true }),
      ),
    ).catch((err: unknown) => {
      // Counted, not described: the e-mail address tried and the caller's address stay in the audit log.
      if (err instanceof AppError) ctx.log.info({ event: 'auth.sign_in_failed', reason: err.code }, 'sign-in failed');
      throw err;
    });
    await recordAudit(ctx.store.db, { action: AuditAction.signIn, actorId: res.user.id, ip });
    ctx.log.info({ event: 'auth.sign_in', userId: res.user.id, ip }, 'signed in');
    const expiresAt = new Date(ctx.clock.now() + ctx.config.sessionDays * 86400_000);
    return c.json(await presentSession(ctx.store.db, res.user, expiresAt), 200);
  });

  app.openapi(get, async (c) => {
    const actor = await currentActor(c.var.ctx, c.req.raw.headers);
    if (!actor) throw unauthenticated();
    const user = { id: actor.userId, name: actor.name, email: actor.email };
    return c.json(await presentSession(c.var.ctx.store.db, user, actor.expiresAt), 200);
  });

  app.openapi(current, async (c) => {
    const actor = await currentActor(c.var.ctx, c.req.raw.headers);
    if (!actor) return c.json({ session: null }, 200);
    const user = { id: actor.userId, name: actor.name, email: actor.email };
    return c.json({ session: await presentSession(c.var.ctx.store.db, user, actor.expiresAt) }, 200);
  });

  app.openapi(signOut, async (c) => {
    const { ctx, actor, ip } = c.var;
    await withAuthCookies(c, () => ctx.auth.api.signOut({ headers: c.req.raw.headers, returnHeaders: true }));
    await recordAudit(ctx.store.db, { action: AuditAction.signOut, actorId: actor.userId, ip });
    return c.body(null, 204);
  });

  app.openapi(changePassword, async (c) => {
    const { ctx, actor, ip } = c.var;
    const { currentPassword, newPassword } = c.req.valid('json');
    await guardPasswordCheck(ctx, { email: actor.email, ip, via: 'password_change', actorId: actor.userId }, () =>
      withAuthCookies(c, () =>
        ctx.auth.api.changePassword({
          body: { currentPassword, newPassword, revokeOtherSessions: true },
          headers: requestHeaders(c),
          returnHeaders: true,
        }),
      ),
    );
    await recordAudit(ctx.store.db, { action: AuditAction.passwordChanged, actorId: actor.userId, ip });
    return c.body(null, 204);
  });
}
