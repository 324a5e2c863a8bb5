import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.js';

/** What the server says of any input its schema refuses: it names no field, so the reader's language says it alone. */
const SCHEMA_REFUSAL = 'Some fields are missing or invalid.';

/** A sentence for the reader from any thrown value, translated by its stable code when we know it. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'validation_failed' && error.message === SCHEMA_REFUSAL) return t('errors.fields_invalid');
    const known = t(`errors.${error.code}`, { message: error.message, defaultValue: '' });
    if (known) return known;
    if (error.status === 400 || error.status === 422) return t('errors.validation_failed', { message: error.message });
    if (error.status === 409) return t('errors.conflict', { message: error.message });
    if (error.status === 404) return t('errors.not_found');
    if (error.status === 403) return t('errors.forbidden');
    return error.message || t('errors.generic');
  }
  return t('errors.generic');
}
