import type { AppContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import { AuditAction, recordAudit } from '../audit/service.js';
import { hit, refund, type Limit } from './rate-limit.js';

const FIFTEEN_MINUTES = 15 * 60_000;

export const tooManyAttempts = { description: 'Too many password attempts; Retry-After says when to try again' };

/** Where a password was typed; kept in the audit row of a failed attempt. */
export type PasswordCheckVia = 'sign_in' | 'invitation' | 'password_change';

export interface PasswordAttempt {
  /** The account the password is tried against, whether or not it exists. */
  email: string;
  ip: string | null;
  via: PasswordCheckVia;
  /** Who is typing, when they are signed in already. */
  actorId?: string | null;
}

export function passwordLimits({ email, ip }: Pick<PasswordAttempt, 'email' | 'ip'>): Limit[] {
  return [
    // Per address first: a single machine spraying many accounts is stopped before it uses up their counters.
    { key: `password-ip:${ip ?? '-'}`, max: 100, windowMs: FIFTEEN_MINUTES },
    // Per account whatever the address, so guesses spread over many machines still add up.
    { key: `password:${email}`, max: 10, windowMs: FIFTEEN_MINUTES },
  ];
}

/**
 * The one gate in front of every check of a password (sign-in, joining by invitation, changing it):
 * the attempt counts against the account's and the address's limits before `check` runs, a wrong
 * password leaves an audit row, and a right one gives the attempt back.
 * `check` must throw the `invalid_credentials` AppError for a wrong password.
 */
export async function guardPasswordCheck<T>(ctx: AppContext, attempt: PasswordAttempt, check: () => Promise<T>): Promise<T> {
  const { db } = ctx.store;
  const now = ctx.clock.now();
  const limits = passwordLimits(attempt);
  for (const limit of limits) await hit(db, limit, now);
  let result: T;
  try {
    result = await check();
  } catch (err) {
    if (err instanceof AppError && err.code === 'invalid_credentials') {
      await recordAudit(db, {
        action: AuditAction.signInFailed,
        actorId: attempt.actorId ?? null,
        data: { email: attempt.email, via: attempt.via },
        ip: attempt.ip,
      });
    }
    throw err;
  }
  for (const limit of limits) await refund(db, limit, now);
  return result;
}
