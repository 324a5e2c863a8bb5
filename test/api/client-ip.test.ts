import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { TestClient, setupOwner } from '../helpers/client.js';

/** Behind one reverse proxy: the left part of X-Forwarded-For is the client's to write, so it must not count. */
describe('TRUST_PROXY=1', () => {
  let ruche: TestRuche;
  let owner: TestClient;
  let workspaceId: string;
  beforeAll(async () => {
    ruche = await startTestRuche('sqlite', { TRUST_PROXY: '1' });
    ({ client: owner, workspaceId } = await setupOwner(ruche.url));
  });
  afterAll(() => ruche?.stop());

  it('rate-limits sign-in guesses by the address the proxy saw, whatever the client prepends', async () => {
    const guesser = new TestClient(ruche.url);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await guesser.request('POST', '/api/v1/session', { email: 'owner@example.com', password: `guess number ${i}` }, {
        'x-forwarded-for': `10.1.2.${i}, 203.0.113.7`,
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('writes the address the proxy saw into the audit log', async () => {
    const client = new TestClient(ruche.url);
    const res = await client.request('POST', '/api/v1/session', { email: 'owner@example.com', password: 'correct horse battery' }, {
      'x-forwarded-for': '198.51.100.66, 203.0.113.20',
    });
    expect(res.status).toBe(200);
    const audit = await owner.get(`/api/v1/workspaces/${workspaceId}/audit`);
    const signIn = audit.body.items.find((e: { action: string }) => e.action === 'auth.sign_in');
    expect(signIn?.ip).toBe('203.0.113.20');
  });
});
