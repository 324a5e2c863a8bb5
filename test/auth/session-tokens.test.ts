import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, migrateAuth, type Auth } from '../../src/auth/auth.js';
import { hashSessionToken } from '../../src/auth/session-tokens.js';
import { up as dropPlainSessions } from '../../src/store/migrations/0012_hashed_session_tokens.js';
import type { Store } from '../../src/store/database.js';
import { testStores } from '../helpers/store.js';

/** The auth library's own session calls, on hashed tokens: what its routes would do beyond the ones Ruche calls. */
describe.each(testStores())('hashed session tokens on $name', (testStore) => {
  let store: Store;
  let auth: Auth;
  let userId: string;
  let token: string;
  beforeAll(async () => {
    store = await testStore.open();
    auth = await createAuth({ store, secret: 'a test secret that is long enough', baseUrl: 'http://localhost', sessionDays: 30 });
    await migrateAuth(auth, store);
    const res = await auth.api.signUpEmail({ body: { name: 'Ann', email: 'ann@example.com', password: 'a good password' } });
    userId = res.user.id;
    token = res.token!;
  });
  afterAll(() => store?.destroy());

  const stored = () => store.db.selectFrom('session').select(['id', 'token']).where('userId', '=', userId).execute();

  it('finds and refreshes a session by its raw token, and hands the raw token back', async () => {
    const { internalAdapter } = await auth.$context;
    expect((await stored()).map((s) => s.token)).toEqual([hashSessionToken(token)]);
    const found = await internalAdapter.findSession(token);
    expect(found?.session.token).toBe(token);
    // A refresh sets the cookie again from what the update returns.
    const refreshed = await internalAdapter.updateSession(token, { updatedAt: new Date() });
    expect(refreshed?.token).toBe(token);
    expect(await internalAdapter.findSession(hashSessionToken(token))).toBeNull();
  });

  it('drops, on upgrade, the sessions stored in the clear', async () => {
    const now = new Date().toISOString();
    const expiresAt = new Date(Date.now() + 86400_000).toISOString();
    await store.db
      .insertInto('session')
      .values({ id: 'plain', token: 'a-token-stored-in-the-clear', userId, expiresAt, createdAt: now, updatedAt: now, ipAddress: null, userAgent: null })
      .execute();
    await dropPlainSessions(store.db);
    expect(await stored()).toEqual([]);
  });
});
