import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { TestClient, addMember, setupOwner } from '../helpers/client.js';
import { clearOfWindowEnd } from '../helpers/windows.js';

/**
 * Every place that checks a password (sign-in, joining by invitation, changing it) shares one set of
 * limits and writes the same audit rows. Behind one proxy here, so that guesses can come from many addresses.
 */
describe.each(databases)('password guessing on %s', (kind) => {
  let ruche: TestRuche;
  let owner: TestClient;
  let workspaceId: string;
  beforeAll(async () => {
    ruche = await startTestRuche(kind, { TRUST_PROXY: '1' });
    ({ client: owner, workspaceId } = await setupOwner(ruche.url));
  });
  afterAll(() => ruche?.stop());
  beforeEach(() => clearOfWindowEnd(15 * 60_000), 120_000);

  const from = (client: TestClient, address: string, method: string, path: string, body: unknown) =>
    client.request(method, path, body, { 'x-forwarded-for': address });

  async function failedAttemptsAt(email: string) {
    const rows = await ruche.ctx.store.db
      .selectFrom('audit_events')
      .select(['data', 'ip'])
      .where('action', '=', 'auth.sign_in_failed')
      .execute();
    return rows.map((r) => ({ ...(JSON.parse(r.data) as { email: string; via: string }), ip: r.ip })).filter((r) => r.email === email);
  }

  it('counts guesses at one account together, from however many addresses they come', async () => {
    await addMember(owner, workspaceId, 'ana@example.com', 'analyst');
    const guesser = new TestClient(ruche.url);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await from(guesser, `198.51.100.${i + 1}`, 'POST', '/api/v1/session', { email: 'ana@example.com', password: `guess ${i}` });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
  });

  it('limits and audits guesses made by accepting an invitation, as for sign-in', async () => {
    await addMember(owner, workspaceId, 'vic@example.com', 'analyst');
    // The inviter, who holds the link, tries passwords for an address that already has an account.
    const other = await owner.post('/api/v1/workspaces', { name: 'Brand Guess' });
    const inv = await owner.post(`/api/v1/workspaces/${other.body.id}/invitations`, { email: 'vic@example.com', role: 'analyst' });
    const token = String(inv.body.link).split('/invite/')[1];
    const guesser = new TestClient(ruche.url);
    const answers = [];
    for (let i = 0; i < 12; i++) {
      answers.push(await from(guesser, '203.0.113.9', 'POST', `/api/v1/invitations/${token}/accept`, { password: `guess number ${i}` }));
    }
    expect(answers.map((a) => a.status)).toEqual([...Array(10).fill(401), 429, 429]);
    expect(answers[0].body.error.code).toBe('invalid_credentials');
    expect(answers[10].body.error.code).toBe('rate_limited');
    expect(Number(answers[10].headers.get('retry-after'))).toBeGreaterThan(0);
    // The account's limit is the one sign-in uses: even its right password waits now.
    const signIn = await from(new TestClient(ruche.url), '203.0.113.10', 'POST', '/api/v1/session', {
      email: 'vic@example.com', password: 'another good password',
    });
    expect(signIn.status).toBe(429);

    const failed = await failedAttemptsAt('vic@example.com');
    expect(failed).toHaveLength(10);
    expect(failed.every((f) => f.via === 'invitation' && f.ip === '203.0.113.9')).toBe(true);
  });

  it('limits and audits wrong current passwords when changing it', async () => {
    const { client: pat } = await addMember(owner, workspaceId, 'pat@example.com', 'analyst');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await from(pat, '192.0.2.44', 'POST', '/api/v1/session/password', {
        currentPassword: `not it, try ${i}`, newPassword: 'a brand new password',
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    // The owner sees the attempts in the workspace's audit log, under the member's name.
    const audit = (await owner.get(`/api/v1/workspaces/${workspaceId}/audit`)).body.items as Array<{
      action: string; actor: { name: string } | null; data: { via?: string };
    }>;
    const failed = audit.filter((e) => e.action === 'auth.sign_in_failed' && e.data.via === 'password_change');
    expect(failed).toHaveLength(10);
    expect(failed.every((e) => e.actor?.name === 'pat')).toBe(true);
    expect((await pat.get('/api/v1/session')).status).toBe(200);
  });
});
