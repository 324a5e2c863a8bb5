import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, type TestRuche } from '../helpers/ruche.js';
import type { TestClient } from '../helpers/client.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { startPublishingTeam } from '../helpers/publishing-team.js';
import { connectLocalAccount, history, inSeconds } from '../helpers/publishing.js';

describe.each(databases)('approving several posts at once on %s', (kind) => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let account: string;
  let creator: TestClient;
  let strategist: TestClient;
  let client: TestClient;
  let ownerId: string;
  let otherPost: string;

  beforeAll(async () => {
    ({ ruche, owner, ws, account, creator, strategist, client, ownerId } = await startPublishingTeam(kind, network));
    await owner.patch(`/api/v1/workspaces/${ws}/publishing`, { approvalSteps: [{ roles: ['strategist'], count: 1 }, { roles: ['client'], count: 1 }] });
    // A post in review in another workspace: its id must be as unknown here as a made-up one.
    const other = (await owner.post('/api/v1/workspaces', { name: 'Brand B' })).body.id;
    const otherAccount = await connectLocalAccount(ruche, other, ownerId, 'brand-b');
    await owner.patch(`/api/v1/workspaces/${other}/publishing`, { approvalSteps: [{ roles: ['owner'], count: 1 }] });
    otherPost = (await owner.post(`/api/v1/workspaces/${other}/posts`, { body: 'B', accountIds: [otherAccount] })).body.id;
    await owner.post(`/api/v1/workspaces/${other}/posts/${otherPost}/submit`);
  });
  afterAll(() => ruche?.stop());

  const posts = (p = '') => `/api/v1/workspaces/${ws}/posts${p}`;
  async function inReview(body: string) {
    const draft = await creator.post(posts(), { body, accountIds: [account], scheduledAt: inSeconds(3600) });
    await creator.post(posts(`/${draft.body.id}/submit`));
    return draft.body.id as string;
  }

  it('answers each post: approved, or why not, and one refusal does not stop the others', async () => {
    const [a, b, c] = [await inReview('First'), await inReview('Second'), await inReview('Third')];
    const draft = (await creator.post(posts(), { body: 'Still a draft', accountIds: [account] })).body.id;
    const res = await strategist.post(posts('/approvals'), { ids: [a, draft, b, otherPost, 'no-such-post', c], decision: 'approved', comment: 'Good to go' });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: a, ok: true },
      { id: draft, ok: false, error: { code: 'not_in_review', message: expect.any(String) } },
      { id: b, ok: true },
      { id: otherPost, ok: false, error: { code: 'not_found', message: expect.any(String) } },
      { id: 'no-such-post', ok: false, error: { code: 'not_found', message: expect.any(String) } },
      { id: c, ok: true },
    ]);
    // The same gate as one decision: the strategist's step is met, the client's is next.
    for (const id of [a, b, c]) {
      expect((await owner.get(posts(`/${id}`))).body).toMatchObject({ status: 'in_review', approval: { currentStep: 1 } });
      expect(await history(owner, ws, id)).toContain('approved');
    }
    // Approving again is refused per post: the strategist has already decided at this step.
    const again = await strategist.post(posts('/approvals'), { ids: [a], decision: 'approved' });
    expect(again.body.items).toEqual([{ id: a, ok: false, error: { code: 'forbidden', message: expect.any(String) } }]);
    // The client completes them; they go on the calendar.
    const done = await client.post(posts('/approvals'), { ids: [a, b, c], decision: 'approved' });
    expect(done.body.items.every((i: { ok: boolean }) => i.ok)).toBe(true);
    expect((await owner.get(posts(`/${a}`))).body.status).toBe('scheduled');
  });

  it('refuses a member whose turn has not come, item by item, and a role that does not approve, at once', async () => {
    const id = await inReview('Client too early');
    const early = await client.post(posts('/approvals'), { ids: [id], decision: 'approved' });
    expect(early.body.items).toEqual([{ id, ok: false, error: { code: 'forbidden', message: expect.any(String) } }]);
    const creatorTry = await creator.post(posts('/approvals'), { ids: [id], decision: 'approved' });
    expect(creatorTry.status).toBe(403);
    expect((await owner.get(posts(`/${id}`))).body.approval.currentStep).toBe(0);
  });

  it('sends posts back only with a comment saying what to change', async () => {
    const id = await inReview('Too loud');
    const bare = await strategist.post(posts('/approvals'), { ids: [id], decision: 'changes_requested', comment: '  ' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.code).toBe('validation_failed');
    expect((await strategist.post(posts(`/${id}/decision`), { decision: 'changes_requested' })).status).toBe(400);
    const back = await strategist.post(posts('/approvals'), { ids: [id], decision: 'changes_requested', comment: 'Tone it down' });
    expect(back.body.items).toEqual([{ id, ok: true }]);
    expect((await owner.get(posts(`/${id}`))).body.status).toBe('draft');
    const items = (await owner.get(posts(`/${id}/history`))).body.items;
    expect(items.find((e: { kind: string }) => e.kind === 'changes_requested')).toMatchObject({ body: 'Tone it down' });
  });

  it('refuses an empty or oversized list', async () => {
    expect((await strategist.post(posts('/approvals'), { ids: [], decision: 'approved' })).status).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => `p${i}`);
    expect((await strategist.post(posts('/approvals'), { ids: many, decision: 'approved' })).status).toBe(400);
  });
});
