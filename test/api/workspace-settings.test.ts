import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { addMember, setupOwner, type TestClient } from '../helpers/client.js';

describe.each(databases)('workspace settings on %s', (kind) => {
  let ruche: TestRuche;
  let owner: TestClient;
  let strategist: TestClient;
  let ws: string;

  beforeAll(async () => {
    ruche = await startTestRuche(kind);
    ({ client: owner, workspaceId: ws } = await setupOwner(ruche.url));
    strategist = (await addMember(owner, ws, 'strat@example.com', 'strategist')).client;
  });
  afterAll(() => ruche?.stop());

  const path = () => `/api/v1/workspaces/${ws}`;
  const audit = async () => (await owner.get(`${path()}/audit`)).body.items as Array<{ action: string; data: Record<string, unknown> }>;

  it('renames the workspace, and the audit log says from what to what', async () => {
    const res = await owner.patch(path(), { name: '  Hive Agency ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Hive Agency', weekStart: 'monday', logoUrl: null });
    const session = await owner.get('/api/v1/session');
    expect(session.body.memberships[0]).toMatchObject({ workspaceName: 'Hive Agency', workspaceLogoUrl: null });
    expect((await audit()).find((e) => e.action === 'workspace.renamed')?.data).toEqual({ from: 'Brand A', to: 'Hive Agency' });
  });

  it('takes current IANA names, and refuses unknown or misspelt zones', async () => {
    const kolkata = await owner.patch(path(), { timezone: 'Asia/Kolkata' });
    expect(kolkata.status).toBe(200);
    expect(kolkata.body.timezone).toBe('Asia/Kolkata');
    // The session carries it, so that every page reads times on the workspace's clock.
    expect((await owner.get('/api/v1/session')).body.memberships[0].timezone).toBe('Asia/Kolkata');
    expect((await owner.patch(path(), { timezone: 'Europe/Kyiv' })).body.timezone).toBe('Europe/Kyiv');
    for (const timezone of ['Mars/Olympus', 'europe/paris', '', 'Europe/Paris; drop table']) {
      const bad = await owner.patch(path(), { timezone });
      expect(bad.status, timezone).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
    }
    expect((await owner.get(path())).body.timezone).toBe('Europe/Kyiv');
    const changes = (await audit()).filter((e) => e.action === 'workspace.timezone_changed').map((e) => e.data);
    expect(changes).toEqual([{ from: 'Asia/Kolkata', to: 'Europe/Kyiv' }, { from: 'Europe/Paris', to: 'Asia/Kolkata' }]);
  });

  it('sets the first day of the week and the language of posts', async () => {
    const res = await owner.patch(path(), { weekStart: 'sunday', locale: 'en' });
    expect(res.body).toMatchObject({ weekStart: 'sunday', locale: 'en' });
    expect((await strategist.get(path())).body).toMatchObject({ weekStart: 'sunday', locale: 'en' });
    expect((await owner.patch(path(), { weekStart: 'friday' })).status).toBe(400);
    expect((await owner.patch(path(), { locale: 'de' })).status).toBe(400);
    const actions = (await audit()).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['workspace.week_start_changed', 'workspace.locale_changed']));
    // Saving what is already there records nothing.
    const before = (await audit()).length;
    expect((await owner.patch(path(), { weekStart: 'sunday', name: 'Hive Agency' })).status).toBe(200);
    expect((await audit()).length).toBe(before);
  });

  it('keeps a logo from an uploaded image, shown to members, and refuses what is not an image', async () => {
    const png = await sharp({ create: { width: 900, height: 300, channels: 4, background: '#d98e04' } }).png().toBuffer();
    const set = await owner.request('PUT', `${path()}/logo`, new Uint8Array(png), { 'content-type': 'image/png' });
    expect(set.status).toBe(200);
    expect(set.body.logoUrl).toMatch(new RegExp(`^/api/v1/workspaces/${ws}/logo\\?v=\\d+$`));
    const file = await fetch(ruche.url + set.body.logoUrl, { headers: { cookie: await cookieOf(strategist) } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(new Uint8Array(await file.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 512, 171]);
    expect((await strategist.get('/api/v1/session')).body.memberships[0].workspaceLogoUrl).toBe(set.body.logoUrl);

    const fake = await owner.request('PUT', `${path()}/logo`, new TextEncoder().encode('<svg onload=alert(1)>'), { 'content-type': 'image/png' });
    expect(fake.status).toBe(415);
    expect(fake.body.error.code).toBe('unsupported_media');

    const removed = await owner.delete(`${path()}/logo`);
    expect(removed.body.logoUrl).toBeNull();
    expect((await owner.get(`${path()}/logo`)).status).toBe(404);
    expect((await audit()).map((e) => e.action)).toEqual(expect.arrayContaining(['workspace.logo_changed', 'workspace.logo_removed']));
  });

  it('lets only members allowed to change the workspace do so', async () => {
    expect((await strategist.patch(path(), { name: 'Taken over' })).status).toBe(403);
    expect((await strategist.patch(path(), { timezone: 'UTC' })).status).toBe(403);
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer();
    expect((await strategist.request('PUT', `${path()}/logo`, new Uint8Array(png), { 'content-type': 'image/png' })).status).toBe(403);
    expect((await strategist.delete(`${path()}/logo`)).status).toBe(403);
    expect((await owner.get(path())).body.name).toBe('Hive Agency');
  });
});

/** The session cookie of a test client, to fetch a file as the browser would. */
async function cookieOf(client: TestClient): Promise<string> {
  const jar = (client as unknown as { cookies: Map<string, string> }).cookies;
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}
