import type { OAuthApp, OAuthEndpoints, OAuthProvider, OAuthToken } from '../../../connectors/oauth2/provider.js';
import { ConnectorError } from '../../../connectors/errors.js';

/**
 * The token endpoint, as RFC 6749 §4.1.3 and §6 describe it: a form POST; the app's keys in HTTP Basic (§2.3.1,
 * each part form-encoded first) or as form fields, as the provider says; the PKCE verifier (RFC 7636 §4.5) when
 * the provider uses PKCE. A refusal (§5.2: `{"error": ..., "error_description": ...}`) keeps the network's words.
 */
export async function callTokenEndpoint(
  provider: OAuthProvider,
  app: OAuthApp,
  endpoints: OAuthEndpoints,
  params: Record<string, string>,
  net: { fetch: typeof fetch; now: () => number },
  asked: readonly string[] = [],
): Promise<OAuthToken> {
  const body = new URLSearchParams(params);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (provider.clientAuth === 'basic') {
    const user = encodeURIComponent(app.clientId);
    const pass = encodeURIComponent(app.clientSecret);
    headers.authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
  } else {
    body.set('client_id', app.clientId);
    body.set('client_secret', app.clientSecret);
  }
  let res: Response;
  try {
    res = await net.fetch(endpoints.tokenUrl, { method: 'POST', headers, body });
  } catch (err) {
    throw new ConnectorError(provider.network, 'transient', `The ${provider.network} token endpoint could not be reached.`, { cause: err });
  }
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Some servers answer errors in HTML; the status says enough.
  }
  if (!res.ok || typeof json.access_token !== 'string') {
    const code = typeof json.error === 'string' ? json.error : `HTTP ${res.status}`;
    const words = typeof json.error_description === 'string' ? `${code}: ${json.error_description}` : code;
    const kind = res.status >= 500 ? 'transient' : code === 'invalid_grant' || code === 'invalid_client' || res.status === 401 ? 'auth_expired' : 'rejected';
    throw new ConnectorError(provider.network, kind, words);
  }
  return tokenFrom(json, params.scope ? params.scope.split(provider.scopeSeparator) : asked, net.now());
}

/** Reads a token answer (RFC 6749 §5.1); `expires_in` is seconds from now. Absent scope means all that was asked (§3.3). */
export function tokenFrom(json: Record<string, unknown>, asked: readonly string[], now: number): OAuthToken {
  const seconds = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);
  const expiresIn = seconds(json.expires_in);
  const refreshIn = seconds(json.refresh_token_expires_in);
  const scope = typeof json.scope === 'string' ? json.scope : null;
  return {
    accessToken: json.access_token as string,
    refreshToken: typeof json.refresh_token === 'string' ? json.refresh_token : null,
    expiresAt: expiresIn ? now + expiresIn * 1000 : null,
    refreshExpiresAt: refreshIn ? now + refreshIn * 1000 : null,
    scopes: scope !== null ? scope.split(/[\s,]+/).filter(Boolean) : [...asked].filter(Boolean),
  };
}
