import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en, fr } from '../../i18n/bundles.js';
import { queryErrorText, sourceErrorText } from './names.js';

const CODES = ['empty', 'too_long', 'too_deep', 'unexpected_token', 'unclosed_quote', 'empty_phrase', 'unclosed_paren', 'unmatched_paren', 'dangling_operator', 'bad_near', 'unknown_field', 'bad_field_value', 'short_wildcard', 'only_negative'];

async function translator(lng: 'en' | 'fr') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng, interpolation: { escapeValue: false }, showSupportNotice: false });
  return i18n.t;
}

const error = (code: string, params: Record<string, string | number> = {}) => ({ code, message: `server words for ${code}`, column: 7, length: 2, params });

describe('query errors in the reader’s language', () => {
  it('has its own words for every code the parser gives, in both languages', async () => {
    for (const lng of ['en', 'fr'] as const) {
      const t = await translator(lng);
      for (const code of CODES) expect(queryErrorText(t, error(code)), `${lng} ${code}`).not.toContain('server words');
    }
  });

  it('puts the parser’s figures and the column in the sentence, and tells the two NEAR mistakes apart', async () => {
    const t = await translator('fr');
    expect(queryErrorText(t, error('too_long', { max: 2000 }))).toContain('2000');
    expect(queryErrorText(t, error('unclosed_quote'))).toContain('colonne 7');
    const distance = queryErrorText(t, error('bad_near', { reason: 'distance', min: 1, max: 50 }));
    expect(distance).toContain('50');
    expect(queryErrorText(t, error('bad_near', { reason: 'side' }))).not.toBe(distance);
  });

  it('keeps the server’s words for a code it does not know yet', async () => {
    const t = await translator('en');
    expect(queryErrorText(t, error('brand_new_code'))).toBe('server words for brand_new_code');
  });
});

describe('source errors', () => {
  it('translates a known reason and keeps the rest as the server said it', async () => {
    const t = await translator('fr');
    expect(sourceErrorText(t, 'not_a_feed: got text/html')).toEqual({ known: true, text: 'Cette adresse est une page web, pas un flux.' });
    expect(sourceErrorText(t, 'something odd happened')).toEqual({ known: false, text: 'something odd happened' });
  });
});
