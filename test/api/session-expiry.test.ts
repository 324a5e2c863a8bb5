import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner } from '../helpers/client.js';

describe('session expiry', () => {
  let ruche: TestRuche;
  // SESSION_DAYS is a fraction here: a session idle for about two seconds expires.
  beforeAll(async () => {
    ruche = await startTestRuche('sqlite', { SESSION_DAYS: String(2 / 86400) });
  });
  afterAll(() => ruche?.stop());

  it('signs out a session left idle past its lifetime', async () => {
    const { client } = await setupOwner(ruche.url);
    expect((await client.get('/api/v1/session')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 3500));
    const res = await client.get('/api/v1/session');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });
});
