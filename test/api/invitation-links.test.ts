import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { TestClient, addMember, setupOwner } from '../helpers/client.js';

describe.each(databases)('invitation links on %s', (kind) => {
  let ruche: TestRuche;
  let owner: TestClient;
  let workspaceId: string;
  beforeAll(async () => {
    ruche = await startTestRuche(kind);
    ({ client: owner, workspaceId } = await setupOwner(ruche.url));
  });
  afterAll(() => ruche?.stop());

  async function invite(by: TestClient, email: string, role = 'analyst', ws = workspaceId) {
    const res = await by.post(`/api/v1/workspaces/${ws}/invitations`, { email, role });
    if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
    return String(res.body.link).split('/invite/')[1];
  }

  it('stop working once their inviter leaves the workspace', async () => {
    const { client: ada, memberId } = await addMember(owner, workspaceId, 'ada@example.com', 'admin');
    const token = await invite(ada, 'newcomer-1@example.com');
    const guest = new TestClient(ruche.url);
    expect((await guest.get(`/api/v1/invitations/${token}`)).status).toBe(200);
    expect((await owner.delete(`/api/v1/workspaces/${workspaceId}/members/${memberId}`)).status).toBe(204);
    expect((await guest.get(`/api/v1/invitations/${token}`)).status).toBe(404);
    const accepted = await guest.post(`/api/v1/invitations/${token}/accept`, { name: 'New', password: 'a good password' });
    expect(accepted.status).toBe(404);
    expect(accepted.body.error.code).toBe('not_found');
  });

  it('stop working once their inviter may no longer give the role', async () => {
    const { client: bea, memberId } = await addMember(owner, workspaceId, 'bea@example.com', 'admin');
    const token = await invite(bea, 'newcomer-2@example.com');
    const kept = await invite(owner, 'newcomer-3@example.com');
    expect((await owner.patch(`/api/v1/workspaces/${workspaceId}/members/${memberId}`, { role: 'strategist' })).status).toBe(200);
    const guest = new TestClient(ruche.url);
    expect((await guest.get(`/api/v1/invitations/${token}`)).status).toBe(404);
    expect((await guest.post(`/api/v1/invitations/${token}/accept`, { name: 'New', password: 'a good password' })).status).toBe(404);
    // Invitations from people who still may invite are untouched.
    expect((await guest.post(`/api/v1/invitations/${kept}/accept`, { name: 'Three', password: 'a good password' })).status).toBe(200);
  });

  it('do not tell the inviter whether the address already has an account', async () => {
    await addMember(owner, workspaceId, 'has-account@example.com', 'analyst');
    const other = await owner.post('/api/v1/workspaces', { name: 'Brand Probe' });
    const known = await invite(owner, 'has-account@example.com', 'client', other.body.id);
    const unknown = await invite(owner, 'no-account@example.com', 'client', other.body.id);
    const probe = new TestClient(ruche.url);
    const previews = [await probe.get(`/api/v1/invitations/${known}`), await probe.get(`/api/v1/invitations/${unknown}`)];
    expect(previews.map((p) => p.status)).toEqual([200, 200]);
    expect(Object.keys(previews[0].body).sort()).toEqual(Object.keys(previews[1].body).sort());
    expect(previews[0].body).not.toHaveProperty('accountExists');

    // Until the password itself is checked, both answer alike.
    const answers = async (body: unknown) =>
      Promise.all([known, unknown].map(async (t) => {
        const res = await probe.post(`/api/v1/invitations/${t}/accept`, body);
        return [res.status, res.body.error?.code];
      }));
    expect(await answers({})).toEqual([[400, 'password_required'], [400, 'password_required']]);
    expect(await answers({ password: 'short' })).toEqual([[400, 'validation_failed'], [400, 'validation_failed']]);
    expect(await answers({ name: 'x'.repeat(81), password: 'long enough password' })).toEqual([
      [400, 'validation_failed'],
      [400, 'validation_failed'],
    ]);
  });

  it('let the invitee learn on submitting whether to sign in or give a name', async () => {
    const token = await invite(owner, 'fresh@example.com');
    const fresh = new TestClient(ruche.url);
    const noName = await fresh.post(`/api/v1/invitations/${token}/accept`, { password: 'fresh password 1' });
    expect([noName.status, noName.body.error.code]).toEqual([400, 'name_required']);
    const joined = await fresh.post(`/api/v1/invitations/${token}/accept`, { name: 'Fresh', password: 'fresh password 1' });
    expect(joined.status).toBe(200);
    expect(joined.body.user.name).toBe('Fresh');

    // With an account, the name typed is not needed and does not rename anyone.
    const other = await owner.post('/api/v1/workspaces', { name: 'Brand Fresh' });
    const again = await invite(owner, 'fresh@example.com', 'client', other.body.id);
    const elsewhere = new TestClient(ruche.url);
    const wrong = await elsewhere.post(`/api/v1/invitations/${again}/accept`, { name: 'Someone', password: 'not the password' });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'invalid_credentials']);
    const right = await elsewhere.post(`/api/v1/invitations/${again}/accept`, { name: 'Someone', password: 'fresh password 1' });
    expect(right.status).toBe(200);
    expect(right.body.user.name).toBe('Fresh');
  });
  it('are replaced by a new invitation to the same address, and refused for a member', async () => {
    const first = await invite(owner, 'Twice@Example.com', 'analyst');
    const second = await invite(owner, 'twice@example.com', 'community_manager');
    const guest = new TestClient(ruche.url);
    // The link sent first no longer works; the new one gives the role chosen the second time.
    expect((await guest.get(`/api/v1/invitations/${first}`)).status).toBe(404);
    const preview = await guest.get(`/api/v1/invitations/${second}`);
    expect(preview.status).toBe(200);
    expect(preview.body.role).toBe('community_manager');
    const pending = (await owner.get(`/api/v1/workspaces/${workspaceId}/invitations`)).body.items
      .filter((i: { email: string; status: string }) => i.email === 'twice@example.com' && i.status === 'pending');
    expect(pending).toHaveLength(1);

    await addMember(owner, workspaceId, 'member-already@example.com', 'analyst');
    const refused = await owner.post(`/api/v1/workspaces/${workspaceId}/invitations`, { email: 'Member-Already@example.com', role: 'admin' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('already_member');
  });
});
