import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en, fr } from '../i18n/bundles.js';
import { ApiError } from '../api/client.js';
import { errorMessage } from './errors.js';
import { CONNECTOR_ERROR_KINDS } from '../../src/connectors/errors.js';

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

  it('says each refused field by its label and what is wrong, in the reader’s language', async () => {
    const refused = new ApiError(400, 'validation_failed', 'Some fields are missing or invalid.', [
      { path: 'name', message: 'Too big: expected string to have <=80 characters', kind: 'too_long', max: 80 },
      { path: 'webhookUrl', message: 'Invalid URL', kind: 'not_url' },
    ]);
    expect(errorMessage(await translator('fr'), refused)).toBe(
      'Nom\u00a0: 80 caractères au plus. Adresse du webhook\u00a0: saisissez une adresse web, comme https://exemple.fr.',
    );
    expect(errorMessage(await translator('en'), refused)).toBe('Name: at most 80 characters. Webhook address: enter a web address, such as https://example.org.');
  });

  it('names a field it has no label for as a field, and counts the fields past the third', async () => {
    const issues = ['a', 'b', 'c', 'posts.0.zzz'].map((path) => ({ path, message: 'Required', kind: 'required' }));
    const refused = new ApiError(400, 'validation_failed', 'Some fields are missing or invalid.', issues);
    expect(errorMessage(await translator('fr'), refused)).toBe(
      'Un champ\u00a0: à remplir. Un champ\u00a0: à remplir. Un champ\u00a0: à remplir. Et 1 autre champ à vérifier.',
    );
  });

  it('names the address to open when a page is not at the one this Ruche answers at, instead of saying to reload', async () => {
    const refused = new ApiError(403, 'csrf_failed', 'Cross-site request refused: this page is not served from http://localhost:3999.', { expected: 'http://localhost:3999' });
    expect(errorMessage(await translator('fr'), refused)).toBe(
      'Cette Ruche répond à http://localhost:3999, pas à l’adresse où cette page a été ouverte\u00a0: ouvrez-la à http://localhost:3999, ou demandez à son administrateur de régler PUBLIC_URL sur l’adresse que vous utilisez.',
    );
    expect(errorMessage(await translator('en'), refused)).toContain('open it at http://localhost:3999');
    // Without the address (a missing header), the general sentence stays.
    expect(errorMessage(await translator('en'), new ApiError(403, 'csrf_failed', 'Missing X-Ruche-CSRF header.'))).toBe('The request was refused for safety. Reload the page and try again.');
  });

  it('words a refusal the server gives a reason for, rather than the server’s English', async () => {
    const notAServer = new ApiError(400, 'network_refused', '"x y" is not a server address.', { network: 'mastodon', kind: 'rejected', reason: 'not_a_server_address' });
    expect(errorMessage(await translator('fr'), notAServer)).toBe('Ce n’est pas une adresse de serveur\u00a0: saisissez-en une comme mastodon.social.');
  });

  it('says what a network’s refusal means for the reader in their language, then quotes the network’s own words', async () => {
    const expired = new ApiError(400, 'network_refused', 'Token has expired', { network: 'bluesky', kind: 'auth_expired' });
    expect(errorMessage(await translator('fr'), expired)).toBe(
      'Bluesky n’accepte plus la connexion de ce compte\u00a0: reconnectez-le dans Comptes, puis réessayez. Réponse de Bluesky\u00a0: «\u00a0Token has expired\u00a0»',
    );
    const limited = new ApiError(400, 'network_refused', 'Too many requests', { network: 'mastodon', kind: 'rate_limited' });
    expect(errorMessage(await translator('en'), limited)).toBe(
      'Mastodon is limiting how often Ruche may ask: try again in a minute. Mastodon said: “Too many requests”',
    );
    // Every kind a connector can give has its sentence in both languages.
    for (const lng of ['en', 'fr'] as const) {
      const t = await translator(lng);
      for (const kind of CONNECTOR_ERROR_KINDS) {
        const said = errorMessage(t, new ApiError(400, 'network_refused', '', { network: 'bluesky', kind }));
        expect(said, `${lng} ${kind}`).toMatch(/^Bluesky|Bluesky/);
        expect(said).not.toMatch(/\{\{|network_kinds/);
      }
    }
  });

  it('fills the figures the server gave beside a code', async () => {
    const tooLong = new ApiError(400, 'too_long', 'This reply is 600 characters long; mastodon takes 500.', { used: 600, max: 500 });
    expect(errorMessage(await translator('fr'), tooLong)).toBe('Cette réponse fait 600 caractères\u00a0; le réseau en accepte 500.');
  });

  it('says the server’s own words only for a code the app does not know', async () => {
    const unknown = new ApiError(400, 'brand_new_code', 'Something new.');
    expect(errorMessage(await translator('en'), unknown)).toBe('Some fields are not valid: Something new.');
  });
});
