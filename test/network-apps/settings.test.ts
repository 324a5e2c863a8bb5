import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { addMember, setupOwner, TestClient } from '../helpers/client.js';
import { networkApp } from '../../src/modules/accounts/oauth2/apps.js';
import { metaWebhookVerifyToken } from '../../src/modules/network-apps/verify-token.js';

/**
 * Settings > Networks: only the instance administrator (the owner set up first, or an e-mail listed in
 * RUCHE_ADMIN_EMAILS) reads and changes the developer apps; a secret is never answered; Settings win over the
 * environment; the Meta webhook verify token stays the same.
 */
describe.each(databases)('instance networks settings on %s', (kind) => {
  let ruche: TestRuche;
  let owner: TestClient;
  let admin: TestClient;
  let adminOfWorkspace: TestClient;
  const touched = ['RUCHE_LINKEDIN_CLIENT_ID', 'RUCHE_LINKEDIN_CLIENT_SECRET', 'RUCHE_X_CLIENT_ID', 'RUCHE_X_CLIENT_SECRET', 'RUCHE_ADMIN_EMAILS', 'META_WEBHOOK_VERIFY_TOKEN'];
  const saved = Object.fromEntries(touched.map((k) => [k, process.env[k]]));
  const path = '/api/v1/instance/networks';
  const item = async (who: TestClient, network: string) =>
    ((await who.get(path)).body.items as Array<Record<string, any>>).find((i) => i.network === network)!;

  beforeAll(async () => {
    for (const k of touched) delete process.env[k];
    ruche = await startTestRuche(kind, { PUBLIC_URL: 'https://ruche.example.org' });
    const o = await setupOwner(ruche.url);
    owner = o.client;
    adminOfWorkspace = (await addMember(owner, o.workspaceId, 'wsadmin@example.com', 'admin')).client;
    admin = (await addMember(owner, o.workspaceId, 'second.admin@example.com', 'analyst')).client;
  });
  afterEach(() => {
    for (const k of touched) delete process.env[k];
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    await ruche?.stop();
  });

  it('makes the owner set up first the instance administrator, and says so in the session', async () => {
    expect((await owner.get('/api/v1/session')).body.instanceAdmin).toBe(true);
    expect((await adminOfWorkspace.get('/api/v1/session')).body.instanceAdmin).toBe(false);
    const list = await owner.get(path);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { network: string }) => i.network)).toEqual(expect.arrayContaining(['facebook', 'instagram', 'linkedin', 'x', 'youtube', 'pinterest']));
  });

  it('refuses a workspace admin who does not administer the instance, and anonymous callers', async () => {
    expect((await adminOfWorkspace.get(path)).status).toBe(403);
    expect((await adminOfWorkspace.request('PUT', `${path}/linkedin`, { clientId: 'abc', clientSecret: 'def' })).status).toBe(403);
    expect((await adminOfWorkspace.delete(`${path}/linkedin`)).status).toBe(403);
    expect((await new TestClient(ruche.url).get(path)).status).toBe(401);
    expect(await networkApp(ruche.ctx, 'linkedin')).toBeNull();
  });

  it('lets an e-mail listed in RUCHE_ADMIN_EMAILS in, whatever its case', async () => {
    expect((await admin.get(path)).status).toBe(403);
    process.env.RUCHE_ADMIN_EMAILS = 'someone@example.com, second.admin@EXAMPLE.com';
    expect((await admin.get(path)).status).toBe(200);
    expect((await admin.get('/api/v1/session')).body.instanceAdmin).toBe(true);
  });

  it('tells what each network needs: redirect URL, console, permissions and why, review', async () => {
    const li = await item(owner, 'linkedin');
    expect(li).toMatchObject({ configured: false, source: null, clientId: null, secretSet: false });
    expect(li.redirectUrl).toBe('https://ruche.example.org/api/v1/oauth/linkedin/callback');
    // A public HTTPS address: nothing to warn about.
    expect((await owner.get(path)).body.redirectAddress).toEqual({ host: 'ruche.example.org', problem: null });
    expect(li.console.url).toBe('https://www.linkedin.com/developers/apps');
    expect(li.env).toEqual({ clientId: 'RUCHE_LINKEDIN_CLIENT_ID', clientSecret: 'RUCHE_LINKEDIN_CLIENT_SECRET' });
    expect(li.review.needed).toBe(true);
    for (const network of ['facebook', 'instagram', 'linkedin', 'x', 'youtube', 'pinterest']) {
      for (const s of (await item(owner, network)).scopes) {
        expect(s.en, `${network} ${s.scope}`).toBeTruthy();
        expect(s.fr, `${network} ${s.scope}`).toBeTruthy();
      }
    }
  });

  it('saves the keys sealed, never answers the secret, keeps it when omitted, and audit-logs without keys', async () => {
    const bad = await owner.request('PUT', `${path}/linkedin`, { clientId: 'abc def' , clientSecret: 's' });
    expect(bad.status).toBe(400);
    const noSecret = await owner.request('PUT', `${path}/linkedin`, { clientId: '86abc' });
    expect(noSecret.status).toBe(400);
    expect(noSecret.body.error.code).toBe('secret_required');
    expect((await owner.request('PUT', `${path}/mastodon`, { clientId: 'a', clientSecret: 'b' })).status).toBe(404);

    const res = await owner.request('PUT', `${path}/linkedin`, { clientId: '86abc', clientSecret: 'WPL_AP1.sup3rs3cret' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ configured: true, source: 'settings', clientId: '86abc', secretSet: true });
    const listed = await owner.get(path);
    expect(JSON.stringify(listed.body)).not.toContain('sup3rs3cret');
    expect(JSON.stringify(res.body)).not.toContain('sup3rs3cret');
    const row = await ruche.ctx.store.db.selectFrom('network_apps').selectAll().where('network', '=', 'linkedin').executeTakeFirstOrThrow();
    expect(row.client_secret).not.toContain('sup3rs3cret');

    expect((await owner.request('PUT', `${path}/linkedin`, { clientId: '86xyz' })).status).toBe(200);
    expect(await networkApp(ruche.ctx, 'linkedin')).toEqual({ clientId: '86xyz', clientSecret: 'WPL_AP1.sup3rs3cret' });

    const audit = await ruche.ctx.store.db.selectFrom('audit_events').select(['action', 'data']).where('action', 'like', 'instance.%').execute();
    expect(audit.map((a) => a.action)).toEqual(['instance.network_app_saved', 'instance.network_app_saved']);
    expect(audit.map((a) => JSON.parse(a.data))).toEqual([
      { network: 'linkedin', clientIdChanged: true, secretChanged: true },
      { network: 'linkedin', clientIdChanged: true, secretChanged: false },
    ]);
    expect(JSON.stringify(audit)).not.toContain('sup3rs3cret');
  });

  it('prefers Settings over the environment, and falls back to the environment once removed', async () => {
    process.env.RUCHE_X_CLIENT_ID = 'env-x-id';
    process.env.RUCHE_X_CLIENT_SECRET = 'env-x-secret';
    expect(await item(owner, 'x')).toMatchObject({ configured: true, source: 'env', clientId: 'env-x-id', secretSet: true });
    expect(JSON.stringify((await owner.get(path)).body)).not.toContain('env-x-secret');
    await owner.request('PUT', `${path}/x`, { clientId: 'settings-x-id', clientSecret: 'settings-x-secret' });
    expect(await item(owner, 'x')).toMatchObject({ source: 'settings', clientId: 'settings-x-id' });
    expect(await networkApp(ruche.ctx, 'x')).toEqual({ clientId: 'settings-x-id', clientSecret: 'settings-x-secret' });
    expect((await owner.delete(`${path}/x`)).status).toBe(204);
    expect(await item(owner, 'x')).toMatchObject({ source: 'env', clientId: 'env-x-id' });
    expect((await owner.delete(`${path}/x`)).status).toBe(404);
    const removed = await ruche.ctx.store.db.selectFrom('audit_events').select('data').where('action', '=', 'instance.network_app_removed').execute();
    expect(removed.map((r) => JSON.parse(r.data))).toEqual([{ network: 'x' }]);
  });

  it('gives the Meta webhook callback and a verify token that stays the same; the environment overrides it', async () => {
    const first = (await owner.get(path)).body.metaWebhook;
    expect(first.callbackUrl).toBe('https://ruche.example.org/api/v1/webhooks/meta');
    expect(first.verifyToken).toMatch(/^[\w-]{20,}$/);
    expect(first.verifyTokenSource).toBe('settings');
    expect((await owner.get(path)).body.metaWebhook.verifyToken).toBe(first.verifyToken);
    expect(await metaWebhookVerifyToken(ruche.ctx)).toBe(first.verifyToken);
    const stored = await ruche.ctx.store.db.selectFrom('instance_settings').select('value').execute();
    expect(JSON.stringify(stored)).not.toContain(first.verifyToken);
    process.env.META_WEBHOOK_VERIFY_TOKEN = 'from-the-environment';
    expect((await owner.get(path)).body.metaWebhook).toMatchObject({ verifyToken: 'from-the-environment', verifyTokenSource: 'env' });
    delete process.env.META_WEBHOOK_VERIFY_TOKEN;
    expect(await metaWebhookVerifyToken(ruche.ctx)).toBe(first.verifyToken);
  });
});

describe('the verdict on the address the networks are given', () => {
  const cases: Array<[string, Record<string, string>, (url: string) => { host: string; problem: string | null }]> = [
    ['without PUBLIC_URL, the local address Ruche listens on', {}, (url) => ({ host: new URL(url).host, problem: 'local' })],
    ['a public name over plain HTTP', { PUBLIC_URL: 'http://ruche.example.org' }, () => ({ host: 'ruche.example.org', problem: 'http' })],
    ['a private address over HTTPS', { PUBLIC_URL: 'https://192.168.1.20:8443' }, () => ({ host: '192.168.1.20:8443', problem: 'local' })],
  ];

  it.each(cases)('is sent with the networks: %s', async (_name, env, expected) => {
    const ruche = await startTestRuche('sqlite', env);
    try {
      const { client } = await setupOwner(ruche.url);
      expect((await client.get('/api/v1/instance/networks')).body.redirectAddress).toEqual(expected(ruche.url));
    } finally {
      await ruche.stop();
    }
  });
});

describe('the guides in French', () => {
  it('follow French typography: curly apostrophes, non-breaking spaces before : ; ? ! and inside « »', async () => {
    const { appReview, appToCreate, scopeReason } = await import('../../src/modules/network-apps/guides.js');
    const { oauthNetworks, oauthProvider } = await import('../../src/connectors/oauth2/providers.js');
    for (const n of oauthNetworks()) {
      const texts = [appReview(n)?.fr, appToCreate(n)?.fr, ...oauthProvider(n)!.scopes.map((s) => scopeReason(n, s)?.fr)];
      for (const fr of texts) {
        expect(fr, n).toBeTruthy();
        expect(fr, n).not.toMatch(/'| [:;?!]|« | »/);
      }
    }
  });
});
