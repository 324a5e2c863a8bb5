import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { TestClient, addMember, setupOwner } from '../helpers/client.js';

interface Operation {
  method: string;
  path: string;
}

/** Every workspace-scoped operation the API declares: new routes are covered without editing this test. */
async function workspaceOperations(client: TestClient): Promise<Operation[]> {
  const doc = (await client.get('/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.includes('{workspaceId}')) continue;
    for (const method of Object.keys(item)) ops.push({ method: method.toUpperCase(), path });
  }
  return ops;
}

describe.each(databases)('tenant isolation on %s', (kind) => {
  let ruche: TestRuche;
  let ids: Record<string, string>;
  let intruder: TestClient;
  let intruderWorkspace: string;

  beforeAll(async () => {
    ruche = await startTestRuche(kind);
    const a = await setupOwner(ruche.url);
    const b = await a.client.post('/api/v1/workspaces', { name: 'Brand B' });
    const bId = b.body.id as string;
    // Real resources of B, so that the test proves they are hidden, not merely absent.
    const bMember = await addMember(a.client, bId, 'b-member@example.com', 'analyst');
    const bInvite = await a.client.post(`/api/v1/workspaces/${bId}/invitations`, { email: 'pending@example.com', role: 'client' });
    ids = { workspaceId: bId, memberId: bMember.memberId, invitationId: bInvite.body.id };
    // The intruder is an admin of A only.
    const intr = await addMember(a.client, a.workspaceId, 'intruder@example.com', 'admin');
    intruder = intr.client;
    intruderWorkspace = a.workspaceId;
  });
  afterAll(() => ruche?.stop());

  const fill = (path: string, values: Record<string, string>) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `unknown-${name}`);

  it("answers 404 to a member of A on every route of B's workspace", async () => {
    const ops = await workspaceOperations(intruder);
    expect(ops.length).toBeGreaterThanOrEqual(10);
    const leaks: string[] = [];
    for (const op of ops) {
      const res = await intruder.request(op.method, fill(op.path, ids), op.method === 'GET' ? undefined : {});
      if (res.status !== 404 || res.body?.error?.code !== 'not_found') leaks.push(`${op.method} ${op.path} → ${res.status}`);
    }
    expect(leaks).toEqual([]);
  });

  it("answers 404 when B's resource ids are used under A's workspace", async () => {
    const ops = (await workspaceOperations(intruder)).filter((op) => /\{(memberId|invitationId)\}/.test(op.path));
    expect(ops.length).toBeGreaterThan(0);
    for (const op of ops) {
      const body = op.method === 'PATCH' ? { role: 'client' } : undefined;
      const res = await intruder.request(op.method, fill(op.path, { ...ids, workspaceId: intruderWorkspace }), body);
      expect(`${op.method} ${op.path} → ${res.status}`).toBe(`${op.method} ${op.path} → 404`);
    }
  });

  it('answers 401 to anonymous callers on every workspace route', async () => {
    const anon = new TestClient(ruche.url);
    for (const op of await workspaceOperations(intruder)) {
      const res = await anon.request(op.method, fill(op.path, ids), op.method === 'GET' ? undefined : {});
      expect(`${op.method} ${op.path} → ${res.status}`).toBe(`${op.method} ${op.path} → 401`);
    }
  });
});
