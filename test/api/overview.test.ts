import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { addMember, setupOwner, type TestClient } from '../helpers/client.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { connectLocalAccount, waitForStatus } from '../helpers/publishing.js';

describe.each(databases)('workspace overview on %s', (kind) => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let account: string;
  let second: string;
  let creator: TestClient;
  let strategist: TestClient;
  let client: TestClient;
  let other: string;
  let otherPosts: string[];

  beforeAll(async () => {
    ruche = await startTestRuche(kind, {}, { connectors: network.factory() });
    const o = await setupOwner(ruche.url);
    ({ client: owner, workspaceId: ws } = o);
    account = await connectLocalAccount(ruche, ws, o.userId, 'brand');
    second = await connectLocalAccount(ruche, ws, o.userId, 'second');
    creator = (await addMember(owner, ws, 'creator@example.com', 'content_creator')).client;
    strategist = (await addMember(owner, ws, 'strat@example.com', 'strategist')).client;
    client = (await addMember(owner, ws, 'client@example.com', 'client')).client;

    // Another workspace of the same owner, with a failure and a post in review of its own.
    other = (await owner.post('/api/v1/workspaces', { name: 'Brand B' })).body.id;
    const otherAccount = await connectLocalAccount(ruche, other, o.userId, 'brand-b');
    const b = (p = '') => `/api/v1/workspaces/${other}/posts${p}`;
    network.failNext('rejected', 'B was refused', 'brand-b');
    const bFailed = await owner.post(b(), { body: 'B fails', accountIds: [otherAccount] });
    await owner.post(b(`/${bFailed.body.id}/submit`));
    await owner.post(b(`/${bFailed.body.id}/schedule`), { at: 'now' });
    await waitForStatus(owner, other, bFailed.body.id, ['failed']);
    await owner.patch(`/api/v1/workspaces/${other}/publishing`, { approvalSteps: [{ roles: ['strategist'], count: 1 }] });
    const bReview = await owner.post(b(), { body: 'B in review', accountIds: [otherAccount] });
    await owner.post(b(`/${bReview.body.id}/submit`));
    otherPosts = [bFailed.body.id, bReview.body.id];
  });
  afterAll(() => ruche?.stop());

  const posts = (p = '') => `/api/v1/workspaces/${ws}/posts${p}`;
  const overviewOf = async (c: TestClient, workspaceId = ws) => (await c.get(`/api/v1/workspaces/${workspaceId}/overview`)).body;

  it('guides a new workspace: no post yet, nothing to approve, nothing failed', async () => {
    const o = await overviewOf(owner);
    expect(o).toMatchObject({ agenda: [], toApprove: { count: 0, items: [] }, problems: { failed: [], failedCount: 0, held: [] }, crisis: null });
    expect(o.counts).toEqual({ accounts: 2, posts: 0, members: 4 });
    expect(o.zone).toBe('Europe/Paris');
    // No approval steps yet: an approved post reads "ready" on the page.
    expect(o.approvalRequired).toBe(false);
    expect(Date.parse(o.week.from)).toBeLessThanOrEqual(Date.parse(o.today.from));
  });

  it('shows a failed post, with the network’s words, and a post waiting for my approval — and nothing of another workspace', async () => {
    network.failNext('rejected', 'The moderators said no', 'brand');
    const failing = await owner.post(posts(), { body: 'A post that fails', accountIds: [account] });
    await owner.post(posts(`/${failing.body.id}/submit`));
    await owner.post(posts(`/${failing.body.id}/schedule`), { at: 'now' });
    await waitForStatus(owner, ws, failing.body.id, ['failed']);

    await owner.patch(`/api/v1/workspaces/${ws}/publishing`, { approvalSteps: [{ roles: ['strategist'], count: 1 }] });
    const { week, approvalRequired } = await overviewOf(owner);
    expect(approvalRequired).toBe(true);
    // A time inside this week (now is in it), whatever day of the week the test runs.
    const inWeek = new Date((Date.now() + Date.parse(week.to)) / 2).toISOString();
    const review = await creator.post(posts(), { body: 'Please approve me', accountIds: [account], scheduledAt: inWeek });
    await creator.post(posts(`/${review.body.id}/submit`));
    const draft = await creator.post(posts(), { body: 'A draft this week', accountIds: [account], scheduledAt: inWeek });

    const mine = await overviewOf(strategist);
    expect(mine.toApprove.count).toBe(1);
    expect(mine.toApprove.items[0]).toMatchObject({ id: review.body.id, status: 'in_review', excerpt: 'Please approve me', targets: [{ handle: 'brand' }] });
    expect(mine.problems.failed[0]).toMatchObject({ id: failing.body.id, status: 'failed', targets: [{ handle: 'brand', status: 'failed', error: 'The moderators said no' }] });
    expect(mine.problems.failedCount).toBe(1);
    expect(mine.agenda.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([review.body.id, draft.body.id]));

    // The owner is not an approver at this step: the post waits for others.
    expect((await overviewOf(owner)).toApprove).toMatchObject({ count: 0, waitingOthers: 1 });

    const everything = JSON.stringify([mine, await overviewOf(owner)]);
    for (const id of otherPosts) expect(everything).not.toContain(id);
    expect(everything).not.toContain('B was refused');
  });

  it('shows a client only what they may: the week without drafts, nothing failed, no accounts', async () => {
    const seen = await overviewOf(client);
    expect(seen.problems).toBeNull();
    expect(seen.accounts).toBeNull();
    expect(seen.toApprove).toMatchObject({ count: 0 });
    expect(seen.agenda.some((p: { status: string }) => p.status === 'draft')).toBe(false);
    expect(seen.agenda.some((p: { status: string }) => p.status === 'in_review')).toBe(true);
  });

  it('lists accounts to reconnect, and the pause with the posts it holds past their time', async () => {
    await owner.patch(`/api/v1/workspaces/${ws}/publishing`, { approvalSteps: [] });
    network.failNext('auth_expired', 'Session expired', 'second');
    const dead = await owner.post(posts(), { body: 'Sent with expired credentials', accountIds: [second] });
    await owner.post(posts(`/${dead.body.id}/submit`));
    await owner.post(posts(`/${dead.body.id}/schedule`), { at: 'now' });
    await waitForStatus(owner, ws, dead.body.id, ['failed']);
    expect((await overviewOf(owner)).accounts).toEqual([expect.objectContaining({ id: second, handle: 'second', status: 'reconnect' })]);

    await owner.post(`/api/v1/workspaces/${ws}/publishing/pause`);
    const held = await owner.post(posts(), { body: 'Held by the pause', accountIds: [account] });
    await owner.post(posts(`/${held.body.id}/submit`));
    await owner.post(posts(`/${held.body.id}/schedule`), { at: 'now' });
    await expect.poll(async () => (await overviewOf(owner)).problems.held.map((p: { id: string }) => p.id), { timeout: 20_000 }).toEqual([held.body.id]);
    const o = await overviewOf(owner);
    expect(o.crisis).toMatchObject({ pausedBy: 'Olivia Owner' });
    expect((await overviewOf(client)).crisis).not.toBeNull();
    expect(network.published().map((p) => p.text)).not.toContain('Held by the pause');
  });

  it('answers 404 to a member of another workspace, and opens to every role of its own', async () => {
    expect((await strategist.get(`/api/v1/workspaces/${other}/overview`)).status).toBe(404);
    for (const member of [creator, client, strategist]) expect((await member.get(`/api/v1/workspaces/${ws}/overview`)).status).toBe(200);
  });
});
