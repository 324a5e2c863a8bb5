/**
 * Audit rows carry what their sentence needs when they are written: names, handles and roles as they were, so
 * the log still says whom and what after the member, the account or the campaign is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { addMember, setupOwner, type TestClient } from '../helpers/client.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { connectLocalAccount } from '../helpers/publishing.js';

interface Row {
  action: string;
  actor: { id: string; name: string } | null;
  targetType: string | null;
  targetId: string | null;
  data: Record<string, unknown>;
  ip: string | null;
}

describe.each(databases)('audit data on %s', (kind) => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let ownerId: string;

  beforeAll(async () => {
    ruche = await startTestRuche(kind, {}, { connectors: network.factory() });
    ({ client: owner, workspaceId: ws, userId: ownerId } = await setupOwner(ruche.url));
  });
  afterAll(() => ruche?.stop());

  const log = async (action: string): Promise<Row[]> => {
    const res = await owner.get(`/api/v1/workspaces/${ws}/audit`);
    expect(res.status).toBe(200);
    return (res.body.items as Row[]).filter((e) => e.action === action);
  };

  it('names the member whose role changed, and the one removed, even once they are gone', async () => {
    const marc = await addMember(owner, ws, 'marc@example.com', 'analyst');
    expect((await owner.patch(`/api/v1/workspaces/${ws}/members/${marc.memberId}`, { role: 'community_manager' })).status).toBe(200);
    expect((await owner.delete(`/api/v1/workspaces/${ws}/members/${marc.memberId}`)).status).toBe(204);

    const [changed] = await log('member.role_changed');
    expect(changed).toMatchObject({
      actor: { id: ownerId, name: 'Olivia Owner' }, targetType: 'user', targetId: marc.userId,
      data: { name: 'marc', from: 'analyst', to: 'community_manager' }, ip: '127.0.0.1',
    });
    const [removed] = await log('member.removed');
    expect(removed).toMatchObject({ targetId: marc.userId, data: { name: 'marc', role: 'community_manager' } });
  });

  it('names the account connected and disconnected, with its network', async () => {
    const accountId = await connectLocalAccount(ruche, ws, ownerId, 'brand.bsky.social');
    expect((await owner.delete(`/api/v1/workspaces/${ws}/accounts/${accountId}`)).status).toBe(204);
    const [connected] = await log('account.connected');
    expect(connected).toMatchObject({ targetType: 'account', targetId: accountId, data: { network: 'bluesky', handle: 'brand.bsky.social', reconnected: false } });
    const [disconnected] = await log('account.disconnected');
    expect(disconnected).toMatchObject({
      actor: { id: ownerId }, targetType: 'account', targetId: accountId, data: { network: 'bluesky', handle: 'brand.bsky.social' },
    });
    // Disconnecting an account of another workspace, or none, records nothing.
    expect((await owner.delete(`/api/v1/workspaces/${ws}/accounts/nope`)).status).toBe(404);
    expect(await log('account.disconnected')).toHaveLength(1);
  });

  it('logs campaigns created, renamed, changed and deleted, by name', async () => {
    const path = `/api/v1/workspaces/${ws}/campaigns`;
    const created = await owner.post(path, { name: 'Summer sale' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await owner.patch(`${path}/${id}`, { name: 'Summer sale 2026' })).status).toBe(200);
    expect((await owner.patch(`${path}/${id}`, { color: '#123456' })).status).toBe(200);
    // A change of nothing is no change.
    expect((await owner.patch(`${path}/${id}`, {})).status).toBe(200);
    expect((await owner.delete(`${path}/${id}`)).status).toBe(204);
    expect((await owner.delete(`${path}/${id}`)).status).toBe(404);

    expect((await log('campaign.created')).map((e) => [e.targetId, e.data])).toEqual([[id, { name: 'Summer sale' }]]);
    expect((await log('campaign.updated')).map((e) => e.data)).toEqual([{ name: 'Summer sale 2026' }, { name: 'Summer sale 2026', from: 'Summer sale' }]);
    const deleted = await log('campaign.deleted');
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatchObject({ actor: { id: ownerId }, targetType: 'campaign', targetId: id, data: { name: 'Summer sale 2026' } });
  });

  it('keeps the address and role of a revoked invitation', async () => {
    const inv = await owner.post(`/api/v1/workspaces/${ws}/invitations`, { email: 'gone@example.com', role: 'client' });
    expect((await owner.delete(`/api/v1/workspaces/${ws}/invitations/${inv.body.id}`)).status).toBe(204);
    const [revoked] = await log('invitation.revoked');
    expect(revoked).toMatchObject({ targetType: 'invitation', targetId: inv.body.id, data: { email: 'gone@example.com', role: 'client' } });
  });
});
