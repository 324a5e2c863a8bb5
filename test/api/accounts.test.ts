import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { TestClient, addMember, setupOwner } from '../helpers/client.js';

describe.each(databases)('accounts and workspaces on %s', (kind) => {
  let ruche: TestRuche;
  beforeAll(async () => {
    ruche = await startTestRuche(kind);
  });
  afterAll(() => ruche?.stop());

  it('lets only the first visitor create the owner, then signs them in', async () => {
    const anon = new TestClient(ruche.url);
    expect((await anon.get('/api/v1/setup')).body).toEqual({ needsOwner: true });
    const { client, workspaceId } = await setupOwner(ruche.url);
    const session = await client.get('/api/v1/session');
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe('owner@example.com');
    expect(session.body.memberships).toEqual([
      expect.objectContaining({ workspaceId, workspaceName: 'Brand A', role: 'owner' }),
    ]);
    expect((await anon.get('/api/v1/setup')).body).toEqual({ needsOwner: false });
    const again = await anon.post('/api/v1/setup', {
      name: 'Mallory', email: 'mallory@example.com', password: 'correct horse battery', workspaceName: 'Evil',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('setup_done');
  });

  it('signs in and out, and refuses a wrong password with the error shape', async () => {
    const c = new TestClient(ruche.url);
    const wrong = await c.post('/api/v1/session', { email: 'owner@example.com', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    const ok = await c.post('/api/v1/session', { email: 'OWNER@example.com', password: 'correct horse battery' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(ok.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    expect((await c.get('/api/v1/session')).status).toBe(200);
    expect((await c.delete('/api/v1/session')).status).toBe(204);
    expect((await c.get('/api/v1/session')).status).toBe(401);
  });

  it('answers the session probe with 200 and no user data when signed out, and the session when signed in', async () => {
    const c = new TestClient(ruche.url);
    const anonymous = await c.get('/api/v1/session/current');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ session: null });
    const forged = await c.request('GET', '/api/v1/session/current', undefined, { cookie: 'ruche.session_token=forged.value' });
    expect(forged.body).toEqual({ session: null });
    await c.post('/api/v1/session', { email: 'owner@example.com', password: 'correct horse battery' });
    const signedIn = await c.get('/api/v1/session/current');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.session.user.email).toBe('owner@example.com');
    expect(signedIn.body.session.memberships).toEqual([expect.objectContaining({ workspaceName: 'Brand A', role: 'owner' })]);
    await c.delete('/api/v1/session');
    expect((await c.get('/api/v1/session/current')).body).toEqual({ session: null });
    // The session route itself still says 401 to a signed-out caller.
    expect((await c.get('/api/v1/session')).status).toBe(401);
  });

  it('refuses writes without the CSRF header', async () => {
    const c = new TestClient(ruche.url);
    const res = await c.request('POST', '/api/v1/session', { email: 'owner@example.com', password: 'x' }, { 'x-ruche-csrf': '0' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
  });

  it('rate-limits repeated failed sign-ins for one account', async () => {
    const c = new TestClient(ruche.url);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await c.post('/api/v1/session', { email: 'victim@example.com', password: `guess-${i}` })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await c.post('/api/v1/session', { email: 'victim@example.com', password: 'x' });
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('changes the password and signs out the other sessions', async () => {
    const { client: owner, workspaceId } = await signInOwner(ruche.url);
    const { client: member } = await addMember(owner, workspaceId, 'pat@example.com', 'analyst');
    const other = new TestClient(ruche.url);
    await other.post('/api/v1/session', { email: 'pat@example.com', password: 'another good password' });
    expect((await other.get('/api/v1/session')).status).toBe(200);
    const bad = await member.post('/api/v1/session/password', { currentPassword: 'wrong wrong wrong', newPassword: 'a brand new password' });
    expect(bad.status).toBe(401);
    const changed = await member.post('/api/v1/session/password', {
      currentPassword: 'another good password', newPassword: 'a brand new password',
    });
    expect(changed.status).toBe(204);
    expect((await other.get('/api/v1/session')).status).toBe(401);
    const fresh = new TestClient(ruche.url);
    expect((await fresh.post('/api/v1/session', { email: 'pat@example.com', password: 'a brand new password' })).status).toBe(200);
  });

  it('invites by link, gives a role, changes it, and keeps the last owner', async () => {
    const { client: owner, workspaceId, userId: ownerId } = await signInOwner(ruche.url);
    const invited = await owner.post(`/api/v1/workspaces/${workspaceId}/invitations`, { email: 'Cam@Example.com', role: 'community_manager' });
    expect(invited.status).toBe(201);
    expect(invited.body.link).toMatch(/\/invite\/[\w-]{40,}$/);
    expect(invited.body.email).toBe('cam@example.com');
    const token = invited.body.link.split('/invite/')[1];
    const cam = new TestClient(ruche.url);
    const preview = await cam.get(`/api/v1/invitations/${token}`);
    expect(preview.body).toEqual({ workspaceName: 'Brand A', email: 'cam@example.com', role: 'community_manager', invitedBy: 'Olivia Owner' });
    const accepted = await cam.post(`/api/v1/invitations/${token}/accept`, { name: 'Cam', password: 'cam has a password' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.memberships[0]).toMatchObject({ workspaceId, role: 'community_manager' });
    expect((await cam.post(`/api/v1/invitations/${token}/accept`, { name: 'Cam', password: 'cam has a password' })).status).toBe(404);

    const members = (await owner.get(`/api/v1/workspaces/${workspaceId}/members`)).body.items;
    const camMember = members.find((m: { email: string }) => m.email === 'cam@example.com');
    // A community manager cannot hand out roles.
    expect((await cam.patch(`/api/v1/workspaces/${workspaceId}/members/${camMember.id}`, { role: 'admin' })).status).toBe(403);
    const promoted = await owner.patch(`/api/v1/workspaces/${workspaceId}/members/${camMember.id}`, { role: 'admin' });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('admin');
    // An admin cannot make owners nor touch the owner.
    const ownerMember = members.find((m: { userId: string }) => m.userId === ownerId);
    expect((await cam.patch(`/api/v1/workspaces/${workspaceId}/members/${camMember.id}`, { role: 'owner' })).status).toBe(403);
    expect((await cam.delete(`/api/v1/workspaces/${workspaceId}/members/${ownerMember.id}`)).status).toBe(403);
    const lastOwner = await owner.patch(`/api/v1/workspaces/${workspaceId}/members/${ownerMember.id}`, { role: 'admin' });
    expect(lastOwner.status).toBe(409);
    expect(lastOwner.body.error.code).toBe('last_owner');

    const audit = await owner.get(`/api/v1/workspaces/${workspaceId}/audit`);
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['invitation.created', 'invitation.accepted', 'member.role_changed', 'auth.sign_in']));
    const change = audit.body.items.find((e: { action: string }) => e.action === 'member.role_changed');
    expect(change.data).toEqual({ name: 'Cam', from: 'community_manager', to: 'admin' });
  });

  it('lets a member belong to several workspaces with a different role in each', async () => {
    const { client: owner, workspaceId: a } = await signInOwner(ruche.url);
    const created = await owner.post('/api/v1/workspaces', { name: 'Brand B', timezone: 'America/Montreal', locale: 'en' });
    expect(created.status).toBe(201);
    const b = created.body.id;
    const { client: dana } = await addMember(owner, a, 'dana@example.com', 'content_creator');
    const inv = await owner.post(`/api/v1/workspaces/${b}/invitations`, { email: 'dana@example.com', role: 'client' });
    const token = inv.body.link.split('/invite/')[1];
    expect((await dana.get(`/api/v1/invitations/${token}`)).body).toEqual({
      workspaceName: 'Brand B', email: 'dana@example.com', role: 'client', invitedBy: 'Olivia Owner',
    });
    expect((await dana.post(`/api/v1/invitations/${token}/accept`, {})).status).toBe(200);
    const list = (await dana.get('/api/v1/workspaces')).body.items;
    expect(list.map((w: { name: string; role: string }) => [w.name, w.role])).toEqual([
      ['Brand A', 'content_creator'],
      ['Brand B', 'client'],
    ]);
    // Clients and content creators do not open workspaces.
    expect((await dana.post('/api/v1/workspaces', { name: 'Mine' })).status).toBe(403);
    // The client can read but not invite, nor read the audit log.
    expect((await dana.get(`/api/v1/workspaces/${b}`)).status).toBe(200);
    expect((await dana.post(`/api/v1/workspaces/${b}/invitations`, { email: 'x@example.com', role: 'client' })).status).toBe(403);
    expect((await dana.get(`/api/v1/workspaces/${b}/audit`)).status).toBe(403);
  });

  it('revokes an invitation so its link stops working', async () => {
    const { client: owner, workspaceId } = await signInOwner(ruche.url);
    const inv = await owner.post(`/api/v1/workspaces/${workspaceId}/invitations`, { email: 'eve@example.com', role: 'analyst' });
    const token = inv.body.link.split('/invite/')[1];
    expect((await owner.delete(`/api/v1/workspaces/${workspaceId}/invitations/${inv.body.id}`)).status).toBe(204);
    expect((await new TestClient(ruche.url).get(`/api/v1/invitations/${token}`)).status).toBe(404);
    const listed = (await owner.get(`/api/v1/workspaces/${workspaceId}/invitations`)).body.items;
    expect(listed.find((i: { id: string }) => i.id === inv.body.id).status).toBe('revoked');
  });
});

async function signInOwner(url: string) {
  const client = new TestClient(url);
  const res = await client.post('/api/v1/session', { email: 'owner@example.com', password: 'correct horse battery' });
  if (res.status !== 200) throw new Error(`sign-in failed ${res.status}`);
  const a = res.body.memberships.find((m: { workspaceName: string }) => m.workspaceName === 'Brand A');
  return { client, workspaceId: a.workspaceId as string, userId: res.body.user.id as string };
}
