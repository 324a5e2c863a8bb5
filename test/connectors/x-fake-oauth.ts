/**
 * The X fake's OAuth 2.0 side (docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code and
 * .../user-access-token, as of 2025): the authorize page approves for the signed-in user and redirects with `code`
 * and `state`; POST /2/oauth2/token checks the confidential client's HTTP Basic keys, the redirect URI and the PKCE
 * verifier (S256), answers `{token_type, expires_in: 7200, access_token, scope, refresh_token}`, and rotates refresh
 * tokens: a used one is dead. Refusals are `{error, error_description}` with status 400 (401 for client auth).
 */
import { createHash, randomBytes } from 'node:crypto';

export interface FakeGrant {
  userId: string;
  scopes: string[];
  clientId: string;
}
interface Code extends FakeGrant {
  challenge: string;
  redirectUri: string;
}

export const ALL_X_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access', 'like.write', 'follows.read', 'media.write', 'mute.write', 'tweet.moderate.write'];
const ACCESS_TTL_S = 7200;

export class FakeXOAuth {
  readonly client = { id: 'ruche-client-id', secret: 'ruche-client-secret' };
  access = new Map<string, FakeGrant & { expiresAt: number }>();
  refresh = new Map<string, FakeGrant>();
  private codes = new Map<string, Code>();
  signedIn: string | null = null;

  issue(grant: FakeGrant): { access_token: string; refresh_token: string | undefined; expires_in: number; scope: string; token_type: 'bearer' } {
    const access = randomBytes(18).toString('base64url');
    this.access.set(access, { ...grant, expiresAt: Date.now() + ACCESS_TTL_S * 1000 });
    let refresh: string | undefined;
    if (grant.scopes.includes('offline.access')) {
      refresh = randomBytes(18).toString('base64url');
      this.refresh.set(refresh, grant);
    }
    return { token_type: 'bearer', expires_in: ACCESS_TTL_S, access_token: access, scope: grant.scopes.join(' '), refresh_token: refresh };
  }

  /** GET /i/oauth2/authorize: the consent screen, approved at once for the signed-in user. */
  authorize(q: URLSearchParams): { status: number; location?: string; body?: string } {
    const redirect = q.get('redirect_uri');
    if (q.get('client_id') !== this.client.id || !redirect) return { status: 400, body: 'Something went wrong: this app is not allowed to sign in.' };
    const back = new URL(redirect);
    if (q.get('state')) back.searchParams.set('state', q.get('state')!);
    if (q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
      back.searchParams.set('error', 'invalid_request');
      return { status: 302, location: back.toString() };
    }
    if (!this.signedIn) {
      back.searchParams.set('error', 'access_denied');
      return { status: 302, location: back.toString() };
    }
    const code = randomBytes(16).toString('base64url');
    const scopes = (q.get('scope') ?? '').split(' ').filter((s) => ALL_X_SCOPES.includes(s));
    this.codes.set(code, { userId: this.signedIn, scopes, clientId: this.client.id, challenge: q.get('code_challenge')!, redirectUri: redirect });
    back.searchParams.set('code', code);
    return { status: 302, location: back.toString() };
  }

  /** POST /2/oauth2/token. */
  token(form: URLSearchParams, authorization: string | undefined): { status: number; body: unknown } {
    const basic = authorization?.startsWith('Basic ') ? Buffer.from(authorization.slice(6), 'base64').toString() : null;
    if (basic !== `${this.client.id}:${this.client.secret}`) {
      return { status: 401, body: { error: 'unauthorized_client', error_description: 'Missing valid authorization header' } };
    }
    const invalid = (what: string) => ({ status: 400, body: { error: 'invalid_request', error_description: `Value passed for the ${what} was invalid.` } });
    if (form.get('grant_type') === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      if (!code || code.redirectUri !== form.get('redirect_uri')) return invalid('authorization code');
      const verifier = form.get('code_verifier') ?? '';
      if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge) return invalid('code verifier');
      return { status: 200, body: this.issue(code) };
    }
    if (form.get('grant_type') === 'refresh_token') {
      const grant = this.refresh.get(form.get('refresh_token') ?? '');
      if (!grant) return invalid('token');
      this.refresh.delete(form.get('refresh_token')!);
      return { status: 200, body: this.issue(grant) };
    }
    return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'grant_type is not supported' } };
  }

  revokeUser(userId: string): void {
    for (const map of [this.access, this.refresh] as Map<string, FakeGrant>[]) {
      for (const [k, g] of map) if (g.userId === userId) map.delete(k);
    }
  }
}
