import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { addMember, setupOwner, type TestClient } from '../helpers/client.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { connectLocalAccount, history, waitForStatus } from '../helpers/publishing.js';

describe.each(databases)('crisis switch on %s', (kind) => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let account: string;

  beforeAll(async () => {
    ruche = await startTestRuche(kind, {}, { connectors: network.factory() });
    const o = await setupOwner(ruche.url);
    ({ client: owner, workspaceId: ws } = o);
    account = await connectLocalAccount(ruche, ws, o.userId, 'brand');
  });
  afterAll(() => ruche?.stop());

  const posts = (p = '') => `/api/v1/workspaces/${ws}/posts${p}`;
  /** Submits a post planned at `at`; 'now' sends it once approved, so that its time comes while paused however slow the machine. */
  const plan = async (body: string, at: string) => {
    const p = await owner.post(posts(), { body, accountIds: [account], scheduledAt: at === 'now' ? null : at });
    await owner.post(posts(`/${p.body.id}/submit`));
    if (at === 'now') await owner.post(posts(`/${p.body.id}/schedule`), { at: 'now' });
    return p.body.id as string;
  };

  it('holds every scheduled post while paused, then asks what to do with the overdue ones', async () => {
    const analyst = (await addMember(owner, ws, 'analyst@example.com', 'analyst')).client;
    expect((await analyst.post(`/api/v1/workspaces/${ws}/publishing/pause`)).status).toBe(403);

    // Paused before the posts are planned, so that however slow the machine, none can leave before the pause.
    const paused = await owner.post(`/api/v1/workspaces/${ws}/publishing/pause`);
    expect(paused.body.paused).toBe(true);
    const soonA = await plan('Promo A', 'now');
    const soonB = await plan('Promo B', 'now');
    const later = await plan('Next week', '2031-01-05T10:00:00Z');
    for (const id of [soonA, soonB]) {
      for (let i = 0; i < 600 && !(await history(owner, ws, id)).includes('held_paused'); i++) await new Promise((r) => setTimeout(r, 50));
      expect(await history(owner, ws, id)).toContain('held_paused');
    }
    expect(network.published().filter((p) => p.text.startsWith('Promo'))).toHaveLength(0);
    const settings = (await owner.get(`/api/v1/workspaces/${ws}/publishing`)).body;
    expect(settings.overdue.map((p: { id: string }) => p.id).sort()).toEqual([soonA, soonB].sort());

    const resumed = await owner.post(`/api/v1/workspaces/${ws}/publishing/resume`, {
      overdue: 'publish_now',
      decisions: [{ postId: soonB, action: 'unschedule' }],
    });
    expect(resumed.body).toMatchObject({ paused: false, overdue: [] });
    expect((await waitForStatus(owner, ws, soonA, ['published', 'failed'])).status).toBe('published');
    expect((await owner.get(posts(`/${soonB}`))).body.status).toBe('approved');
    expect((await owner.get(posts(`/${later}`))).body.status).toBe('scheduled');
    expect(network.published().filter((p) => p.text.startsWith('Promo')).map((p) => p.text)).toEqual(['Promo A']);

    const audit = (await owner.get(`/api/v1/workspaces/${ws}/audit`)).body.items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['publishing.paused', 'publishing.resumed']));
  });

  it('asks for a future time when rescheduling overdue posts', async () => {
    await owner.post(`/api/v1/workspaces/${ws}/publishing/pause`);
    const id = await plan('Held', 'now');
    for (let i = 0; i < 600 && !(await history(owner, ws, id)).includes('held_paused'); i++) await new Promise((r) => setTimeout(r, 50));
    const bad = await owner.post(`/api/v1/workspaces/${ws}/publishing/resume`, { overdue: 'reschedule' });
    expect(bad.status).toBe(400);
    expect((await owner.get(`/api/v1/workspaces/${ws}/publishing`)).body.paused).toBe(true);
    const at = '2031-02-01T08:00:00.000Z';
    await owner.post(`/api/v1/workspaces/${ws}/publishing/resume`, { overdue: 'reschedule', rescheduleAt: at });
    expect((await owner.get(posts(`/${id}`))).body).toMatchObject({ status: 'scheduled', scheduledAt: at });
  });
});
