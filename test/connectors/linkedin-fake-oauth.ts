/**
 * LinkedIn's authorization-code flow as the fake serves it (learn.microsoft.com/linkedin/shared/authentication/
 * authorization-code-flow, programmatic-refresh-tokens): GET /oauth/v2/authorization shows a consent page whose
 * "Allow" form posts back and redirects with `code` and `state`; POST /oauth/v2/accessToken trades a code or a
 * refresh token (form fields client_id / client_secret) for `{access_token, expires_in, refresh_token,
 * refresh_token_expires_in, scope}`; errors are `{error, error_description}`.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LinkedInFakeState } from './linkedin-fake-state.js';

const ACCESS_TTL_S = 60 * 86_400;
const REFRESH_TTL_S = 365 * 86_400;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export class LinkedInFakeOAuth {
  clients = new Map<string, { secret: string; redirectUris: string[] }>();
  /** Who is signed in to linkedin.com in the fake's browser. */
  signedIn: string | null = null;
  private codes = new Map<string, { clientId: string; redirectUri: string; memberId: string; scopes: string[] }>();

  constructor(private readonly state: LinkedInFakeState) {}

  addClient(clientId: string, secret: string, redirectUri: string): void {
    this.clients.set(clientId, { secret, redirectUris: [redirectUri] });
  }

  authorizePage(url: URL, res: ServerResponse): void {
    const client = this.clients.get(url.searchParams.get('client_id') ?? '');
    const redirectUri = url.searchParams.get('redirect_uri') ?? '';
    if (!client || !client.redirectUris.includes(redirectUri) || url.searchParams.get('response_type') !== 'code') {
      res.writeHead(400, { 'content-type': 'text/html' }).end('<p>The redirect_uri does not match the registered value</p>');
      return;
    }
    const member = this.signedIn ? this.state.members.get(this.signedIn) : undefined;
    const hidden = ['client_id', 'redirect_uri', 'state', 'scope']
      .map((k) => `<input type="hidden" name="${k}" value="${esc(url.searchParams.get(k) ?? '')}">`).join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><title>LinkedIn</title><main><h1>Ruche would like to access your LinkedIn account</h1>` +
      `<p>Signed in as ${esc(member?.name ?? 'nobody')}</p><p>Scopes: ${esc(url.searchParams.get('scope') ?? '')}</p>` +
      `<form method="post" action="/oauth/v2/authorization">${hidden}<button type="submit">Allow</button></form></main>`,
    );
  }

  allow(form: URLSearchParams, res: ServerResponse): void {
    const redirect = new URL(form.get('redirect_uri') ?? '');
    if (!this.signedIn) {
      res.writeHead(400).end('not signed in');
      return;
    }
    const code = randomBytes(16).toString('base64url');
    this.codes.set(code, {
      clientId: form.get('client_id') ?? '', redirectUri: form.get('redirect_uri') ?? '', memberId: this.signedIn,
      scopes: (form.get('scope') ?? '').split(/[ ,]+/).filter(Boolean),
    });
    redirect.searchParams.set('code', code);
    if (form.get('state')) redirect.searchParams.set('state', form.get('state')!);
    res.writeHead(302, { location: redirect.toString() }).end();
  }

  token(req: IncomingMessage, form: URLSearchParams, res: ServerResponse): void {
    const fail = (status: number, error: string, description: string): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error, error_description: description }));
    };
    if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return fail(400, 'invalid_request', 'A required parameter "grant_type" is missing');
    }
    const client = this.clients.get(form.get('client_id') ?? '');
    if (!client || client.secret !== form.get('client_secret')) return fail(401, 'invalid_client', 'Client authentication failed');
    let memberId: string;
    let scopes: string[];
    if (form.get('grant_type') === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      if (!code || code.clientId !== form.get('client_id') || code.redirectUri !== form.get('redirect_uri')) {
        return fail(400, 'invalid_request', 'Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired.');
      }
      ({ memberId, scopes } = code);
    } else if (form.get('grant_type') === 'refresh_token') {
      const refresh = this.state.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!refresh || refresh.expiresAt < Date.now()) {
        return fail(400, 'invalid_request', 'The provided authorization grant or refresh token is invalid, expired or revoked.');
      }
      ({ memberId, scopes } = refresh);
      const left = Math.floor((refresh.expiresAt - Date.now()) / 1000);
      const accessToken = this.state.issueToken(memberId, scopes, ACCESS_TTL_S * 1000);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
        access_token: accessToken, expires_in: ACCESS_TTL_S, refresh_token: form.get('refresh_token'), refresh_token_expires_in: left, scope: scopes.join(','),
      }));
      return;
    } else {
      return fail(400, 'unsupported_grant_type', 'The grant type is not supported');
    }
    const accessToken = this.state.issueToken(memberId, scopes, ACCESS_TTL_S * 1000);
    const refreshToken = `AQX${randomBytes(18).toString('base64url')}`;
    this.state.refreshTokens.set(refreshToken, { memberId, scopes, expiresAt: Date.now() + REFRESH_TTL_S * 1000 });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
      access_token: accessToken, expires_in: ACCESS_TTL_S, refresh_token: refreshToken, refresh_token_expires_in: REFRESH_TTL_S, scope: scopes.join(','),
    }));
  }
}
