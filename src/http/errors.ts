/** Domain errors with a stable code. Only http/error-handler.ts turns them into HTTP answers. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503,
    message: string,
    readonly details?: unknown,
    /** Fields set beside code and message in the answer's error object (charter_blocked's findings). */
    readonly fields?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'resource') => new AppError('not_found', 404, `No such ${what}.`);
export const forbidden = (message = 'Your role does not allow this.') => new AppError('forbidden', 403, message);
export const unauthenticated = () => new AppError('unauthenticated', 401, 'Sign in first.');
export const conflict = (code: string, message: string) => new AppError(code, 409, message);
export const badRequest = (code: string, message: string, details?: unknown) => new AppError(code, 400, message, details);
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError('rate_limited', 429, `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
