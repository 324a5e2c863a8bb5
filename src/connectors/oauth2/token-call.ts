/**
 * The OAuth 2 token endpoint call (RFC 6749 §4.1.3 and §6), shared by the connectors that renew their own tokens
 * (X, Google for YouTube, LinkedIn, Pinterest): the app's keys as HTTP Basic (§2.3.1, each part form-encoded) or as
 * form fields, the answer normalised, and refusals classified in the network's words: `invalid_grant` (a refresh
 * token revoked, expired or already used) or any refused refresh means the user must connect the account again.
 */
import { ConnectorError, type ConnectorErrorKind } from '../errors.js';
import type { NetworkId } from '../types.js';
import type { NetCall, OAuthApp, OAuthToken } from './provider.js';

/** What a refusal says: RFC 6749 §5.2 `{error, error_description}`, or Pinterest's `{code, message}`. */
function refusal(json: Record<string, unknown>, status: number): { said: string; code: string | undefined } {
  const code = typeof json.error === 'string' ? json.error : typeof json.code === 'number' || typeof json.code === 'string' ? String(json.code) : undefined;
  const words = [json.error_description, json.message].find((v): v is string => typeof v === 'string');
  return { said: words ?? code ?? `HTTP ${status}`, code };
}

/** A refusal as a caller words and classifies it: the answer's body (or {}) and its HTTP status. */
export type TokenRefusal = (json: Record<string, unknown>, status: number) => { kind: ConnectorErrorKind; said: string };

export interface TokenCallOptions {
  /** The scopes asked, for an answer that names none (RFC 6749 §5.1: then it granted those asked). */
  asked?: readonly string[];
  /** How a refusal is told; by default as renewing a token needs it (below). */
  refused?: TokenRefusal;
  /** What to say when the endpoint cannot be reached. */
  unreachable?: string;
}

export async function tokenCall(
  network: NetworkId,
  tokenUrl: string,
  form: Record<string, string>,
  app: OAuthApp,
  clientAuth: 'basic' | 'body',
  net: NetCall,
  options: TokenCallOptions = {},
): Promise<OAuthToken> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  const body = new URLSearchParams(form);
  if (clientAuth === 'basic' && app.clientSecret) {
    headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(app.clientId)}:${encodeURIComponent(app.clientSecret)}`).toString('base64')}`;
  } else {
    body.set('client_id', app.clientId);
    if (app.clientSecret) body.set('client_secret', app.clientSecret);
  }
  let res: Response;
  let json: Record<string, unknown>;
  try {
    res = await net.fetch(tokenUrl, { method: 'POST', headers, body, signal: AbortSignal.timeout(30_000) });
    json = ((await res.json().catch(() => null)) ?? {}) as Record<string, unknown>;
  } catch (cause) {
    throw new ConnectorError(network, 'transient', options.unreachable ?? 'The sign-in server did not answer.', { networkCode: 'no_answer', cause });
  }
  if ((!res.ok || typeof json.access_token !== 'string') && options.refused) {
    const { kind, said } = options.refused(json, res.status);
    throw new ConnectorError(network, kind, said, { status: res.status, networkCode: refusal(json, res.status).code });
  }
  if (!res.ok || typeof json.access_token !== 'string') {
    const { said, code } = refusal(json, res.status);
    if (res.status >= 500) throw new ConnectorError(network, 'transient', said, { status: res.status, networkCode: code });
    const kind = code === 'invalid_grant' || form.grant_type === 'refresh_token' ? 'auth_expired' : 'rejected';
    // The words stay the network's own; the kind tells the user to reconnect.
    throw new ConnectorError(network, kind, said, { status: res.status, networkCode: code });
  }
  const now = net.now();
  const expiresIn = Number(json.expires_in);
  const refreshIn = Number(json.refresh_token_expires_in);
  return {
    accessToken: json.access_token,
    refreshToken: typeof json.refresh_token === 'string' ? json.refresh_token : null,
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? now + expiresIn * 1000 : null,
    refreshExpiresAt: Number.isFinite(refreshIn) && refreshIn > 0 ? now + refreshIn * 1000 : null,
    scopes: typeof json.scope === 'string' ? json.scope.split(/[\s,]+/).filter(Boolean) : [...(options.asked ?? [])].filter(Boolean),
  };
}
