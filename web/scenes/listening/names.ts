import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.js';
import { errorMessage } from '../../lib/errors.js';
import type { QueryError } from './api.js';

/** Errors of the listening API in the reader's language, by their stable code; others as everywhere else. */
export function listeningError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const known = t(`listening.errors.${error.code}`, { defaultValue: '' });
    if (known) return known;
  }
  return errorMessage(t, error);
}

/** A query's syntax error in the reader's language, with the figures the parser gave; its own words otherwise. */
export function queryErrorText(t: TFunction, error: QueryError): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(error.params ?? {})) {
    if (typeof value === 'number' || typeof value === 'string') params[key] = typeof value === 'string' ? value.slice(0, 80) : value;
  }
  // NEAR is misused in two ways that want different words.
  const key = error.code === 'bad_near' ? (params.reason === 'distance' ? 'bad_near_distance' : 'bad_near_side') : error.code;
  return t(`listening.query.errors.${key}`, { ...params, column: error.column, defaultValue: error.message });
}

/** A number in the reader's language: "12 345", "12,345". */
export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** A large number short: "1,2 k", "3.4M". */
export function formatCompact(n: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

// A source's last error is "<reason>: <message>", the reason being the feed reader's or the network connector's.
const SOURCE_REASONS = ['blocked_address', 'too_large', 'timeout', 'too_many_redirects', 'http_status', 'not_a_feed', 'malformed', 'unreachable', 'transient', 'rate_limited', 'rejected', 'auth'];

/** Why a source failed, in the reader's language where the reason is known; the server's words otherwise. */
export function sourceErrorText(t: TFunction, lastError: string): { known: boolean; text: string } {
  const reason = /^([a-z_]+):/.exec(lastError)?.[1];
  if (reason && SOURCE_REASONS.includes(reason)) return { known: true, text: t(`listening.sources.reasons.${reason}`) };
  return { known: false, text: lastError.slice(0, 300) };
}
