/**
 * A standards OAuth 2 authorization server, for testing the generic connect flow against a real HTTP server (no
 * network's own server can run here). It follows RFC 6749 (The OAuth 2.0 Authorization Framework):
 * §4.1.1 authorization request (response_type=code, client_id, redirect_uri that must match the registered one,
 * scope, state), §4.1.2 the redirect with `code` and `state`, §4.1.2.1 refusal (`error=access_denied`), §4.1.3
 * access token request (code single-use, redirect_uri repeated), §2.3.1 client authentication (HTTP Basic with
 * form-encoded parts, or client_id/client_secret in the body; one method per client), §5.1/§5.2 token answers and
 * errors (400 `invalid_grant`, 401 `invalid_client`), §6 refresh (rotating: a used refresh token is dead), and
 * RFC 7636 (PKCE) §4.3/§4.6: S256 challenge checked against the verifier. The authorize page is an HTML form, so a
 * browser test can press "Allow"; `GET /v1/me/targets` is the resource the test provider lists targets from.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startFakeServer, type FakeServer } from './fake-server.js';

interface Grant { user: string; scopes: string[] }
interface Code extends Grant { redirectUri: string; challenge: string | null; expiresAt: number }

export interface FakeTarget { id: string; kind: string; name: string; handle: string; unavailable?: string }

export class OAuth2Fake {
  client = { id: 'fake-client-id', secret: 'fake-client-secret', redirectUri: '', auth: 'basic' as 'basic' | 'body', pkce: true };
  /** The user signed in on the network's page, and what they may act for. */
  user = 'alice';
  targets: FakeTarget[] = [
    { id: 'page-1', kind: 'Page', name: 'Café Lumière', handle: 'cafelumiere' },
    { id: 'page-2', kind: 'Page', name: 'Old Shop', handle: 'oldshop', unavailable: 'You are not an admin of this Page.' },
  ];
  accessTtlS = 3600;
  /** Scopes the user unticks on the consent page (tests of "granted less than asked"). */
  withheld: string[] = [];
  access = new Map<string, Grant & { expiresAt: number }>();
  refresh = new Map<string, Grant>();
  /** Refresh tokens the user revoked on the network: refusing them is `invalid_grant`. */
  revoked = new Set<string>();
  tokenRequests: Array<{ grant: string; auth: 'basic' | 'body' | 'none'; verifier: string | null }> = [];
  private codes = new Map<string, Code>();
  private server: FakeServer | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = await startFakeServer((req, res) => void this.handle(req, res).catch((err) => {
      res.writeHead(500).end(String(err));
    }));
    this.url = this.server.url;
    return this;
  }

  async stop() {
    await this.server?.close();
  }

  private issue(grant: Grant) {
    const access = randomBytes(18).toString('base64url');
    const refresh = randomBytes(18).toString('base64url');
    this.access.set(access, { ...grant, expiresAt: Date.now() + this.accessTtlS * 1000 });
    this.refresh.set(refresh, grant);
    return { access_token: access, token_type: 'bearer', expires_in: this.accessTtlS, refresh_token: refresh, scope: grant.scopes.join(' ') };
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.url);
    if (url.pathname === '/oauth/authorize' && req.method === 'GET') return this.authorizePage(url, res);
    if (url.pathname === '/oauth/authorize' && req.method === 'POST') return this.decide(new URLSearchParams(await body(req)), res);
    if (url.pathname === '/oauth/token' && req.method === 'POST') return this.token(req, new URLSearchParams(await body(req)), res);
    if (url.pathname === '/v1/me/targets' && req.method === 'GET') {
      const grant = this.bearer(req);
      if (!grant) return json(res, 401, { error: 'invalid_token', error_description: 'The access token expired or was revoked.' });
      return json(res, 200, { data: this.targets });
    }
    return json(res, 404, { error: 'not_found' });
  }

  bearer(req: IncomingMessage) {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const grant = token ? this.access.get(token) : undefined;
    return grant && grant.expiresAt > Date.now() ? grant : null;
  }

  /** §4.1.1: a request with a bad client or redirect URI is shown as an error, never redirected (§4.1.2.1). */
  private authorizeRequest(q: URLSearchParams): { error: string } | { redirect: string; state: string; scopes: string[]; challenge: string | null } {
    if (q.get('client_id') !== this.client.id) return { error: 'Unknown client_id.' };
    if (q.get('redirect_uri') !== this.client.redirectUri) return { error: 'redirect_uri does not match the one registered for this app.' };
    if (q.get('response_type') !== 'code') return { error: 'unsupported_response_type' };
    const challenge = q.get('code_challenge');
    if (challenge && q.get('code_challenge_method') !== 'S256') return { error: 'Only S256 is accepted.' };
    if (this.client.pkce && !challenge) return { error: 'code_challenge required' };
    return { redirect: this.client.redirectUri, state: q.get('state') ?? '', scopes: (q.get('scope') ?? '').split(/[ ,]+/).filter(Boolean), challenge };
  }

  private authorizePage(url: URL, res: ServerResponse) {
    const r = this.authorizeRequest(url.searchParams);
    if ('error' in r) return html(res, 400, `<h1>Error</h1><p>${esc(r.error)}</p>`);
    const hidden = [...url.searchParams].map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
    html(res, 200, `<!doctype html><html lang="en"><title>Authorize</title><main><h1>Allow Ruche to act for ${esc(this.user)}?</h1>
      <p>Permissions: ${r.scopes.map(esc).join(', ')}</p>
      <form method="post" action="/oauth/authorize">${hidden}
      <button name="decision" value="allow">Allow</button> <button name="decision" value="deny">Deny</button></form></main></html>`);
  }

  /** The user's answer on the consent page: a code (§4.1.2) or access_denied (§4.1.2.1), both carrying state. */
  private decide(form: URLSearchParams, res: ServerResponse) {
    const r = this.authorizeRequest(form);
    if ('error' in r) return html(res, 400, `<p>${esc(r.error)}</p>`);
    const back = new URL(r.redirect);
    if (form.get('decision') !== 'allow') {
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'The user denied the request.');
    } else {
      const code = randomBytes(16).toString('base64url');
      const scopes = r.scopes.filter((s) => !this.withheld.includes(s));
      this.codes.set(code, { user: this.user, scopes, redirectUri: r.redirect, challenge: r.challenge, expiresAt: Date.now() + 600_000 });
      back.searchParams.set('code', code);
    }
    back.searchParams.set('state', r.state);
    res.writeHead(302, { location: back.toString() }).end();
  }

  /** What a browser-less test does on the consent page: answers and returns where the network sends the user. */
  async consent(authorizeUrl: string, decision: 'allow' | 'deny' = 'allow'): Promise<string> {
    const form = new URLSearchParams(new URL(authorizeUrl).searchParams);
    form.set('decision', decision);
    const res = await fetch(`${this.url}/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
    if (res.status !== 302) throw new Error(`consent: ${res.status} ${await res.text()}`);
    return res.headers.get('location')!;
  }

  private token(req: IncomingMessage, form: URLSearchParams, res: ServerResponse) {
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    let id: string | null = null;
    let secret: string | null = null;
    let auth: 'basic' | 'body' | 'none' = 'none';
    if (basic) {
      const [u, p] = Buffer.from(basic, 'base64').toString('utf8').split(':');
      id = decodeURIComponent(u ?? '');
      secret = decodeURIComponent(p ?? '');
      auth = 'basic';
    } else if (form.has('client_secret')) {
      id = form.get('client_id');
      secret = form.get('client_secret');
      auth = 'body';
    }
    this.tokenRequests.push({ grant: form.get('grant_type') ?? '', auth, verifier: form.get('code_verifier') });
    // §5.2: invalid_client is 401 (with WWW-Authenticate when Basic was tried).
    if (auth !== this.client.auth || id !== this.client.id || secret !== this.client.secret) {
      return json(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed.' }, basic ? { 'www-authenticate': 'Basic realm="fake"' } : {});
    }
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      if (!code || code.expiresAt < Date.now()) return json(res, 400, { error: 'invalid_grant', error_description: 'The authorization code is invalid or was already used.' });
      if (form.get('redirect_uri') !== code.redirectUri) return json(res, 400, { error: 'invalid_grant', error_description: 'redirect_uri does not match the authorization request.' });
      if (code.challenge) {
        const verifier = form.get('code_verifier') ?? '';
        // RFC 7636 §4.1: 43 to 128 unreserved characters.
        const expected = createHash('sha256').update(verifier).digest('base64url');
        if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) || expected !== code.challenge) {
          return json(res, 400, { error: 'invalid_grant', error_description: 'PKCE verification failed.' });
        }
      }
      return json(res, 200, this.issue({ user: code.user, scopes: code.scopes }));
    }
    if (grantType === 'refresh_token') {
      const token = form.get('refresh_token') ?? '';
      const grant = this.refresh.get(token);
      this.refresh.delete(token);
      if (!grant || this.revoked.has(token)) return json(res, 400, { error: 'invalid_grant', error_description: 'The refresh token was revoked by the user.' });
      return json(res, 200, this.issue(grant));
    }
    return json(res, 400, { error: 'unsupported_grant_type' });
  }
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (data += d));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
function json(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers }).end(JSON.stringify(value));
}
function html(res: ServerResponse, status: number, page: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(page);
}
