/**
 * The two grants a connector makes at its network's token endpoint (RFC 6749): trading the authorize redirect's code
 * (§4.1.3) and renewing with the refresh token (§6), for the networks that also keep when the refresh token itself
 * expires (LinkedIn, Pinterest). The app's keys go as the provider declares (`clientAuth`); a network's extra form
 * fields are passed by its own connector, so each quirk stays written where that network lives.
 */
import type { Credentials } from '../types.js';
import type { NetCall, OAuthApp, OAuthEndpoints, OAuthProvider, OAuthToken } from './provider.js';
import { tokenCall } from './token-call.js';

/** The token fields such a connector keeps in its credentials. */
export interface RenewableCredentials {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: number | null;
  refreshExpiresAt: number | null;
}

/** The code from the authorize redirect, traded for a token (what the generic connect flow does, for tests and tools). */
export function exchangeCode(
  provider: OAuthProvider, endpoints: OAuthEndpoints, app: OAuthApp, code: string, redirectUri: string, net: NetCall,
  extra: Record<string, string> = {},
): Promise<OAuthToken> {
  const form = { grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...extra };
  return tokenCall(provider.network, endpoints.tokenUrl, form, app, provider.clientAuth, net);
}

/** New credentials from the refresh token; null when there is none and the user must connect again. */
export async function refreshCredentials<C extends RenewableCredentials>(
  provider: OAuthProvider, creds: C, app: OAuthApp, endpoints: OAuthEndpoints, net: NetCall,
  extra: Record<string, string> = {},
): Promise<{ credentials: Credentials; expiresAt: number | null } | null> {
  if (!creds.refreshToken) return null;
  const form = { grant_type: 'refresh_token', refresh_token: creds.refreshToken, ...extra };
  const token = await tokenCall(provider.network, endpoints.tokenUrl, form, app, provider.clientAuth, net);
  // A network may answer without a new refresh token or its expiry: the old one then stays in force (§6).
  const next: C = {
    ...creds, accessToken: token.accessToken, refreshToken: token.refreshToken ?? creds.refreshToken,
    expiresAt: token.expiresAt, refreshExpiresAt: token.refreshExpiresAt ?? creds.refreshExpiresAt,
  };
  return { credentials: next as unknown as Credentials, expiresAt: next.expiresAt };
}
