import type { OAuthApp, OAuthEndpoints, OAuthProvider, OAuthToken } from '../../../connectors/oauth2/provider.js';
import { tokenCall, type TokenRefusal } from '../../../connectors/oauth2/token-call.js';

/**
 * The code exchange of the connect flow (RFC 6749 §4.1.3, with the PKCE verifier of RFC 7636 §4.5 when the
 * provider uses PKCE), through the connectors' shared token call. A refusal (§5.2) is told as `error: description`
 * so the user sees both; a refused client or grant means connecting again.
 */
const exchangeRefused: TokenRefusal = (json, status) => {
  const code = typeof json.error === 'string' ? json.error : `HTTP ${status}`;
  const said = typeof json.error_description === 'string' ? `${code}: ${json.error_description}` : code;
  const kind = status >= 500 ? 'transient' : code === 'invalid_grant' || code === 'invalid_client' || status === 401 ? 'auth_expired' : 'rejected';
  return { kind, said };
};

export async function callTokenEndpoint(
  provider: OAuthProvider,
  app: OAuthApp,
  endpoints: OAuthEndpoints,
  params: Record<string, string>,
  net: { fetch: typeof fetch; now: () => number },
  asked: readonly string[] = [],
): Promise<OAuthToken> {
  return tokenCall(provider.network, endpoints.tokenUrl, params, app, provider.clientAuth, net, {
    asked: params.scope ? params.scope.split(provider.scopeSeparator) : asked,
    refused: exchangeRefused,
    unreachable: `The ${provider.network} token endpoint could not be reached.`,
  });
}
