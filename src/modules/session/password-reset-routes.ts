import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { publicRoute } from '../../http/route.js';
import { jsonBody, jsonOk } from '../../http/json.js';
import { RESET_LINK_SECONDS } from '../../auth/auth.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { ResetCheck, ResetConfirm, ResetRequest, SessionSchema } from './schema.js';
import { presentSession } from './presenters.js';
import { requestHeaders, withAuthCookies } from './auth-calls.js';
import { requestPasswordReset, resetLinkAccount, resetPasswordWithLink } from './password-reset.js';

const path = '/api/v1/password-reset';
const tooMany = { description: 'Too many requests; Retry-After says when to try again' };
const invalidLink = { description: 'The link has expired or has been used (code reset_link_invalid)' };

const status = publicRoute({
  method: 'get',
  path,
  tags: ['Session'],
  summary: 'Whether a forgotten password can be reset by e-mail here (without e-mail, an administrator resets it)',
  responses: { 200: jsonOk(z.object({ byEmail: z.boolean(), linkMinutes: z.number() }).openapi('PasswordResetStatus')) },
});

const request = publicRoute({
  method: 'post',
  path,
  tags: ['Session'],
  summary: 'Send a link to choose a new password; the same answer whether or not an account uses the address',
  request: jsonBody(ResetRequest),
  responses: {
    202: jsonOk(z.object({ linkMinutes: z.number() }), 'Sent if an account uses the address'),
    429: tooMany,
    503: { description: 'E-mail is not set up on this server (code email_off)' },
  },
});

const check = publicRoute({
  method: 'post',
  path: `${path}/check`,
  tags: ['Session'],
  summary: 'Whether a reset link still works, and for which account',
  request: jsonBody(ResetCheck),
  responses: { 200: jsonOk(z.object({ email: z.string(), expiresAt: z.string() })), 400: invalidLink, 429: tooMany },
});

const confirm = publicRoute({
  method: 'post',
  path: `${path}/confirm`,
  tags: ['Session'],
  summary: 'Choose the new password with the link: the link is spent, every session of the account is signed out, and this one signs in',
  request: jsonBody(ResetConfirm),
  responses: { 200: jsonOk(SessionSchema, 'Signed in with the new password'), 400: invalidLink, 429: tooMany },
});

export function registerPasswordResetRoutes(app: OpenAPIHono<HttpEnv>) {
  const linkMinutes = RESET_LINK_SECONDS / 60;

  app.openapi(status, (c) => c.json({ byEmail: c.var.ctx.mailer.enabled, linkMinutes }, 200));

  app.openapi(request, async (c) => {
    const { email, locale } = c.req.valid('json');
    await requestPasswordReset(c.var.ctx, { email, locale: locale ?? null, ip: c.var.ip });
    return c.json({ linkMinutes }, 202);
  });

  app.openapi(check, async (c) => {
    const { user, expiresAt } = await resetLinkAccount(c.var.ctx, c.req.valid('json').token, c.var.ip);
    return c.json({ email: user.email, expiresAt: expiresAt.toISOString() }, 200);
  });

  app.openapi(confirm, async (c) => {
    const { ctx, ip } = c.var;
    const { token, newPassword } = c.req.valid('json');
    const user = await resetPasswordWithLink(ctx, { token, newPassword, ip });
    // Whoever holds the link holds the mailbox: they are signed in with the password they just chose.
    const res = await withAuthCookies(c, () =>
      ctx.auth.api.signInEmail({ body: { email: user.email, password: newPassword }, headers: requestHeaders(c), returnHeaders: true }),
    );
    await recordAudit(ctx.store.db, { action: AuditAction.signIn, actorId: res.user.id, ip });
    const expiresAt = new Date(ctx.clock.now() + ctx.config.sessionDays * 86400_000);
    return c.json(await presentSession(ctx.store.db, res.user, expiresAt), 200);
  });
}
