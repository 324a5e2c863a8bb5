import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { TestClient, setupOwner } from '../helpers/client.js';

describe('bad input', () => {
  let ruche: TestRuche;
  let owner: TestClient;
  let workspaceId: string;
  beforeAll(async () => {
    ruche = await startTestRuche('sqlite');
    ({ client: owner, workspaceId } = await setupOwner(ruche.url));
  });
  afterAll(() => ruche?.stop());

  const expectError = (res: { status: number; body: any }, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|node_modules/);
  };

  it('answers malformed JSON with 400 malformed_json', async () => {
    expectError(await owner.request('POST', '/api/v1/workspaces', '{"name": "x",'), 400, 'malformed_json');
  });

  it('answers wrong types and missing fields with the failing fields', async () => {
    const res = await owner.post('/api/v1/workspaces', { name: 42 });
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'name' })]);
    const notAnEmail = await owner.post(`/api/v1/workspaces/${workspaceId}/invitations`, { email: 'not-an-email', role: 'owner' });
    expectError(notAnEmail, 400, 'validation_failed');
    // What is wrong, by kind, so that the web app says it in its reader's language; the English message stays for API clients.
    expect(notAnEmail.body.error.details).toEqual([expect.objectContaining({ path: 'email', kind: 'not_email', message: expect.any(String) })]);
    const noName = await owner.post('/api/v1/workspaces', {});
    expect(noName.body.error.details).toEqual([expect.objectContaining({ path: 'name', kind: 'required' })]);
    const emperor = await owner.post(`/api/v1/workspaces/${workspaceId}/invitations`, { email: 'a@b.co', role: 'emperor' });
    expectError(emperor, 400, 'validation_failed');
    expect(emperor.body.error.details).toEqual([expect.objectContaining({ path: 'role', kind: 'not_one_of' })]);
    expectError(await owner.patch(`/api/v1/workspaces/${workspaceId}`, { timezone: 'Mars/Olympus' }), 400, 'validation_failed');
  });

  it('refuses unknown fields', async () => {
    const res = await owner.post('/api/v1/workspaces', { name: 'Ok', isAdmin: true });
    expectError(res, 400, 'validation_failed');
  });

  it('refuses oversized bodies with 413 and keeps serving', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });
    expectError(await owner.request('POST', '/api/v1/workspaces', huge), 413, 'payload_too_large');
    expect((await owner.get('/api/v1/workspaces')).status).toBe(200);
  });

  it('answers unknown API routes with 404 in the error shape', async () => {
    expectError(await owner.get('/api/v1/nothing-here'), 404, 'not_found');
  });

  it('keeps names with markup as plain data', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const res = await owner.post('/api/v1/workspaces', { name });
    expect(res.status).toBe(201);
    expect((await owner.get(`/api/v1/workspaces/${res.body.id}`)).body.name).toBe(name);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('refuses network addresses that lead to this machine or a private network', async () => {
    const bsky = await owner.post(`/api/v1/workspaces/${workspaceId}/accounts/bluesky`, {
      service: 'http://127.0.0.1:2583', identifier: 'me.test', appPassword: 'abcd-efgh-ijkl-mnop',
    });
    expectError(bsky, 400, 'blocked_address');
    expectError(await owner.post(`/api/v1/workspaces/${workspaceId}/accounts/mastodon`, { instance: 'http://169.254.169.254' }), 400, 'blocked_address');
    expect((await owner.get(`/api/v1/workspaces/${workspaceId}/accounts`)).body.items).toEqual([]);
  });

  it('describes the API as OpenAPI 3.1 with every route', async () => {
    const doc = (await owner.get('/api/v1/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/health', '/api/v1/session', '/api/v1/workspaces/{workspaceId}/members/{memberId}']),
    );
  });
});
