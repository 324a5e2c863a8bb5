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
