import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en, fr } from '../i18n/bundles.js';
import { ApiError } from '../api/client.js';
import { errorMessage } from './errors.js';

async function translator(lng: 'en' | 'fr') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng, interpolation: { escapeValue: false } });
  return i18n.t;
}

describe('errorMessage', () => {
  it('says a schema refusal once, in the reader’s language, rather than the server’s English after a prefix', async () => {
    const refusal = new ApiError(400, 'validation_failed', 'Some fields are missing or invalid.');
    expect(errorMessage(await translator('fr'), refusal)).toBe('Des champs manquent ou ne sont pas valides\u00a0: vérifiez le formulaire, puis réessayez.');
    expect(errorMessage(await translator('en'), refusal)).toBe('Some fields are missing or not valid: check the form and try again.');
  });

  it('keeps what the server said of one field', async () => {
    const named = new ApiError(400, 'validation_failed', '"x" is not a server address.');
    expect(errorMessage(await translator('en'), named)).toBe('Some fields are not valid: "x" is not a server address.');
  });
});
