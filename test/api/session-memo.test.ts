/**
 * A session cookie the server has accepted once is remembered, so that later requests skip the auth library's
 * signature check: the session row is still read on every request, so nothing about the session is trusted from
 * memory. Signing out, a session deleted by another process, a renamed user and the daily extension all take
 * effect on the very next request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, TestClient } from '../helpers/client.js';

const DAY = 86_400_000;

describe.each(databases)('remembered sessions (%s)', (kind) => {
  let ruche: TestRuche;
  let userId: string;
  beforeAll(async () => {
    ruche = await startTestRuche(kind, { SESSION_DAYS: '30' });
    userId = (await setupOwner(ruche.url)).userId;
  });
  /** A new session of the owner's, on a device of its own. */
  async function signIn() {
    const client = new TestClient(ruche.url);
    const res = await client.post('/api/v1/session', { email: 'owner@example.com', password: 'correct horse battery' });
    expect(res.status).toBe(200);
    const row = await ruche.ctx.store.db.selectFrom('session').select('id').where('userId', '=', userId).orderBy('createdAt', 'desc').executeTakeFirstOrThrow();
    return { client, sessionId: row.id };
  }
  afterAll(() => ruche?.stop());

  it('refuses a copy of a cookie as soon as its session is signed out', async () => {
    const { client } = await signIn();
    const copy = client.clone();
    expect((await copy.get('/api/v1/session')).status).toBe(200);
    expect((await copy.get('/api/v1/session')).status).toBe(200);
    expect((await client.delete('/api/v1/session')).status).toBe(204);
    const after = await copy.get('/api/v1/session');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');
  });

  it('refuses a session deleted elsewhere, and shows a new name at once', async () => {
    const { client, sessionId } = await signIn();
    expect((await client.get('/api/v1/session')).body.user.name).toBe('Olivia Owner');
    await ruche.ctx.store.db.updateTable('user').set({ name: 'Olivia Renamed' }).where('id', '=', userId).execute();
    expect((await client.get('/api/v1/session')).body.user.name).toBe('Olivia Renamed');
    await ruche.ctx.store.db.deleteFrom('session').where('id', '=', sessionId).execute();
    expect((await client.get('/api/v1/session')).status).toBe(401);
  });

  it('extends a session due for its daily extension, and ends an expired one', async () => {
    const { client, sessionId } = await signIn();
    expect((await client.get('/api/v1/session')).status).toBe(200);
    // As if the session had last been extended two days ago.
    const twoDaysAgo = new Date(Date.now() + 30 * DAY - 2 * DAY);
    const stored = (d: Date) => (kind === 'sqlite' ? d.toISOString() : d);
    await ruche.ctx.store.db.updateTable('session').set({ expiresAt: stored(twoDaysAgo) }).where('id', '=', sessionId).execute();
    expect((await client.get('/api/v1/session')).status).toBe(200);
    const row = await ruche.ctx.store.db.selectFrom('session').select('expiresAt').where('id', '=', sessionId).executeTakeFirstOrThrow();
    expect(new Date(row.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
    await ruche.ctx.store.db.updateTable('session').set({ expiresAt: stored(new Date(Date.now() - 1000)) }).where('id', '=', sessionId).execute();
    expect((await client.get('/api/v1/session')).status).toBe(401);
  });
});
