/**
 * The LinkedIn connector's own cases, against test/connectors/linkedin-fake.ts (no LinkedIn server can run here):
 * OAuth through the provider, each documented error, images still processing, a first comment made once, and what
 * happens after a lost answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../src/connectors/errors.js';
import { exchangeLinkedInCode, LINKEDIN_OAUTH, LinkedInConnector } from '../../src/connectors/linkedin/index.js';
import { LinkedInFake } from './linkedin-fake.js';
import { lossyFetch } from './lossy-fetch.js';
import { PNG_1PX } from './fixtures.js';

let fake: LinkedInFake;
beforeAll(async () => {
  fake = await new LinkedInFake().start();
});
afterAll(() => fake.close());

const net = () => ({ fetch, now: Date.now });
const endpoints = () => ({ authorizeUrl: `${fake.url}/oauth/v2/authorization`, tokenUrl: `${fake.url}/oauth/v2/accessToken`, apiBase: fake.apiBase });
let n = 0;

function page(opts: { fetch?: typeof fetch; role?: string } = {}) {
  const admin = fake.adminOfNewPage(`Café ${++n}`, `cafe-${n}`, opts.role);
  const credentials = {
    network: 'linkedin' as const, apiBase: fake.apiBase, accessToken: admin.token, refreshToken: null, expiresAt: null, refreshExpiresAt: null,
    organizationId: String(admin.org.id),
  };
  return { ...admin, credentials, connector: new LinkedInConnector({ credentials, fetch: opts.fetch }) };
}

const failure = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
};

describe('LinkedIn OAuth through the provider', () => {
  it('trades the code, lists the pages the member administers, connects one and refreshes its token', async () => {
    const app = { clientId: 'ruche-app', clientSecret: 's3cret' };
    const redirectUri = 'http://127.0.0.1:9/oauth/linkedin/callback';
    fake.oauth.addClient(app.clientId, app.clientSecret, redirectUri);
    const member = fake.state.createMember('Alex Martin');
    const admin = fake.state.createOrg('Café Lumière', 'cafe-lumiere', 321);
    const analyst = fake.state.createOrg('Autre Page', 'autre-page');
    fake.state.grant(member, admin, 'ADMINISTRATOR');
    fake.state.grant(member, analyst, 'ANALYST');
    fake.oauth.signedIn = member.id;

    const authorize = new URL(LINKEDIN_OAUTH.endpoints.authorizeUrl.replace('https://www.linkedin.com', fake.url));
    authorize.search = new URLSearchParams({ response_type: 'code', client_id: app.clientId, redirect_uri: redirectUri, state: 'st4te', scope: LINKEDIN_OAUTH.scopes.join(' ') }).toString();
    expect(await (await fetch(authorize)).text()).toContain('Allow');
    const allowed = await fetch(`${fake.url}/oauth/v2/authorization`, {
      method: 'POST', redirect: 'manual',
      body: new URLSearchParams({ client_id: app.clientId, redirect_uri: redirectUri, state: 'st4te', scope: LINKEDIN_OAUTH.scopes.join(' ') }),
    });
    const back = new URL(allowed.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('st4te');

    const token = await exchangeLinkedInCode(endpoints(), app, back.searchParams.get('code')!, redirectUri, net());
    expect(token.refreshToken).toBeTruthy();
    expect(token.expiresAt! - Date.now()).toBeGreaterThan(59 * 86_400_000);
    expect(token.refreshExpiresAt! - Date.now()).toBeGreaterThan(364 * 86_400_000);

    const targets = await LINKEDIN_OAUTH.listTargets(token, endpoints(), net());
    expect(targets.find((t) => t.id === String(admin.id))).toMatchObject({ kind: 'Page', name: 'Café Lumière', handle: 'cafe-lumiere' });
    expect(targets.find((t) => t.id === String(analyst.id))?.unavailable).toMatch(/ANALYST/);
    expect(targets.find((t) => t.id === String(analyst.id))).toMatchObject({ unavailableCode: 'organisation_role_cannot_post', unavailableValues: { roles: 'ANALYST' } });
    await expect(LINKEDIN_OAUTH.connect(token, String(analyst.id), app, endpoints(), net())).rejects.toMatchObject({ kind: 'forbidden' });

    const connected = await LINKEDIN_OAUTH.connect(token, String(admin.id), app, endpoints(), net());
    expect(connected.account).toMatchObject({ displayName: 'Café Lumière', followers: 321 });
    expect(connected.credentials).toMatchObject({ apiBase: fake.apiBase, organizationId: String(admin.id) });
    const posted = await new LinkedInConnector({ credentials: connected.credentials }).publish({ idempotencyKey: 'k-oauth', text: 'Ouvert' });
    expect(fake.state.livePost(posted.ref.id)?.author).toBe(`urn:li:organization:${admin.id}`);

    const refreshed = await LINKEDIN_OAUTH.refresh!(connected.credentials, app, endpoints(), net());
    expect(refreshed!.credentials.accessToken).not.toBe(connected.credentials.accessToken);
    expect(refreshed!.credentials.refreshToken).toBe(connected.credentials.refreshToken);
    fake.state.refreshTokens.clear();
    const refused = await failure(LINKEDIN_OAUTH.refresh!(refreshed!.credentials, app, endpoints(), net()));
    expect(refused.kind).toBe('auth_expired');
    expect(refused.message).toMatch(/invalid, expired or revoked/);
  });
});

describe('LinkedIn connector on the fake', () => {
  it('escapes little text so reserved characters are shown as written, and sends the version headers', async () => {
    const { connector } = page();
    const text = 'Prix (TTC) : 3 € *hors* [promo] _ruche_ ~ <ok> | {x} \\ fin';
    const post = await connector.publish({ idempotencyKey: 'k-esc', text });
    expect(fake.state.livePost(post.ref.id)?.commentary).toBe('Prix \\(TTC\\) : 3 € \\*hors\\* \\[promo\\] \\_ruche\\_ \\~ \\<ok\\> \\| \\{x\\} \\\\ fin');
    expect((await connector.getPost(post.ref))?.text).toBe(text);
    expect(fake.requests.filter((r) => r.path.startsWith('/rest/')).every((r) => r.version === '202611')).toBe(true);
  });

  it('says an expired token must be reconnected, in LinkedIn\'s words', async () => {
    const { connector, token } = page();
    fake.expire(token);
    const err = await failure(connector.publish({ idempotencyKey: 'k-exp', text: 'x' }));
    expect(err).toMatchObject({ kind: 'auth_expired', action: 'reconnect', networkCode: 'EXPIRED_ACCESS_TOKEN', status: 401 });
    expect(err.message).toMatch(/The token used in the request has expired.*Reconnect/);
  });

  it('names the missing permission and what to grant', async () => {
    const { connector } = page({ role: 'ANALYST' });
    const err = await failure(connector.publish({ idempotencyKey: 'k-403', text: 'x' }));
    expect(err).toMatchObject({ kind: 'forbidden', networkCode: 'ACCESS_DENIED' });
    expect(err.message).toMatch(/Not enough permissions to access.*w_organization_social/);
  });

  it('reports the daily limit with the wait until midnight UTC', async () => {
    const { connector, member } = page();
    fake.exhaust(member.id);
    const err = await failure(connector.publish({ idempotencyKey: 'k-429', text: 'x' }));
    expect(err).toMatchObject({ kind: 'rate_limited', networkCode: 'TOO_MANY_REQUESTS' });
    const midnight = Math.ceil(Date.now() / 86_400_000) * 86_400_000;
    expect(Date.now() + err.retryAfterMs!).toBeLessThanOrEqual(midnight + 1000);
    expect(err.message).toMatch(/midnight UTC/);
  });

  it('waits for an image LinkedIn is still processing before posting', async () => {
    const { connector } = page();
    fake.imageProcessingPolls = 2;
    const post = await connector.publish({ idempotencyKey: 'k-img', text: 'Photo', media: [{ ...PNG_1PX, alt: 'Une ruche' }] });
    fake.imageProcessingPolls = 1;
    expect(fake.state.livePost(post.ref.id)?.content).toMatchObject({ media: { altText: 'Une ruche' } });
  });

  it('takes a duplicate refusal for its own recent post, and adds the first comment once', async () => {
    const { connector, org } = page();
    const first = await connector.publish({ idempotencyKey: 'k-dup', text: 'Nouveau menu', options: { firstComment: 'Le lien : https://example.com/menu' } });
    const again = await connector.publish({ idempotencyKey: 'k-dup', text: 'Nouveau menu', options: { firstComment: 'Le lien : https://example.com/menu' } });
    expect(again).toMatchObject({ ref: first.ref, alreadyExisted: true });
    expect(fake.postsOf(org)).toHaveLength(1);
    const comments = await connector.readComments(first.ref);
    expect(comments.map((c) => [c.author.id, c.text])).toEqual([[String(org.id), 'Le lien : https://example.com/menu']]);
  });

  it('reports an unknown outcome when the answer is lost and the post cannot be found', async () => {
    const lossy = lossyFetch();
    const { connector } = page({ fetch: lossy.fetch });
    fake.failNext = { count: 1, status: 503, path: '/rest/posts' };
    await expect(connector.publish({ idempotencyKey: 'k-503', text: 'x' })).rejects.toMatchObject({ kind: 'transient', status: 503 });
    // The POST is lost, then the look-up finds nothing because LinkedIn did not create it (the fake drops it).
    lossy.loseNextAnswer('/rest/posts');
    fake.failNext = { count: 1, status: 500, path: '/rest/posts' };
    const err = await failure(connector.publish({ idempotencyKey: 'k-lost', text: 'Perdu' }));
    expect(err.kind).toBe('unknown_outcome');
    expect(err.action).toBe('check');
  });
});
