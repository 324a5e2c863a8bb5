import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { AppError } from './errors.js';
import { fieldIssues } from './field-issues.js';
import { isConnectorError } from '../connectors/errors.js';
import { BlockedAddressError } from '../net/address-guard.js';
import { isRejectedValue } from '../store/errors.js';
import type { HttpEnv } from './types.js';

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** The one place where any error becomes an HTTP answer. Nothing internal reaches the client. */
export function handleError(err: Error, c: Context<HttpEnv>) {
  if (err instanceof AppError) {
    if (err.code === 'rate_limited') {
      const s = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (s) c.header('Retry-After', String(s));
    }
    const body = errorBody(err.code, err.message, err.details);
    return c.json(err.fields ? { error: { ...err.fields, ...body.error } } : body, err.status);
  }
  if (err instanceof BlockedAddressError) return c.json(errorBody('blocked_address', err.message), 400);
  if (isConnectorError(err)) {
    // The network's own words, which tell the user what to fix (a wrong app password, a refused post).
    if (err.kind === 'rate_limited') return c.json(errorBody('network_rate_limited', err.message), 429);
    if (err.kind === 'transient' || err.kind === 'unknown_outcome') return c.json(errorBody('network_unavailable', err.message), 502);
    // The network's own error name as `reason`, so that a client can word the ones it knows in its reader's language.
    const reason = err.networkCode ? { reason: err.networkCode } : {};
    return c.json(errorBody('network_refused', err.message, { network: err.network, kind: err.kind, ...reason }), 400);
  }
  if (isRejectedValue(err)) {
    // Input checks should have caught it first: logged so that the missing check gets written.
    c.get('log')?.warn({ err, method: c.req.method, path: c.req.path }, 'the database refused a value from the request');
    return c.json(errorBody('invalid_input', 'A value in the request cannot be stored: check its characters and size.'), 400);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 413) return c.json(errorBody('payload_too_large', 'The request body is too large.'), 413);
    if (status === 400 && /json/i.test(err.message)) {
      return c.json(errorBody('malformed_json', 'The request body is not valid JSON.'), 400);
    }
    if (status >= 400 && status < 500) return c.json(errorBody('bad_request', err.message || 'Bad request.'), status);
  }
  // The client hung up mid-request (an abandoned upload): nothing of ours failed and nobody awaits an answer.
  if ((err as NodeJS.ErrnoException).code === 'ECONNRESET' && c.req.raw.signal.aborted) {
    c.get('log')?.info({ method: c.req.method, path: c.req.path, reason: err.message }, 'client aborted the request');
    return c.body(null, 400);
  }
  c.get('log')?.error({ err }, 'unhandled error');
  return c.json(errorBody('internal', 'Something went wrong on our side. It has been logged.'), 500);
}

/** Validation failures from zod, in the same shape, with the fields that failed and what is wrong with each. */
export function validationFailed(error: ZodError, c: Context) {
  return c.json(errorBody('validation_failed', 'Some fields are missing or invalid.', fieldIssues(error)), 400);
}
