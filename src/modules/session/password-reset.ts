import { AsyncLocalStorage } from 'node:async_hooks';
import { APIError } from 'better-auth/api';
import type { Logger } from 'pino';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Config } from '../../config/config.js';
import type { Mailer } from '../../mail/mailer.js';
import type { Database } from '../../store/schema.js';
import { RESET_LINK_SECONDS } from '../../auth/auth.js';
import { AppError } from '../../http/errors.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { mailLocale } from '../notifications/mail-job.js';
import type { MailLocale } from '../notifications/mail-text.js';
import { passwordResetMail } from './password-reset-mail.js';
import { hit, type Limit } from './rate-limit.js';

const HOUR = 3600_000;
const FIFTEEN_MINUTES = 15 * 60_000;
// The auth library files reset tokens under this name (and stores only their hash).
const tokenIdentifier = (token: string) => `reset-password:${token}`;

export const resetLinkInvalid = () =>
  new AppError('reset_link_invalid', 400, 'This link has expired or has already been used. Ask for a new one.');

export function resetRequestLimits(email: string, ip: string | null): Limit[] {
  return [
    { key: `reset-ip:${ip ?? '-'}`, max: 20, windowMs: HOUR },
    // Per address asked for, known or not: the answer must not tell which addresses have an account.
    { key: `reset:${email}`, max: 5, windowMs: HOUR },
  ];
}

const tokenLimit = (ip: string | null): Limit => ({ key: `reset-token-ip:${ip ?? '-'}`, max: 50, windowMs: FIFTEEN_MINUTES });

/** What the route knows of a request while the auth library runs it: the page's language, and whose account it was. */
interface ResetRequest {
  locale: MailLocale | null;
  userId?: string;
}
const requests = new AsyncLocalStorage<ResetRequest>();

export interface ResetLinkDeps {
  config: Pick<Config, 'publicUrl'>;
  mailer: Mailer;
  log: Logger;
  db: Kysely<Database>;
}

/**
 * The auth library's `sendResetPassword`, wired in context.ts: mails the link in the background, so that
 * the request answers as fast whether or not an account uses the address.
 */
export function resetLinkSender(deps: ResetLinkDeps) {
  return (user: { id: string; email: string; name: string }, token: string) => {
    const request = requests.getStore();
    if (request) request.userId = user.id;
    void mailResetLink(deps, user, token, request?.locale ?? null).catch((err: unknown) =>
      deps.log.error({ err, event: 'auth.reset_mail_failed', userId: user.id }, 'the password-reset e-mail could not be sent'),
    );
  };
}

async function mailResetLink(deps: ResetLinkDeps, user: { id: string; email: string; name: string }, token: string, asked: MailLocale | null) {
  let locale = asked;
  if (!locale) {
    const stored = await deps.db.selectFrom('notification_settings').select('locale').where('user_id', '=', user.id).executeTakeFirst();
    locale = mailLocale(stored?.locale ?? null, null);
  }
  const link = `${deps.config.publicUrl.replace(/\/+$/, '')}/reset-password/${encodeURIComponent(token)}`;
  await deps.mailer.send(passwordResetMail({ to: user.email, name: user.name, link, minutes: RESET_LINK_SECONDS / 60, locale }));
}

/**
 * Sends a link to choose a new password, when an account uses the address. The caller cannot tell whether
 * one does: the answer, its limits and (mail going out in the background) its time are the same.
 */
export async function requestPasswordReset(ctx: AppContext, input: { email: string; locale: MailLocale | null; ip: string | null }) {
  if (!ctx.mailer.enabled) {
    throw new AppError('email_off', 503, 'E-mail is not set up on this server: an administrator can reset the password from the command line.');
  }
  const { db } = ctx.store;
  const now = ctx.clock.now();
  for (const limit of resetRequestLimits(input.email, input.ip)) await hit(db, limit, now);
  const request: ResetRequest = { locale: input.locale };
  await requests.run(request, () => ctx.auth.api.requestPasswordReset({ body: { email: input.email } }));
  if (request.userId) {
    await recordAudit(db, { action: AuditAction.passwordResetRequested, actorId: request.userId, ip: input.ip }, now);
  }
  ctx.log.info({ event: 'auth.password_reset_requested', userId: request.userId ?? null, ip: input.ip }, 'password reset asked for');
}

/** The account a reset link is for, while the link still works. */
export async function resetLinkAccount(ctx: AppContext, token: string, ip: string | null) {
  await hit(ctx.store.db, tokenLimit(ip), ctx.clock.now());
  const internal = (await ctx.auth.$context).internalAdapter;
  const found = await internal.findVerificationValue(tokenIdentifier(token));
  if (!found || new Date(found.expiresAt).getTime() < Date.now()) throw resetLinkInvalid();
  const user = await ctx.store.db.selectFrom('user').select(['id', 'email', 'name']).where('id', '=', found.value).executeTakeFirst();
  if (!user) throw resetLinkInvalid();
  return { user, expiresAt: new Date(found.expiresAt) };
}

/**
 * Sets the new password of the link's account, once: the link is spent, and every session of the account
 * is signed out. Answers the account, for the caller to sign it in.
 */
export async function resetPasswordWithLink(ctx: AppContext, input: { token: string; newPassword: string; ip: string | null }) {
  const { user } = await resetLinkAccount(ctx, input.token, input.ip);
  const sessions = await countSessions(ctx.store.db, user.id);
  try {
    await ctx.auth.api.resetPassword({ body: { token: input.token, newPassword: input.newPassword } });
  } catch (err) {
    // Spent meanwhile by a concurrent request, or expired in between.
    if (err instanceof APIError) throw resetLinkInvalid();
    throw err;
  }
  await recordAudit(ctx.store.db, { action: AuditAction.passwordReset, actorId: user.id, data: { via: 'email', sessions }, ip: input.ip }, ctx.clock.now());
  ctx.log.info({ event: 'auth.password_reset', userId: user.id, via: 'email', sessions, ip: input.ip }, 'password reset');
  return user;
}

/**
 * The command line's reset, for installs without e-mail: sets the password of the account that uses the
 * address and signs out every session of it. Answers how many sessions were signed out.
 */
export async function resetPasswordAsAdmin(ctx: AppContext, email: string, password: string): Promise<{ sessions: number }> {
  const { db } = ctx.store;
  const user = await db.selectFrom('user').select(['id']).where('email', '=', email).executeTakeFirst();
  if (!user) throw new AppError('not_found', 404, `No account uses ${email}.`);
  const auth = await ctx.auth.$context;
  const hash = await auth.password.hash(password);
  const sessions = await countSessions(db, user.id);
  if (await auth.internalAdapter.findCredentialAccount(user.id)) {
    await auth.internalAdapter.updatePassword(user.id, hash);
  } else {
    await auth.internalAdapter.createAccount({ userId: user.id, providerId: 'credential', accountId: user.id, password: hash });
  }
  await auth.internalAdapter.deleteUserSessions(user.id);
  await recordAudit(db, { action: AuditAction.passwordReset, actorId: user.id, data: { via: 'command_line', sessions } }, ctx.clock.now());
  ctx.log.info({ event: 'auth.password_reset', userId: user.id, via: 'command_line', sessions }, 'password reset');
  return { sessions };
}

/** The account's sessions still open; the auth library judges expiry by the real time, and so does this. */
async function countSessions(db: Kysely<Database>, userId: string): Promise<number> {
  const rows = await db.selectFrom('session').select('expiresAt').where('userId', '=', userId).execute();
  return rows.filter((r) => new Date(r.expiresAt).getTime() > Date.now()).length;
}
