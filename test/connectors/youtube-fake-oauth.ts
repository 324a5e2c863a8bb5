/**
 * Google's OAuth 2 token endpoint as the YouTube fake answers it (developers.google.com/identity/protocols/oauth2/
 * web-server, "Exchange authorization code for refresh and access tokens" and "Refreshing an access token"): a
 * form POST with client_id and client_secret in the body, the PKCE verifier (S256) with the code; answers
 * `{access_token, expires_in: 3599, refresh_token, scope, token_type: "Bearer"}`; refresh tokens do not rotate.
 * Refusals are `{error, error_description}`: 400 invalid_grant ("Bad Request", "Token has been expired or
 * revoked."), 401 invalid_client ("Unauthorized").
 */
import { createHash, randomBytes } from 'node:crypto';

export const YOUTUBE_FAKE_SCOPES = [
  'https://www.googleapis.com/auth/youtube.upload', 'https://www.googleapis.com/auth/youtube.force-ssl',
  'https://www.googleapis.com/auth/youtube.readonly', 'https://www.googleapis.com/auth/yt-analytics.readonly',
];
export const ACCESS_TTL_S = 3599;

export interface Grant { channelId: string; scopes: string[] }

export class FakeGoogleOAuth {
  readonly client = { id: 'ruche.apps.googleusercontent.com', secret: 'GOCSPX-ruche' };
  access = new Map<string, Grant & { expired: boolean }>();
  refresh = new Map<string, Grant>();
  private codes = new Map<string, Grant & { challenge: string; redirectUri: string }>();

  issue(grant: Grant, withRefresh = true): { access_token: string; expires_in: number; refresh_token?: string; scope: string; token_type: 'Bearer' } {
    const access = `ya29.${randomBytes(18).toString('base64url')}`;
    this.access.set(access, { ...grant, expired: false });
    const out = { access_token: access, expires_in: ACCESS_TTL_S, scope: grant.scopes.join(' '), token_type: 'Bearer' as const };
    if (!withRefresh) return out;
    const refresh = `1//${randomBytes(18).toString('base64url')}`;
    this.refresh.set(refresh, grant);
    return { ...out, refresh_token: refresh };
  }

  /** What the consent screen's "Allow" gives for `channelId`: a code for the redirect. */
  authorize(grant: Grant, challenge: string, redirectUri: string): string {
    const code = `4/${randomBytes(12).toString('base64url')}`;
    this.codes.set(code, { ...grant, challenge, redirectUri });
    return code;
  }

  /** POST /token. */
  token(form: URLSearchParams): { status: number; body: unknown } {
    if (form.get('client_id') !== this.client.id || form.get('client_secret') !== this.client.secret) {
      return { status: 401, body: { error: 'invalid_client', error_description: 'Unauthorized' } };
    }
    const bad = { status: 400, body: { error: 'invalid_grant', error_description: 'Bad Request' } };
    if (form.get('grant_type') === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      if (!code) return bad;
      this.codes.delete(form.get('code')!);
      const verifier = form.get('code_verifier') ?? '';
      if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge || form.get('redirect_uri') !== code.redirectUri) return bad;
      return { status: 200, body: this.issue(code) };
    }
    if (form.get('grant_type') === 'refresh_token') {
      const grant = this.refresh.get(form.get('refresh_token') ?? '');
      if (!grant) return { status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } };
      const { refresh_token: _same, ...answer } = this.issue(grant, false);
      return { status: 200, body: answer };
    }
    return { status: 400, body: { error: 'unsupported_grant_type', error_description: `Invalid grant_type: ${form.get('grant_type') ?? ''}` } };
  }

  /** Every token of the channel stops working, as when the user removes the app's access. */
  revoke(channelId: string): void {
    for (const [k, g] of this.access) if (g.channelId === channelId) this.access.delete(k);
    for (const [k, g] of this.refresh) if (g.channelId === channelId) this.refresh.delete(k);
  }
}
