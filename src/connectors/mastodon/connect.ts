/** Connecting a Mastodon account on any instance: register an app, send the user to authorize, trade the code. */
import { ConnectorError } from '../errors.js';
import type { AccountInfo } from '../types.js';
import { MastodonHttp } from './http.js';
import { Account, Application, Token, type MastodonCredentials } from './schemas.js';
import { toAuthor } from './mapping.js';

export const MASTODON_SCOPES = 'read write follow';

export interface MastodonApp {
  instanceUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

interface Net {
  fetch?: typeof fetch;
}

/** An instance URL as typed by a user ("mastodon.social", "https://x.y/") → its origin. */
export function normaliseInstanceUrl(input: string): string {
  const withScheme = /^https?:\/\//i.test(input.trim()) ? input.trim() : `https://${input.trim()}`;
  try {
    return new URL(withScheme).origin;
  } catch {
    throw new ConnectorError('mastodon', 'rejected', `"${input}" is not a server address.`, { networkCode: 'not_a_server_address' });
  }
}

export async function registerMastodonApp(
  opts: { instanceUrl: string; redirectUri: string; clientName: string; website?: string } & Net,
): Promise<MastodonApp> {
  const instanceUrl = normaliseInstanceUrl(opts.instanceUrl);
  const http = new MastodonHttp({ baseUrl: instanceUrl, fetch: opts.fetch });
  const { data } = await http.call('/api/v1/apps', Application, {
    method: 'POST',
    json: { client_name: opts.clientName, redirect_uris: opts.redirectUri, scopes: MASTODON_SCOPES, website: opts.website },
  });
  return { instanceUrl, clientId: data.client_id, clientSecret: data.client_secret, redirectUri: opts.redirectUri };
}

/** Where to send the user; `state` comes back with the code and must be checked by the caller. */
export function mastodonAuthorizeUrl(app: MastodonApp, state: string): string {
  const url = new URL('/oauth/authorize', app.instanceUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', app.clientId);
  url.searchParams.set('redirect_uri', app.redirectUri);
  url.searchParams.set('scope', MASTODON_SCOPES);
  url.searchParams.set('state', state);
  return url.toString();
}

export async function exchangeMastodonCode(
  app: MastodonApp,
  code: string,
  net: Net = {},
): Promise<{ credentials: MastodonCredentials; account: AccountInfo }> {
  const http = new MastodonHttp({ baseUrl: app.instanceUrl, fetch: net.fetch });
  const { data: token } = await http.call('/oauth/token', Token, {
    method: 'POST',
    json: {
      grant_type: 'authorization_code',
      code,
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: app.redirectUri,
      scope: MASTODON_SCOPES,
    },
  });
  const authed = new MastodonHttp({ baseUrl: app.instanceUrl, token: token.access_token, fetch: net.fetch });
  const { data: me } = await authed.call('/api/v1/accounts/verify_credentials', Account);
  return {
    credentials: {
      network: 'mastodon',
      instanceUrl: app.instanceUrl,
      accessToken: token.access_token,
      accountId: me.id,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
    },
    account: { ...toAuthor(me), followers: me.followers_count ?? null },
  };
}
