import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { addMember, setupOwner, TestClient } from '../helpers/client.js';
import { OAuth2Fake } from '../connectors/oauth2-fake.js';
import { fakeProvider } from '../connectors/oauth2-fake-provider.js';
import { useOAuthProvider } from '../../src/connectors/oauth2/providers.js';
import { saveNetworkApp } from '../../src/modules/accounts/oauth2/apps.js';
import { refreshTokens } from '../../src/modules/accounts/oauth2/token-refresh.js';

/**
 * The generic OAuth 2 connect flow, against a standards authorization server fake (RFC 6749 + RFC 7636) because
 * no network's own server can run here: the app's keys, the authorize URL with state and PKCE, the callback's
 * checks, the picker, reconnection keeping history, refresh, and the week-ahead warning.
 */
describe.each(databases)('connecting an OAuth 2 network on %s', (kind) => {
  const fake = new OAuth2Fake();
  let ruche: TestRuche;
  let owner: TestClient;
  let ownerId: string;
  let ws: string;
  const undo: Array<() => void> = [];

  const start = (who: TestClient, network = 'pinterest') => who.post(`/api/v1/workspaces/${ws}/accounts/oauth/${network}`);
  const back = async (who: TestClient, location: string) => {
    const u = new URL(location);
    return who.get(u.pathname + u.search);
  };
  const query = (res: { headers: Headers }) => new URL(res.headers.get('location')!, 'http://x').searchParams;
  const connectThrough = async (who: TestClient, targetId = 'page-1', network = 'pinterest') => {
    const authorizeUrl = (await start(who, network)).body.authorizeUrl;
    const res = await back(who, await fake.consent(authorizeUrl));
    const pending = query(res).get('pending')!;
    expect(pending).toBeTruthy();
    return who.post(`/api/v1/workspaces/${ws}/accounts/pending/${pending}`, { targetId });
  };

  beforeAll(async () => {
    await fake.start();
    ruche = await startTestRuche(kind, { ALLOW_PRIVATE_NETWORKS: '1' });
    fake.client.redirectUri = `${ruche.url}/api/v1/oauth/pinterest/callback`;
    undo.push(useOAuthProvider(fakeProvider(fake, 'pinterest')));
    const o = await setupOwner(ruche.url);
    ({ client: owner, workspaceId: ws, userId: ownerId } = o);
  });
  afterAll(async () => {
    undo.forEach((u) => u());
    await ruche?.stop();
    await fake.stop();
  });

  it('asks for the app first, in words an administrator can act on', async () => {
    const res = await start(owner);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('an administrator must add the Pinterest app in Settings > Networks'.replace('an', 'An'));
    const listed = (await owner.get(`/api/v1/workspaces/${ws}/oauth-networks`)).body.items.find((n: { network: string }) => n.network === 'pinterest');
    expect(listed.ready).toBe(false);
  });

  it('connects through the authorize page, PKCE and the picker; the token never reaches the browser', async () => {
    await saveNetworkApp(ruche.ctx, 'pinterest', { clientId: fake.client.id, clientSecret: fake.client.secret }, ownerId);
    const authorizeUrl = (await start(owner)).body.authorizeUrl as string;
    const q = new URL(authorizeUrl).searchParams;
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('redirect_uri')).toBe(fake.client.redirectUri);
    const res = await back(owner, await fake.consent(authorizeUrl));
    expect(res.status).toBe(302);
    const pending = query(res).get('pending')!;
    const picker = await owner.get(`/api/v1/workspaces/${ws}/accounts/pending/${pending}`);
    expect(picker.body.targets).toEqual([
      expect.objectContaining({ id: 'page-1', name: 'Café Lumière' }),
      expect.objectContaining({ id: 'page-2', unavailable: 'You are not an admin of this Page.' }),
    ]);
    expect(JSON.stringify(picker.body)).not.toContain(fake.access.keys().next().value);
    // The fake checked the verifier against the challenge; the keys went by HTTP Basic as the provider says.
    expect(fake.tokenRequests.at(-1)).toMatchObject({ grant: 'authorization_code', auth: 'basic' });
    expect(fake.tokenRequests.at(-1)!.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await owner.post(`/api/v1/workspaces/${ws}/accounts/pending/${pending}`, { targetId: 'page-2' })).status).toBe(400);
    const chosen = await owner.post(`/api/v1/workspaces/${ws}/accounts/pending/${pending}`, { targetId: 'page-1' });
    expect(chosen.status).toBe(201);
    const row = await ruche.ctx.store.db.selectFrom('social_accounts').selectAll().where('id', '=', chosen.body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ network: 'pinterest', external_id: 'page-1', handle: 'cafelumiere', status: 'connected' });
    expect(row.token_expires_at).not.toBeNull();
    expect(row.credentials).not.toContain('accessToken');
    // The pending record is used once.
    expect((await owner.post(`/api/v1/workspaces/${ws}/accounts/pending/${pending}`, { targetId: 'page-1' })).status).toBe(404);
  });

  it('refuses a state used twice, and a state someone else started', async () => {
    const authorizeUrl = (await start(owner)).body.authorizeUrl as string;
    const location = await fake.consent(authorizeUrl);
    const other = (await addMember(owner, ws, 'manager@example.com', 'admin')).client;
    const stolen = await back(other, location);
    expect(query(stolen).get('connect')).toBe('expired');
    expect(query(stolen).get('pending')).toBeNull();
    expect(query(await back(owner, location)).get('pending')).toBeTruthy();
    expect(query(await back(owner, location)).get('connect')).toBe('expired');
  });

  it('says so when the user refused, or granted less than asked (naming the permission)', async () => {
    const refused = await back(owner, await fake.consent((await start(owner)).body.authorizeUrl, 'deny'));
    expect(query(refused).get('connect')).toBe('refused');
    fake.withheld = ['pages.write'];
    try {
      const partial = await back(owner, await fake.consent((await start(owner)).body.authorizeUrl));
      expect(query(partial).get('connect')).toBe('missing_scopes');
      expect(query(partial).get('scopes')).toBe('pages.write');
    } finally {
      fake.withheld = [];
    }
  });

  it('reconnecting the same Page keeps the account and its history', async () => {
    const first = await ruche.ctx.store.db.selectFrom('social_accounts').select(['id', 'created_at']).where('external_id', '=', 'page-1').executeTakeFirstOrThrow();
    const again = await connectThrough(owner);
    expect(again.body.id).toBe(first.id);
    const count = await ruche.ctx.store.db.selectFrom('social_accounts').select((eb) => eb.fn.countAll().as('n')).where('external_id', '=', 'page-1').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('renews a token before it ends, and asks for a reconnection when the network refuses', async () => {
    fake.accessTtlS = 1800;
    const { id } = (await connectThrough(owner)).body;
    const before = await ruche.ctx.store.db.selectFrom('social_accounts').select(['credentials']).where('id', '=', id).executeTakeFirstOrThrow();
    const { refreshToken } = JSON.parse(ruche.ctx.sealer.open(before.credentials));
    expect((await refreshTokens(ruche.ctx)).refreshed).toBeGreaterThanOrEqual(1);
    expect(fake.tokenRequests.at(-1)).toMatchObject({ grant: 'refresh_token', auth: 'basic' });
    const after = JSON.parse(ruche.ctx.sealer.open((await ruche.ctx.store.db.selectFrom('social_accounts').select('credentials').where('id', '=', id).executeTakeFirstOrThrow()).credentials));
    expect(after.refreshToken).not.toBe(refreshToken);
    fake.revoked.add(after.refreshToken);
    expect((await refreshTokens(ruche.ctx)).refused).toBe(1);
    const row = await ruche.ctx.store.db.selectFrom('social_accounts').select(['status', 'status_message']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'reconnect', status_message: 'invalid_grant: The refresh token was revoked by the user.' });
    fake.accessTtlS = 3600;
  });

  it('warns once, a week ahead, when the token cannot be renewed', async () => {
    const { refresh: _drop, ...noRefresh } = fakeProvider(fake, 'linkedin');
    undo.push(useOAuthProvider(noRefresh));
    fake.client.redirectUri = `${ruche.url}/api/v1/oauth/linkedin/callback`;
    fake.accessTtlS = 5 * 86400;
    try {
      await saveNetworkApp(ruche.ctx, 'linkedin', { clientId: fake.client.id, clientSecret: fake.client.secret }, ownerId);
      fake.targets = [{ id: 'org-9', kind: 'Organisation', name: 'Lumière SA', handle: 'lumiere' }];
      expect((await connectThrough(owner, 'org-9', 'linkedin')).status).toBe(201);
      expect((await refreshTokens(ruche.ctx)).warned).toBe(1);
      expect((await refreshTokens(ruche.ctx)).warned).toBe(0);
      const mine = (await owner.get('/api/v1/notifications')).body.items.filter((n: { kind: string }) => n.kind === 'account.expiring');
      expect(mine).toHaveLength(1);
      expect(mine[0].params).toMatchObject({ handle: 'lumiere', network: 'LinkedIn' });
    } finally {
      fake.accessTtlS = 3600;
    }
  });
});
