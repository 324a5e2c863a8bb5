import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.js';
import { fieldIssuesOf, fieldIssuesText } from './field-issues.js';

/** The network's reason for a refusal, when the server passed one on (a Mastodon address that is none). */
function networkReason(t: TFunction, error: ApiError): string {
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' && /^[a-z_]+$/.test(reason) ? t(`errors.network_reasons.${reason}`, { defaultValue: '' }) : '';
}

/** Figures the server gave beside a code (a limit, a length), for the texts that name them. */
function figures(details: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return out;
  for (const [key, value] of Object.entries(details)) if (typeof value === 'number') out[key] = value;
  return out;
}

/**
 * A sentence for the reader from any thrown value, in the reader's language by its stable code (and, for a
 * schema's refusal, by each field's label and what is wrong with it). The server's English is said only for a
 * code the app does not know, as a last resort.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'validation_failed') {
      const issues = fieldIssuesOf(error.details);
      return issues.length > 0 ? fieldIssuesText(t, issues) : t('errors.fields_invalid');
    }
    if (error.code === 'network_refused') {
      const reason = networkReason(t, error);
      if (reason) return reason;
    }
    const known = t(`errors.${error.code}`, { ...figures(error.details), message: error.message, defaultValue: '' });
    if (known && typeof known === 'string') return known;
    if (error.status === 400 || error.status === 422) return t('errors.validation_failed', { message: error.message });
    if (error.status === 409) return t('errors.conflict', { message: error.message });
    if (error.status === 404) return t('errors.not_found');
    if (error.status === 403) return t('errors.forbidden');
    return error.message || t('errors.generic');
  }
  return t('errors.generic');
}
