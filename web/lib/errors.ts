import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.js';
import { fieldIssuesOf, fieldIssuesText } from './field-issues.js';
import { networkName } from './networks.js';

/** The network's reason for a refusal, when the server passed one on (a Mastodon address that is none). */
function networkReason(t: TFunction, error: ApiError): string {
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' && /^[a-z_]+$/.test(reason) ? t(`errors.network_reasons.${reason}`, { defaultValue: '' }) : '';
}

/**
 * A network's refusal said by what it means for the reader (reconnect, wait, change the post…) in the reader's
 * language, then the network's own words, quoted as its own: they are often the only precise reason, and a
 * network speaks English.
 */
function networkRefusal(t: TFunction, error: ApiError): string {
  const { network, kind } = (error.details ?? {}) as { network?: unknown; kind?: unknown };
  if (typeof kind !== 'string' || !/^[a-z_]+$/.test(kind) || typeof network !== 'string') return '';
  const name = networkName(network);
  const meaning = t(`errors.network_kinds.${kind}`, { network: name, defaultValue: '' });
  if (!meaning) return '';
  const said = error.message.trim();
  return said ? `${meaning} ${t('errors.network_kinds.said', { network: name, message: said })}` : meaning;
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
    if (error.code === 'csrf_failed') {
      // A page opened at another address than PUBLIC_URL's (127.0.0.1 for localhost): reloading would not help.
      const expected = (error.details as { expected?: unknown } | undefined)?.expected;
      if (typeof expected === 'string' && /^https?:\/\/[^\s/]+$/.test(expected)) {
        return t('errors.csrf_origin', { expected });
      }
    }
    if (error.code === 'network_refused') {
      const reason = networkReason(t, error);
      if (reason) return reason;
      const refusal = networkRefusal(t, error);
      if (refusal) return refusal;
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
