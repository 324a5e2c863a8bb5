/** The Pinterest connector's own cases, against test/connectors/pinterest-fake.ts (no Pinterest server can run here). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangePinterestCode, PINTEREST_OAUTH, PinterestConnector } from '../../src/connectors/pinterest/index.js';
import { PinterestFake } from './pinterest-fake.js';
import { PNG_1PX } from './fixtures.js';

let fake: PinterestFake;
beforeAll(async () => {
  fake = await new PinterestFake().start();
});
afterAll(() => fake.close());
const net = () => ({ fetch, now: Date.now });
const endpoints = () => ({ authorizeUrl: `${fake.url}/oauth/`, tokenUrl: `${fake.url}/v5/oauth/token`, apiBase: fake.apiBase });

describe('Pinterest on the fake', () => {
  it('trades the code with Basic client auth, lists the boards, connects one, pins to it and refreshes', async () => {
    const app = { clientId: '1500', clientSecret: 'pin-secret' };
    fake.clients.set(app.clientId, app.clientSecret);
    const { boards } = fake.createUser('cafe', ['Recettes', 'Jardin']);
    const token = await exchangePinterestCode(endpoints(), app, fake.authorizeCode('cafe'), 'http://127.0.0.1:9/cb', net());
    expect(token.refreshExpiresAt! - Date.now()).toBeGreaterThan(364 * 86_400_000);
    const targets = await PINTEREST_OAUTH.listTargets(token, endpoints(), net());
    expect(targets.map((t) => [t.kind, t.name])).toEqual([['Board', 'Recettes'], ['Board', 'Jardin']]);
    const connected = await PINTEREST_OAUTH.connect(token, boards[1].id, app, endpoints(), net());
    const connector = new PinterestConnector({ credentials: connected.credentials });
    const pin = await connector.publish({ idempotencyKey: 'p1', text: 'Tomates', media: [{ ...PNG_1PX, alt: 'Tomates' }], options: { title: 'Potager', link: 'https://example.com' } });
    expect(fake.pins.find((p) => p.id === pin.ref.id)).toMatchObject({ board_id: boards[1].id, title: 'Potager', link: 'https://example.com', alt_text: 'Tomates' });
    const refreshed = await PINTEREST_OAUTH.refresh!(connected.credentials, app, endpoints(), net());
    expect(refreshed!.credentials.accessToken).not.toBe(connected.credentials.accessToken);
    await expect(PINTEREST_OAUTH.refresh!({ ...connected.credentials, refreshToken: 'nope' }, app, endpoints(), net())).rejects.toMatchObject({ kind: 'auth_expired' });
  });

  it('refuses a pin without an image, and names a missing permission and a rate limit in Pinterest\'s words', async () => {
    const { boards } = fake.createUser('atelier', ['Idées']);
    const readOnly = fake.issue('atelier', ['boards:read', 'pins:read']);
    const creds = { network: 'pinterest', apiBase: fake.apiBase, accessToken: readOnly, username: 'atelier', boardId: boards[0].id };
    const connector = new PinterestConnector({ credentials: creds });
    await expect(connector.publish({ idempotencyKey: 'p2', text: 'Sans image' })).rejects.toMatchObject({ kind: 'rejected' });
    await expect(connector.publish({ idempotencyKey: 'p3', text: 'x', media: [PNG_1PX] })).rejects.toMatchObject({ kind: 'forbidden', message: expect.stringMatching(/Missing scope: pins:write.*pins:write/) });
    fake.exhaust(readOnly);
    await expect(connector.publish({ idempotencyKey: 'p4', text: 'x', media: [PNG_1PX] })).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 60_000 });
  });
});
