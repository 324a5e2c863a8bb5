import crypto from 'node:crypto';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { publicRoute } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { AppError, badRequest } from '../../http/errors.js';
import { currentActor } from '../../http/guards.js';
import { fieldIssues } from '../../http/field-issues.js';
import { ROLES } from '../../shared/permissions.js';
import { Password, PersonName, SessionSchema } from '../session/schema.js';
import { presentSession } from '../session/presenters.js';
import { requestHeaders, withAuthCookies } from '../session/auth-calls.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { guardPasswordCheck, tooManyAttempts } from '../session/password-check.js';
import { findPending } from './service.js';

const TokenParams = z.object({ token: z.string().min(16).max(128) });

const preview = publicRoute({
  method: 'get',
  path: '/api/v1/invitations/{token}',
  tags: ['Members'],
  summary: 'What an invitation link leads to',
  request: { params: TokenParams },
  responses: {
    200: jsonOk(
      z.object({ workspaceName: z.string(), email: z.string(), role: z.enum(ROLES), invitedBy: z.string() }),
    ),
    404: { description: 'Unknown, used, revoked or expired' },
  },
});

const accept = publicRoute({
  method: 'post',
  path: '/api/v1/invitations/{token}/accept',
  tags: ['Members'],
  summary: "Join the workspace: signs in with the address's account, or creates it (the name is needed then)",
  request: {
    params: TokenParams,
    ...jsonBody(z.strictObject({ name: PersonName.optional(), password: z.string().min(1).max(256).optional() })),
  },
  responses: {
    200: jsonOk(SessionSchema),
    400: { description: 'Password missing or too short, or name missing for a new account' },
    401: { description: 'Wrong password for the existing account' },
    404: { description: 'Unknown, used, revoked or expired' },
    429: tooManyAttempts,
  },
});

export function registerAcceptRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(preview, async (c) => {
    const { ctx } = c.var;
    const inv = await findPending(ctx.store.db, c.req.valid('param').token, ctx.clock.now());
    // Whether the address has an account is not said here: the inviter holds this link too.
    return c.json(
      { workspaceName: inv.workspace_name, email: inv.email, role: inv.role as (typeof ROLES)[number], invitedBy: inv.inviter ?? '' },
      200,
    );
  });

  app.openapi(accept, async (c) => {
    const { ctx, ip } = c.var;
    const { token } = c.req.valid('param');
    const body = c.req.valid('json');
    const inv = await findPending(ctx.store.db, token, ctx.clock.now());
    const user = await signInOrSignUp(c, inv.email, body);
    const now = ctx.clock.now();
    await ctx.store.db.transaction().execute(async (trx) => {
      // Conditional update: of two concurrent accepts, only one passes.
      const res = await trx
        .updateTable('invitations')
        .set({ accepted_at: now, accepted_by: user.id })
        .where('id', '=', inv.id)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new AppError('not_found', 404, 'No such invitation.');
      const existing = await trx
        .selectFrom('memberships')
        .select('id')
        .where('workspace_id', '=', inv.workspace_id)
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      if (!existing) {
        await trx
          .insertInto('memberships')
          .values({ id: crypto.randomUUID(), workspace_id: inv.workspace_id, user_id: user.id, role: inv.role, created_at: now })
          .execute();
      }
      await recordAudit(trx, {
        action: AuditAction.invitationAccepted,
        workspaceId: inv.workspace_id,
        actorId: user.id,
        target: { type: 'invitation', id: inv.id },
        data: { email: inv.email, role: inv.role },
        ip,
      });
    });
    const expiresAt = new Date(now + ctx.config.sessionDays * 86400_000);
    return c.json(await presentSession(ctx.store.db, user, expiresAt), 200);
  });
}

type Ctx = Parameters<Parameters<OpenAPIHono<HttpEnv>['openapi']>[1]>[0];

/**
 * The invitee is whoever owns the invited address: already signed in, signing in now, or new. The inviter
 * holds the link too, so the answers differ only after the guarded password check: the format is checked
 * first, and a missing name for a new account counts as an attempt.
 */
async function signInOrSignUp(c: Ctx, email: string, body: { name?: string; password?: string }) {
  const { ctx, ip } = c.var;
  const signedIn = await currentActor(ctx, c.req.raw.headers);
  if (signedIn && signedIn.email === email) return { id: signedIn.userId, name: signedIn.name, email };
  if (!body.password) throw new AppError('password_required', 400, 'Enter your password to accept.');
  const parsed = Password.safeParse(body.password);
  if (!parsed.success) throw badRequest('validation_failed', 'The password needs at least 10 characters.', fieldIssues(parsed.error));
  const password = parsed.data;
  return guardPasswordCheck(ctx, { email, ip, via: 'invitation' }, async () => {
    const exists = await ctx.store.db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirst();
    if (exists) {
      const res = await withAuthCookies(c, () =>
        ctx.auth.api.signInEmail({ body: { email, password }, headers: requestHeaders(c), returnHeaders: true }),
      );
      return res.user;
    }
    if (!body.name) throw new AppError('name_required', 400, 'Enter your name to create your account.');
    const name = body.name;
    const res = await withAuthCookies(c, () =>
      ctx.auth.api.signUpEmail({ body: { name, email, password }, headers: requestHeaders(c), returnHeaders: true }),
    );
    return res.user;
  });
}
