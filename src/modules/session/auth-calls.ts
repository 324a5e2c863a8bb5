import type { Context } from 'hono';
import { APIError } from 'better-auth/api';
import { AppError } from '../../http/errors.js';
import type { HttpEnv } from '../../http/types.js';

/**
 * Calls into the auth library and carries its Set-Cookie headers over to our answer;
 * its errors become ours, so that clients see one error shape.
 */
export async function withAuthCookies<T>(
  c: Context<HttpEnv>,
  call: () => Promise<{ headers: Headers; response: T }>,
): Promise<T> {
  try {
    const { headers, response } = await call();
    for (const cookie of headers.getSetCookie()) c.header('Set-Cookie', cookie, { append: true });
    return response;
  } catch (err) {
    throw toAppError(err);
  }
}

export function toAppError(err: unknown): unknown {
  if (!(err instanceof APIError)) return err;
  const body = (err.body ?? {}) as { code?: string; message?: string };
  const code = (body.code ?? 'auth_error').toLowerCase();
  const status = err.statusCode;
  if (code === 'invalid_email_or_password' || code === 'invalid_password') {
    return new AppError('invalid_credentials', 401, 'Wrong e-mail or password.');
  }
  if (code.includes('already_exists')) return new AppError('account_exists', 409, 'An account already uses this e-mail.');
  if (status === 401) return new AppError('unauthenticated', 401, 'Sign in first.');
  if (status === 400 || status === 422) return new AppError(code, 400, body.message ?? 'Invalid request.');
  return err;
}

export function requestHeaders(c: Context<HttpEnv>): Headers {
  // The auth library reads the client address for its session records.
  const h = new Headers(c.req.raw.headers);
  if (c.var.ip) h.set('x-forwarded-for', c.var.ip);
  return h;
}
