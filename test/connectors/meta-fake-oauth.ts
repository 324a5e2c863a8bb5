/**
 * Facebook Login pages of the Meta fake ("Manually Build a Login Flow", v24.0): the dialog at /v24.0/dialog/oauth
 * shows the app's request with an Allow button, which redirects to redirect_uri with `code` and `state`;
 * GET /v24.0/oauth/access_token trades the code (short-lived token, about 2 hours) or, with
 * grant_type=fb_exchange_token, a short-lived token for a long-lived one (about 60 days).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { VERSION, type MetaFake } from './meta-fake.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const codes = new WeakMap<MetaFake, Map<string, { userId: string; clientId: string; redirectUri: string }>>();

export async function oauthRoutes(fake: MetaFake, req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer): Promise<boolean> {
  const mine = codes.get(fake) ?? new Map();
  codes.set(fake, mine);
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
    res.end(JSON.stringify(body));
    return true;
  };
  const q = url.searchParams;
  if (url.pathname === `/${VERSION}/dialog/oauth`) {
    const user = [...fake.state.users.values()].find((u) => u.id === fake.loginAs) ?? [...fake.state.users.values()][0];
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><title>Log in with Facebook</title><main>
<h1>${esc(user?.name ?? 'Nobody')}, continue to the app?</h1><p>The app asks for: ${esc(q.get('scope') ?? '')}</p>
<form method="post" action="/${VERSION}/dialog/oauth/confirm">
${['client_id', 'redirect_uri', 'state', 'scope'].map((k) => `<input type="hidden" name="${k}" value="${esc(q.get(k) ?? '')}">`).join('')}
<button type="submit" name="allow" value="1">Allow</button></form></main></html>`);
    return true;
  }
  if (url.pathname === `/${VERSION}/dialog/oauth/confirm` && req.method === 'POST') {
    const form = new URLSearchParams(raw.toString());
    const user = [...fake.state.users.values()].find((u) => u.id === fake.loginAs) ?? [...fake.state.users.values()][0];
    const code = randomBytes(16).toString('hex');
    mine.set(code, { userId: user.id, clientId: form.get('client_id') ?? '', redirectUri: form.get('redirect_uri') ?? '' });
    const back = new URL(form.get('redirect_uri') ?? '');
    back.searchParams.set('code', code);
    back.searchParams.set('state', form.get('state') ?? '');
    res.writeHead(302, { location: back.toString() });
    res.end();
    return true;
  }
  if (url.pathname === `/${VERSION}/oauth/access_token`) {
    const p = req.method === 'POST' ? new URLSearchParams(raw.toString()) : q;
    const err = (message: string, code: number, sub?: number) =>
      json(400, { error: { message, type: 'OAuthException', code, error_subcode: sub, fbtrace_id: randomBytes(8).toString('base64url') } });
    if (p.get('client_id') !== fake.app.id || p.get('client_secret') !== fake.app.secret) return err('Error validating client secret.', 1);
    if (p.get('grant_type') === 'fb_exchange_token') {
      const t = fake.state.tokens.get(p.get('fb_exchange_token') ?? '');
      if (!t || t.kind !== 'user' || t.state !== 'ok') return err('Error validating access token: Session has expired.', 190, 463);
      const long = `EAAL${randomBytes(12).toString('hex')}`;
      fake.state.tokens.set(long, { ...t, longLived: true });
      return json(200, { access_token: long, token_type: 'bearer', expires_in: 5_184_000 });
    }
    const c = mine.get(p.get('code') ?? '');
    if (!c) return err('This authorization code has been used.', 100, 36009);
    if (c.redirectUri !== p.get('redirect_uri')) return err('Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request', 100, 36008);
    mine.delete(p.get('code')!);
    const short = `EAAS${randomBytes(12).toString('hex')}`;
    fake.state.tokens.set(short, { kind: 'user', id: c.userId, state: 'ok', longLived: false });
    return json(200, { access_token: short, token_type: 'bearer', expires_in: 7200 });
  }
  return false;
}
