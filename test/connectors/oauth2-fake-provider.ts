import type { OAuthProvider, OAuthToken } from '../../src/connectors/oauth2/provider.js';
import { ConnectorError } from '../../src/connectors/errors.js';
import type { NetworkId } from '../../src/connectors/types.js';
import { callTokenEndpoint } from '../../src/modules/accounts/oauth2/token-endpoint.js';
import type { FakeTarget, OAuth2Fake } from './oauth2-fake.js';

/**
 * A provider that only the tests use: a network whose authorization server is the standards fake, so the generic
 * connect flow is tested without any network's particulars. It stands in for `network` (any OAuth 2 one).
 */
export function fakeProvider(fake: OAuth2Fake, network: NetworkId = 'pinterest', opts: { clientAuth?: 'basic' | 'body'; pkce?: boolean } = {}): OAuthProvider {
  const provider: OAuthProvider = {
    network,
    console: { name: 'Fake developer console', url: `${fake.url}/apps` },
    env: { clientId: 'RUCHE_FAKE_CLIENT_ID', clientSecret: 'RUCHE_FAKE_CLIENT_SECRET', tokenUrl: 'RUCHE_FAKE_TOKEN_URL' },
    endpoints: { authorizeUrl: `${fake.url}/oauth/authorize`, tokenUrl: `${fake.url}/oauth/token`, apiBase: `${fake.url}/v1` },
    scopes: ['pages.read', 'pages.write'],
    scopeReasons: {
      'pages.read': { en: 'To read the comments on your posts.', fr: 'Pour lire les commentaires de vos publications.' },
      'pages.write': { en: 'To publish the posts you schedule.', fr: 'Pour publier les posts que vous programmez.' },
    },
    review: { needed: true, en: 'Before review, only the developer\'s own accounts can connect.', fr: 'Avant la revue, seuls les comptes du développeur peuvent se connecter.' },
    scopeSeparator: ' ',
    pkce: opts.pkce ?? true,
    clientAuth: opts.clientAuth ?? 'basic',
    async listTargets(token, endpoints, net) {
      const res = await net.fetch(`${endpoints.apiBase}/me/targets`, { headers: { authorization: `Bearer ${token.accessToken}` } });
      if (!res.ok) throw new ConnectorError(network, 'auth_expired', 'The token was refused.');
      return ((await res.json()) as { data: FakeTarget[] }).data;
    },
    async connect(token: OAuthToken, targetId, _app, endpoints, net) {
      const target = (await provider.listTargets(token, endpoints, net)).find((t) => t.id === targetId);
      if (!target) throw new ConnectorError(network, 'rejected', 'No such target.');
      return {
        credentials: { network, accessToken: token.accessToken, refreshToken: token.refreshToken, apiBase: endpoints.apiBase, targetId },
        account: { id: target.id, handle: target.handle, displayName: target.name, followers: null },
        expiresAt: token.expiresAt,
      };
    },
    async refresh(credentials, app, endpoints, net) {
      const refreshToken = credentials.refreshToken;
      if (typeof refreshToken !== 'string') return null;
      const token = await callTokenEndpoint(provider, app, endpoints, { grant_type: 'refresh_token', refresh_token: refreshToken }, net);
      return { credentials: { ...credentials, accessToken: token.accessToken, refreshToken: token.refreshToken ?? refreshToken }, expiresAt: token.expiresAt };
    },
  };
  return provider;
}
